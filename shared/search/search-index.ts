/** SearchIndex: the workspace full-text index with incremental updates, search, and persistence. */
import type { Claim, Dossier, Entity, Highlight, Source } from '../domain/types';
import type { Result } from '../domain/result';
import { PostingEngine } from './engine';
import { FacetIndex } from './facets';
import { foldText, tokenizeFolded } from './fold';
import { claimDoc, dossierDoc, entityDoc, highlightDoc, indexedText, sourceDocs, sourceTitle } from './records';
import { runSearch, type SearchState } from './search';
import { loadSearchIndex, type LoadedIndex, type SearchIndexLoadError, type SerializedSearchIndex, serializeSearchIndex } from './serialize';
import type { IndexedDoc, SearchHit, SearchKind, SearchOptions, SourceInfo } from './types';
import { Vocabulary } from './vocabulary';

/** Removed documents stay in the engine as tombstones until this many pile up (and a quarter of the live ones). */
const COMPACT_AFTER = 5_000;

export class SearchIndex {
  private readonly docs: Map<number, IndexedDoc>;
  /** `${kind}:${recordId}` → its document ids. */
  private readonly records = new Map<string, number[]>();
  private readonly sources: Map<string, SourceInfo>;
  private engine: PostingEngine;
  private titles: PostingEngine;
  private readonly vocabulary: Vocabulary;
  private readonly facets = new FacetIndex();
  /** Folded indexed text per document: phrase checks and title matches run on it (rebuilt lazily after loading). */
  private readonly folded = new Map<number, string>();
  private nextDocId: number;
  private tombstones: number;
  private totalBodyLength = 0;

  constructor(loaded?: LoadedIndex) {
    this.docs = loaded?.docs ?? new Map();
    this.sources = loaded?.sources ?? new Map();
    this.engine = loaded?.engine ?? new PostingEngine();
    this.titles = loaded?.titles ?? new PostingEngine();
    this.vocabulary = loaded?.vocabulary ?? new Vocabulary();
    this.nextDocId = loaded?.nextDocId ?? 1;
    this.tombstones = loaded?.tombstones ?? 0;
    for (const [docId, doc] of this.docs) {
      const key = recordKey(doc.kind, doc.recordId);
      const ids = this.records.get(key);
      if (ids) ids.push(docId);
      else this.records.set(key, [docId]);
      this.totalBodyLength += doc.body.length;
      this.facets.add(docId, doc);
    }
  }

  /** Indexes a source's metadata and its text in passages; replaces any earlier version. */
  upsertSource(source: Source, text: string): void {
    this.sources.set(source.id, { title: sourceTitle(source) });
    this.replace('source', source.id, sourceDocs(source, text));
  }

  removeSource(id: string): void {
    this.sources.delete(id);
    this.replace('source', id, []);
  }

  /** Indexes the quote, the note and the names of its tags. */
  upsertHighlight(h: Highlight, tagNames: string[]): void {
    this.replace('highlight', h.id, [highlightDoc(h, tagNames)]);
  }

  removeHighlight(id: string): void {
    this.replace('highlight', id, []);
  }

  upsertClaim(c: Claim): void {
    this.replace('claim', c.id, [claimDoc(c)]);
  }

  removeClaim(id: string): void {
    this.replace('claim', id, []);
  }

  upsertEntity(e: Entity): void {
    this.replace('entity', e.id, [entityDoc(e)]);
  }

  removeEntity(id: string): void {
    this.replace('entity', id, []);
  }

  upsertDossier(d: Dossier): void {
    this.replace('dossier', d.id, [dossierDoc(d)]);
  }

  removeDossier(id: string): void {
    this.replace('dossier', id, []);
  }

  search(query: string, opts?: SearchOptions): SearchHit[] {
    return runSearch(this.state(), query, opts);
  }

  /** Number of indexed documents (source passages count one each). */
  get size(): number {
    return this.docs.size;
  }

  has(kind: SearchKind, id: string): boolean {
    return this.records.has(recordKey(kind, id));
  }

