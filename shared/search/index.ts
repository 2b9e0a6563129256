/** Workspace full-text search: folding, passages, phrase queries, filters, snippets, persistence. */
export { INLINE_SOURCE_CHARS, SearchIndex, type SearchIndexOptions } from './search-index';
export { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchOptions } from './types';
export {
  SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, searchIndexVersion,
  type SearchIndexLoadError, type SerializedSearchIndex,
} from './serialize';
export { foldText } from './fold';
export { chunkText, type TextChunk } from './chunk';
