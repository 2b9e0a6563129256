/**
 * The library summary (docs/adr/0012, two-phase open): what the Library screen needs of the sharded collections —
 * source records, highlight ids per source, tag ids — written in snapshot.json at each compaction, so the library
 * can be answered from the index and the journal before any shard is read. Derived data: a missing or inconsistent
 * summary only means the library waits for the full load, never recovery mode.
 */
import type { CollectionName, Highlight, Source, Tag } from '../../../shared/domain/types';
import { WorkspaceState, type Change } from '../../../shared/domain/state';
import type { History, Op } from '../../../shared/domain/ops';
import { bucketOf, shardsOf, type ShardEntry } from './shards';
import type { SnapshotDoc } from './snapshot';

export interface LibrarySummary {
  /** The source records, in shard order (the order the full load inserts them); only when `sources` is sharded. */
  sources?: Source[];
  /** Highlight ids by source id; only when `highlights` is sharded. */
  highlights?: Record<string, string[]>;
  /** Tag ids; only when `tags` is sharded. */
  tags?: string[];
}

/** The collections the library reads, the only ones a summary covers. */
const LIBRARY_COLLECTIONS = ['sources', 'highlights', 'tags'] as const satisfies readonly CollectionName[];

interface SummarySource {
  all<C extends CollectionName>(c: C): { id: string }[];
}

/** The summary of `state` for an index listing `shards`; undefined when none of the library's collections is sharded. */
export function summarizeLibrary(state: SummarySource, shards: readonly ShardEntry[]): LibrarySummary | undefined {
  const bucketsOf = (c: CollectionName): number | undefined => shardsOf(shards, c)[0]?.buckets;
  const out: LibrarySummary = {};
  const sourceBuckets = bucketsOf('sources');
  if (sourceBuckets !== undefined) {
    const byBucket: Source[][] = Array.from({ length: sourceBuckets }, () => []);
    for (const s of state.all('sources') as Source[]) byBucket[bucketOf('sources', s, sourceBuckets)]!.push(s);
    out.sources = byBucket.flat();
  }
  if (bucketsOf('highlights') !== undefined) {
    const by: Record<string, string[]> = {};
    for (const h of state.all('highlights') as Highlight[]) (by[h.sourceId] ??= []).push(h.id);
    out.highlights = by;
  }
  if (bucketsOf('tags') !== undefined) out.tags = state.all('tags').map((t) => t.id);
  return Object.keys(out).length > 0 ? out : undefined;
}

const total = (shards: readonly ShardEntry[], c: CollectionName): number => shardsOf(shards, c).reduce((n, e) => n + e.count, 0);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Whether `doc.library` covers exactly the library collections `doc` shards, with as many records as its shards
 * list. Shape only for source records: they are full records, checked again with their shard in the second phase.
 */
function checkSummary(doc: SnapshotDoc, lib: unknown): lib is LibrarySummary {
  if (!lib || typeof lib !== 'object' || Array.isArray(lib)) return false;
  const l = lib as Record<string, unknown>;
  const shards = doc.shards ?? [];
  for (const c of LIBRARY_COLLECTIONS) if ((l[c] !== undefined) !== (shardsOf(shards, c).length > 0)) return false;
  if (l.sources !== undefined) {
    if (!Array.isArray(l.sources) || l.sources.length !== total(shards, 'sources')) return false;
    if (!l.sources.every((s) => s && typeof s === 'object' && typeof (s as Source).id === 'string')) return false;
  }
  if (l.highlights !== undefined) {
    if (!l.highlights || typeof l.highlights !== 'object' || Array.isArray(l.highlights)) return false;
    let n = 0;
    for (const ids of Object.values(l.highlights as Record<string, unknown>)) {
      if (!isStringArray(ids)) return false;
      n += ids.length;
    }
    if (n !== total(shards, 'highlights')) return false;
  }
  if (l.tags !== undefined && (!isStringArray(l.tags) || l.tags.length !== total(shards, 'tags'))) return false;
  return true;
}

