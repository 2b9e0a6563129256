/** Secondary indexes (kind, source, tag, entity) so selective filters start from a few documents, not every match. */
import type { IndexedDoc, SearchKind, SearchOptions } from './types';

type Posting = Map<string, Set<number>>;

function put(index: Posting, key: string, docId: number): void {
  const set = index.get(key);
  if (set) set.add(docId);
  else index.set(key, new Set([docId]));
}

function drop(index: Posting, key: string, docId: number): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(docId);
  if (set.size === 0) index.delete(key);
}

/** Kinds that are few per workspace; a kinds filter made of these alone is selective. */
const SMALL_KINDS: ReadonlySet<SearchKind> = new Set(['claim', 'entity', 'dossier']);

export class FacetIndex {
  private readonly byKind: Posting = new Map();
  private readonly bySource: Posting = new Map();
  private readonly byTag: Posting = new Map();
  private readonly byEntity: Posting = new Map();
  /** Highlight id → claims citing it, so a source filter reaches claims through their evidence. */
  private readonly byEvidence: Posting = new Map();

  add(docId: number, doc: IndexedDoc): void {
    this.each(doc, (index, key) => put(index, key, docId));
  }

  remove(docId: number, doc: IndexedDoc): void {
    this.each(doc, (index, key) => drop(index, key, docId));
  }

  /**
   * A superset of the documents the tag/entity/source/kind filters allow (the smallest such set),
   * or null when none of them narrows anything. The full filter still runs on each document.
   */
  allowed(opts: SearchOptions, docs: ReadonlyMap<number, IndexedDoc>): ReadonlySet<number> | null {
    const sets: Array<ReadonlySet<number>> = [];
    if (opts.tagIds?.length) sets.push(this.union(this.byTag, opts.tagIds));
    if (opts.entityIds?.length) sets.push(this.union(this.byEntity, opts.entityIds));
    if (opts.sourceIds?.length) sets.push(this.inSources(opts.sourceIds, docs));
    if (opts.kinds?.length && opts.kinds.every((k) => SMALL_KINDS.has(k))) sets.push(this.union(this.byKind, opts.kinds));
    if (sets.length === 0) return null;
    return sets.reduce((smallest, set) => (set.size < smallest.size ? set : smallest));
  }

  private inSources(sourceIds: readonly string[], docs: ReadonlyMap<number, IndexedDoc>): Set<number> {
    const result = this.union(this.bySource, sourceIds);
    for (const docId of [...result]) {
      const doc = docs.get(docId);
      if (doc?.kind !== 'highlight') continue;
      for (const claimDocId of this.byEvidence.get(doc.recordId) ?? []) result.add(claimDocId);
    }
    return result;
  }

  private union(index: Posting, keys: readonly string[]): Set<number> {
    const result = new Set<number>();
    for (const key of keys) for (const docId of index.get(key) ?? []) result.add(docId);
    return result;
  }

  private each(doc: IndexedDoc, visit: (index: Posting, key: string) => void): void {
    // Only small kinds are ever used to narrow (see `allowed`): a set of every highlight and passage would be wasted memory.
    if (SMALL_KINDS.has(doc.kind)) visit(this.byKind, doc.kind);
    if (doc.sourceId !== undefined) visit(this.bySource, doc.sourceId);
    for (const tagId of new Set(doc.tagIds)) visit(this.byTag, tagId);
    for (const entityId of new Set(doc.entityIds)) visit(this.byEntity, entityId);
    for (const highlightId of new Set(doc.evidenceHighlightIds ?? [])) visit(this.byEvidence, highlightId);
  }
}
