/** SearchIndex: the workspace full-text index with incremental updates, search, and persistence. */
import type { Claim, Dossier, Entity, Highlight, Source } from '../domain/types';
import type { Result } from '../domain/result';
import { DocTable } from './doc-table';
import { IndexWork } from './index-work';
import { claimDoc, dossierDoc, entityDoc, highlightDoc, sourceTitle } from './records';
import { runSearch } from './search';
import { loadSearchIndex, type DocBatches, type LoadedIndex, type SearchIndexLoadError, type SerializedSearchIndex, serializeSearchIndex } from './serialize';
import type { ClaimParties, IndexedDoc, SearchHit, SearchKind, SearchOptions } from './types';

/** Background mode still indexes a source this small before returning (~100 passages, ~20 ms): an imported article is found at once. */
export const INLINE_SOURCE_CHARS = 100_000;

export interface SearchIndexOptions {
  /**
   * Leave the slow part of updates queued for `work()` instead of finishing it before returning:
   * indexing a source's passages, forgetting a removed source's words, compaction. For hosts that
   * answer requests on the same thread; searches meanwhile see what is indexed so far.
   */
  background?: boolean;
}

export class SearchIndex {
  private readonly table: DocTable;
  private readonly queue: IndexWork;
  private readonly background: boolean;

  constructor(loaded?: LoadedIndex, options: SearchIndexOptions = {}) {
    this.table = new DocTable(loaded);
    this.queue = new IndexWork(this.table);
    this.background = options.background ?? false;
  }

  /** Indexes a source's metadata and its text in passages; replaces any earlier version. */
  upsertSource(source: Source, text: string): void {
    this.table.sources.set(source.id, { title: sourceTitle(source) });
    this.queue.queueSource(source, text);
    if (text.length <= INLINE_SOURCE_CHARS) this.queue.finishSource(source.id);
    this.settle();
  }

  removeSource(id: string): void {
    this.table.sources.delete(id);
    this.queue.removeSource(id);
    this.settle();
  }

  /** Indexes the quote, the note and the names of its tags. */
  upsertHighlight(h: Highlight, tagNames: string[]): void {
    this.replace('highlight', h.id, highlightDoc(h, tagNames));
  }

  removeHighlight(id: string): void {
    this.replace('highlight', id, null);
  }

  /** Indexes the statement with the names of its claimant and subjects (`parties`, resolved by the host). */
  upsertClaim(c: Claim, parties?: ClaimParties): void {
    this.replace('claim', c.id, claimDoc(c, parties));
  }

  removeClaim(id: string): void {
    this.replace('claim', id, null);
  }

  upsertEntity(e: Entity): void {
    this.replace('entity', e.id, entityDoc(e));
  }

  removeEntity(id: string): void {
    this.replace('entity', id, null);
  }

  upsertDossier(d: Dossier): void {
    this.replace('dossier', d.id, dossierDoc(d));
  }

  removeDossier(id: string): void {
    this.replace('dossier', id, null);
  }

  search(query: string, opts?: SearchOptions): SearchHit[] {
    return runSearch(this.table.state(), query, opts);
  }

  /** True while queued work (background mode) is left: results may be partial. */
  get pending(): boolean {
    return this.queue.pending;
  }

  /**
   * Does queued work, a passage or so at a time, while `more()` says so (it is asked after each unit,
   * so every call makes progress); returns whether work is left.
   */
  work(more: () => boolean): boolean {
    return this.queue.run(more);
  }

  /** Number of indexed documents (source passages count one each). */
  get size(): number {
    return this.table.docs.size;
  }

  /** Bytes of the document table's typed-array columns (memory tests, benchmark). */
  get columnBytes(): number {
    return this.table.docs.columnBytes;
  }

  has(kind: SearchKind, id: string): boolean {
    return this.table.records.has(kind, id) || (kind === 'source' && this.queue.hasSource(id));
  }

  /** Indexed records per kind: a source counts once however many passages it has (one still being indexed too). */
  recordCounts(): Record<SearchKind, number> {
    const counts = this.table.records.counts();
    counts.source += this.queue.queuedSources;
    return counts;
  }

  /** Rebuilds the engines from the live documents, dropping tombstones of removed ones. */
  compact(): void {
    this.table.startCompaction();
    while (this.table.compacting) this.table.compactStep();
  }

  /** The persisted form; queued work is finished first so nothing half-indexed is saved. */
  toJSON(): SerializedSearchIndex {
    while (this.queue.run(() => true));
    const t = this.table;
    return serializeSearchIndex({
      docs: t.docs.storedDocs(), sources: t.sources, engine: t.engine, titles: t.titles,
      vocabulary: t.vocabulary, nextDocId: t.nextDocId, tombstones: t.tombstones,
    });
  }

  /**
   * Restores a persisted index; a stale or damaged one comes back as an error so the host rebuilds. `batches`: the
   * documents a host has already taken as it read them (see DocBatches), before `json.docs`.
   */
  static fromJSON(json: unknown, options?: SearchIndexOptions & { consume?: boolean; batches?: DocBatches }): Result<SearchIndex, SearchIndexLoadError> {
    const loaded = loadSearchIndex(json, options?.consume ?? false, options?.batches);
    return loaded.ok ? { ok: true, value: new SearchIndex(loaded.value, options) } : loaded;
  }

  /** Replaces the one document of a highlight, claim, entity or dossier (null removes it). */
  private replace(kind: SearchKind, recordId: string, next: IndexedDoc | null): void {
    const t = this.table;
    const previous = t.records.first(kind, recordId);
    if (previous !== undefined && next && t.sameText(previous, next)) {
      // Only metadata changed (colour, tags ids, dates…): no re-indexing, no tombstones.
      t.setMeta(previous, next);
      return;
    }
    // One small document: forgetting its words now costs less than queueing it.
    if (previous !== undefined) {
      const detached = t.detach(previous);
      if (detached) t.uncount(detached);
    }
    if (next) t.records.set(kind, recordId, [t.add(next)]);
    else t.records.delete(kind, recordId);
    this.settle();
  }

  /** Without background mode, every update is complete when it returns. */
  private settle(): void {
    if (!this.background) while (this.queue.run(() => true));
  }
}
