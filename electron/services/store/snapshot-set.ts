/** Writing the snapshot as a set: changed shards first (each durable), the index (snapshot.json) last, superseded shards removed after. */
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/domain/types';
import type { WorkspaceState } from '../../../shared/domain/state';
import { fsyncDir, writeFileDurable, type FsOps } from './durable-fs';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { DirtyBuckets, SHARDS_DIR, bucketOf, encodeShard, shardsOf, type ShardEntry } from './shards';
import type { SnapshotDoc } from './snapshot';
import { summarizeLibrary } from './library-summary';

export interface SetPlan {
  /** The index to write as snapshot.json once every shard it lists is durable. */
  index: SnapshotDoc;
  /** Shards with new content, each handed to `emit` as soon as it is serialised (one shard in memory at a time). */
  written: ShardEntry[];
  /** Shards of the previous index kept as they are. */
  keep: ShardEntry[];
}

const nextPow2 = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/** How many buckets collection `c` gets: none (inline) while small and never sharded; doubles as it grows. */
function bucketsFor(n: number, prev: number | undefined, shardRecords: number): number | null {
  if (prev === undefined && n <= shardRecords) return null;
  let b = prev ?? nextPow2(Math.ceil(n / shardRecords));
  while (n > b * shardRecords * 2) b *= 2;
  return b;
}

/**
 * Plans the set for `state`: collections over `shardRecords` records are split into buckets, and only buckets
 * that `dirty` marks (or that are new, or all of them when `dirty` is null or the bucket count changed) are
 * serialised; the rest keep their files. Small collections and the history stay inline in the index.
 */
export function planSet(
  state: SetSource, seq: number, prev: readonly ShardEntry[] | undefined, dirty: DirtyBuckets | null, shardRecords: number,
  emit: (shard: EncodedShard) => void,
): SetPlan {
  const collections: Record<string, Record<string, unknown>> = {};
  const written: ShardEntry[] = [];
  const keep: ShardEntry[] = [];
  for (const c of COLLECTION_NAMES) {
    const before = shardsOf(prev, c);
    const buckets = bucketsFor(state.count(c), before[0]?.buckets, shardRecords);
    if (buckets === null) {
      collections[c] = Object.fromEntries(state.all(c).map((r) => [r.id, r]));
      continue;
    }
    const same = before[0]?.buckets === buckets;
    const old = new Map(before.map((e) => [e.bucket, e]));
    const rewrite = (b: number) => !same || dirty === null || !old.has(b) || dirty.isDirty(c, b);
    const groups = new Map<number, { records: Record<string, unknown>; count: number }>();
    for (let b = 0; b < buckets; b++) {
      if (rewrite(b)) groups.set(b, { records: {}, count: 0 });
      else keep.push(old.get(b)!);
    }
    if (groups.size === 0) continue;
    for (const r of state.all(c)) {
      const g = groups.get(bucketOf(c, r, buckets));
      if (!g) continue;
      g.records[r.id] = r;
      g.count++;
    }
    for (const [b, g] of groups) {
      const shard = encodeShard(c, b, buckets, g.records, g.count);
      groups.delete(b);
      emit(shard);
      written.push(shard.entry);
    }
  }
  const shards = [...keep, ...written].sort((a, b) => a.collection.localeCompare(b.collection) || a.bucket - b.bucket);
  const library = shards.length ? summarizeLibrary(state, shards) : undefined;
  const index: SnapshotDoc = {
    format: 'analyst-workbench/snapshot', schemaVersion: CURRENT_SCHEMA_VERSION, seq, savedAt: new Date().toISOString(),
    collections: collections as SnapshotDoc['collections'], history: state.history,
    ...(shards.length ? { shards } : {}),
    ...(library ? { library } : {}),
  };
  return { index, written, keep };
}

/** What a set is planned from: the open state, or plain collections (the bench writes generated workspaces this way). */
export type SetSource = Pick<WorkspaceState, 'count' | 'all' | 'history'>;

/** A SetSource over plain collections, without building a WorkspaceState and its indexes. */
export function collectionsSource(collections: Partial<Record<CollectionName, Record<string, { id: string }>>>, history: WorkspaceState['history']): SetSource {
  return {
    count: (c) => Object.keys(collections[c] ?? {}).length,
    all: ((c: CollectionName) => Object.values(collections[c] ?? {})) as SetSource['all'],
    history,
  };
}

/** Creates `dir` (and makes its entry durable) unless it exists. */
export function ensureDirDurable(dir: string, ops: FsOps): void {
  if (fs.existsSync(dir)) return;
  ops.mkdirSync(dir);
  fsyncDir(path.dirname(dir), ops);
}

export interface EncodedShard { entry: ShardEntry; data: Buffer }

/** An `emit` that writes each shard into `root`/shards durably (content-addressed: a file already there holds the same bytes). */
export function shardWriter(root: string, ops: FsOps): (shard: EncodedShard) => void {
  return ({ entry, data }) => {
    ensureDirDurable(path.join(root, SHARDS_DIR), ops);
    const file = path.join(root, entry.file);
    if (fs.existsSync(file) && fs.statSync(file).size === entry.bytes) return;
    writeFileDurable(file, data, ops);
  };
}

/**
 * After the new index is durable: removes the shards the previous index listed and the new one does not. Only
 * those: a shard file nobody listed (a quarantined index's, one copied in by hand) is left for a person.
 */
export function removeSuperseded(root: string, prev: readonly ShardEntry[] | undefined, next: readonly ShardEntry[] | undefined): void {
  const live = new Set((next ?? []).map((e) => e.file));
  for (const e of prev ?? []) {
    if (live.has(e.file)) continue;
    try {
      fs.rmSync(path.join(root, e.file), { force: true });
    } catch { /* a leftover is harmless: nothing lists it */ }
  }
}