/**
 * What the library reads, without building the full state: sources and tags in a small WorkspaceState (which also
 * keeps the undo history and replays the journal exactly as the full state does), highlights only as counts per
 * source, from the summary's id lists. Which source a highlight belongs to is needed only when the journal puts or
 * deletes one, so that map is built on the first such op, not on every open.
 */
export class LibraryState {
  private readonly inner: WorkspaceState;
  private readonly perSource = new Map<string, number>();
  private total = 0;
  private owner: Map<string, string> | null = null;

  constructor(
    sources: Record<string, Source>, tags: Record<string, Tag>, history: History,
    private readonly highlightIds: () => Iterable<[string, readonly string[]]>,
  ) {
    this.inner = WorkspaceState.fromJson({ sources, tags }, history);
    for (const [sourceId, ids] of highlightIds()) this.add(sourceId, ids.length);
    this.inner.onOps((ops) => {
      for (const op of ops) if (op.c === 'highlights') this.applyHighlight(op);
    });
  }

  private add(sourceId: string, n: number): void {
    this.perSource.set(sourceId, (this.perSource.get(sourceId) ?? 0) + n);
    this.total += n;
  }

  private applyHighlight(op: Op): void {
    if (!this.owner) {
      this.owner = new Map();
      for (const [sourceId, ids] of this.highlightIds()) for (const id of ids) this.owner.set(id, sourceId);
    }
    const id = op.t === 'put' ? op.v.id : op.id;
    const before = this.owner.get(id);
    if (before !== undefined) this.add(before, -1);
    if (op.t === 'put') {
      const sourceId = (op.v as Highlight).sourceId;
      this.owner.set(id, sourceId);
      this.add(sourceId, 1);
    } else this.owner.delete(id);
  }

  /** One journal change, applied as WorkspaceState.apply does (undo and redo included). */
  apply(change: Change): void {
    this.inner.apply(change);
  }

  count(c: 'sources' | 'highlights' | 'tags'): number {
    return c === 'highlights' ? this.total : this.inner.count(c);
  }

  all(c: 'sources'): Source[] {
    return this.inner.all(c);
  }

  highlightCount(sourceId: string): number {
    return this.perSource.get(sourceId) ?? 0;
  }

  get history(): History {
    return this.inner.history;
  }
}

/** The library of `doc` from its summary and inline collections; null when it has no shards or no usable summary. */
export function libraryState(doc: SnapshotDoc): LibraryState | null {
  if (!doc.shards?.length || !checkSummary(doc, doc.library)) return null;
  const lib = doc.library;
  const inline = doc.collections as Partial<SnapshotDoc['collections']>;
  const tags: Record<string, Tag> = lib.tags ? Object.fromEntries(lib.tags.map((id) => [id, { id } as Tag])) : (inline.tags ?? {});
  const sources = lib.sources ? Object.fromEntries(lib.sources.map((s) => [s.id, s])) : (inline.sources ?? {});
  const highlightIds = lib.highlights
    ? () => Object.entries(lib.highlights!)
    : () => {
      const by = new Map<string, string[]>();
      for (const h of Object.values(inline.highlights ?? {})) {
        const ids = by.get(h.sourceId);
        if (ids) ids.push(h.id);
        else by.set(h.sourceId, [h.id]);
      }
      return by;
    };
  const state = new LibraryState(sources, tags, doc.history, highlightIds);
  // An id listed twice would make the counts differ from the shards': then the summary is not trusted.
  for (const c of LIBRARY_COLLECTIONS) {
    const listed = shardsOf(doc.shards, c).length > 0 ? total(doc.shards, c) : Object.keys(inline[c] ?? {}).length;
    if (c !== 'highlights' && state.count(c) !== listed) return null;
  }
  return state;
}