  /** Rebuilds the engines from the live documents, dropping tombstones of removed ones. */
  compact(): void {
    this.engine.reset();
    this.titles.reset();
    for (const [docId, doc] of this.docs) this.addToEngines(docId, doc);
    this.tombstones = 0;
  }

  toJSON(): SerializedSearchIndex {
    return serializeSearchIndex({
      docs: this.docs, sources: this.sources, engine: this.engine, titles: this.titles,
      vocabulary: this.vocabulary, nextDocId: this.nextDocId, tombstones: this.tombstones,
    });
  }

  /** Restores a persisted index; a stale or damaged one comes back as an error so the host rebuilds. */
  static fromJSON(json: unknown): Result<SearchIndex, SearchIndexLoadError> {
    const loaded = loadSearchIndex(json);
    return loaded.ok ? { ok: true, value: new SearchIndex(loaded.value) } : loaded;
  }

  private state(): SearchState {
    return {
      docs: this.docs,
      engine: this.engine,
      titles: this.titles,
      vocabulary: this.vocabulary,
      facets: this.facets,
      sources: this.sources,
      foldedText: (docId) => this.foldedText(docId),
      highlightSource: (id) => this.docs.get(this.records.get(recordKey('highlight', id))?.[0] ?? -1)?.sourceId,
      stats: { documents: Math.max(1, this.docs.size), averageBodyLength: this.totalBodyLength / Math.max(1, this.docs.size) },
    };
  }

  private replace(kind: SearchKind, recordId: string, next: IndexedDoc[]): void {
    const key = recordKey(kind, recordId);
    const previous = this.records.get(key) ?? [];
    if (previous.length > 0 && previous.length === next.length && sameIndexedText(this.docs, previous, next)) {
      // Only metadata changed (colour, tags ids, dates…): no re-indexing, no tombstones.
      previous.forEach((docId, i) => {
        const doc = next[i] as IndexedDoc;
        this.facets.remove(docId, this.docs.get(docId) as IndexedDoc);
        this.facets.add(docId, doc);
        this.docs.set(docId, doc);
      });
      return;
    }
    for (const docId of previous) {
      const doc = this.docs.get(docId);
      if (!doc) continue;
      this.vocabulary.count(new Set(tokenizeFolded(this.foldedText(docId))), -1);
      this.folded.delete(docId);
      this.totalBodyLength -= doc.body.length;
      this.facets.remove(docId, doc);
      this.docs.delete(docId);
      this.tombstones++;
    }
    const ids: number[] = [];
    for (const doc of next) {
      const docId = this.nextDocId++;
      this.docs.set(docId, doc);
      this.facets.add(docId, doc);
      this.addToEngines(docId, doc);
      this.vocabulary.count(new Set(tokenizeFolded(this.foldedText(docId))), 1);
      this.totalBodyLength += doc.body.length;
      ids.push(docId);
    }
    if (ids.length > 0) this.records.set(key, ids);
    else this.records.delete(key);
    if (this.tombstones > COMPACT_AFTER && this.tombstones > this.docs.size / 4) this.compact();
  }

  private addToEngines(docId: number, doc: IndexedDoc): void {
    const folded = foldText(indexedText(doc));
    this.folded.set(docId, folded);
    this.engine.add(docId, folded);
    if (doc.title) this.titles.add(docId, foldText(doc.title));
  }

  private foldedText(docId: number): string {
    let folded = this.folded.get(docId);
    if (folded === undefined) {
      const doc = this.docs.get(docId);
      folded = doc ? foldText(indexedText(doc)) : '';
      if (doc) this.folded.set(docId, folded);
    }
    return folded;
  }
}

const recordKey = (kind: SearchKind, id: string): string => `${kind}:${id}`;

function sameIndexedText(docs: ReadonlyMap<number, IndexedDoc>, previous: readonly number[], next: readonly IndexedDoc[]): boolean {
  return previous.every((docId, i) => {
    const old = docs.get(docId);
    const doc = next[i];
    return old !== undefined && doc !== undefined && indexedText(old) === indexedText(doc);
  });
}
