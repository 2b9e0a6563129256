/** Public API of shared/nlp: offline entity suggestions and the name-folding helper. */
export { suggestEntities } from './suggest';
export { foldForMatch } from './fold';
export type { EntitySuggestion, KnownEntity, TextSpan } from './types';
