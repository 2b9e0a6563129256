/**
 * Record → document ids, per kind. A highlight, claim, entity or dossier has one document: a plain id per
 * record id (the record id string is the one the document table holds), instead of a `${kind}:${id}` key
 * and a one-element array per record (14 MB at 100k highlights, ADR 0011). Sources have one per passage.
 */
import { SEARCH_KINDS, type SearchKind } from './types';

type SingleKind = Exclude<SearchKind, 'source'>;

export class RecordMap {
  private readonly single = new Map<SingleKind, Map<string, number>>(
    SEARCH_KINDS.filter((k): k is SingleKind => k !== 'source').map((k) => [k, new Map()]),
  );
  private readonly sources = new Map<string, number[]>();

  /** The record's document ids (passages in order for a source). */
  get(kind: SearchKind, id: string): readonly number[] | undefined {
    if (kind === 'source') return this.sources.get(id);
    const docId = this.single.get(kind)?.get(id);
    return docId === undefined ? undefined : [docId];
  }

  /** The record's (first) document id. */
  first(kind: SearchKind, id: string): number | undefined {
    return kind === 'source' ? this.sources.get(id)?.[0] : this.single.get(kind)?.get(id);
  }

  has(kind: SearchKind, id: string): boolean {
    return kind === 'source' ? this.sources.has(id) : (this.single.get(kind)?.has(id) ?? false);
  }

  set(kind: SearchKind, id: string, docIds: readonly number[]): void {
    if (kind === 'source') {
      this.sources.set(id, [...docIds]);
      return;
    }
    if (docIds.length !== 1) throw new Error(`a ${kind} has exactly one document (got ${docIds.length})`);
    this.single.get(kind)?.set(id, docIds[0] as number);
  }

  /** Adds one document to a record (loading: documents arrive one at a time, passages in order). */
  push(kind: SearchKind, id: string, docId: number): void {
    if (kind !== 'source') this.set(kind, id, [docId]);
    else {
      const ids = this.sources.get(id);
      if (ids) ids.push(docId);
      else this.sources.set(id, [docId]);
    }
  }

  delete(kind: SearchKind, id: string): void {
    if (kind === 'source') this.sources.delete(id);
    else this.single.get(kind)?.delete(id);
  }

  /** Records per kind. */
  counts(): Record<SearchKind, number> {
    const counts = { source: this.sources.size } as Record<SearchKind, number>;
    for (const [kind, map] of this.single) counts[kind] = map.size;
    return counts;
  }
}
