/** Snapshot shards (docs/adr/0012): large collections live in shards/ as hash buckets, listed with size and sha-256 in snapshot.json. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/domain/types';
import type { Op } from '../../../shared/domain/ops';
import type { Change, WorkspaceState } from '../../../shared/domain/state';
import { StoreError } from './errors';
import { stripBom } from './durable-fs';
import { checkCollections } from './record-shapes';

export const SHARDS_DIR = 'shards';
/** A collection with more records than this is sharded, about this many records a shard. */
export const SHARD_RECORDS = 8192;

export interface ShardEntry {
  collection: CollectionName;
  bucket: number;
  /** Buckets of the collection (a power of two): a record lives in bucket hash(key) & (buckets - 1). */
  buckets: number;
  /** Relative to the workspace folder: shards/<collection>.<bucket>.<sha256 prefix>.json (content-addressed, immutable). */
  file: string;
  count: number;
  bytes: number;
  sha256: string;
}

export interface ShardDoc {
  format: 'analyst-workbench/shard';
  collection: CollectionName;
  bucket: number;
  buckets: number;
  records: Record<string, unknown>;
}

/** FNV-1a: cheap and stable across versions (it decides file contents, so it must never change). */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Highlights are bucketed by source, so the edits of a reading session touch one shard; everything else by id.
 * A record without the key field (never valid) falls back to its id.
 */
export function bucketKey(c: CollectionName, v: unknown): string {
  const r = v as { id: string; sourceId?: unknown };
  return c === 'highlights' && typeof r.sourceId === 'string' ? r.sourceId : r.id;
}

export const bucketOf = (c: CollectionName, v: unknown, buckets: number): number => hashKey(bucketKey(c, v)) & (buckets - 1);

const SHARD_FILE = /^shards\/([a-z]+)\.(\d+)\.([0-9a-f]{16})\.json$/;
export const isShardFile = (rel: string): boolean => SHARD_FILE.test(rel.split(path.sep).join('/'));
export const shardsOf = (entries: readonly ShardEntry[] | undefined, c: CollectionName): ShardEntry[] => (entries ?? []).filter((e) => e.collection === c);

const isPow2 = (n: number) => Number.isSafeInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** The index's shard list well-formed (checked before any shard is read). */
export function validateShardEntries(v: unknown): string | null {
  if (v === undefined) return null;
  if (!Array.isArray(v)) return 'shards: expected an array';
  const seen = new Set<string>();
  const buckets = new Map<string, number>();
  for (const [i, e] of v.entries()) {
    const s = e as Partial<ShardEntry> | null;
    if (!s || typeof s !== 'object') return `shards[${i}]: expected an object`;
    if (!(COLLECTION_NAMES as readonly unknown[]).includes(s.collection)) return `shards[${i}].collection: unknown collection`;
    if (!isPow2(s.buckets as number) || !Number.isSafeInteger(s.bucket) || s.bucket! < 0 || s.bucket! >= s.buckets!) return `shards[${i}]: bad bucket`;
    if (buckets.has(s.collection!) && buckets.get(s.collection!) !== s.buckets) return `shards[${i}]: bucket count differs within ${s.collection}`;
    buckets.set(s.collection!, s.buckets!);
    const m = typeof s.file === 'string' ? SHARD_FILE.exec(s.file) : null;
    if (!m || m[1] !== s.collection || Number(m[2]) !== s.bucket) return `shards[${i}].file: not a shard file name`;
    if (typeof s.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(s.sha256) || !s.sha256.startsWith(m[3]!)) return `shards[${i}].sha256: bad checksum`;
    if (!Number.isSafeInteger(s.bytes) || s.bytes! < 0 || !Number.isSafeInteger(s.count) || s.count! < 0) return `shards[${i}]: bad size`;
    const key = `${s.collection}/${s.bucket}`;
    if (seen.has(key)) return `shards[${i}]: bucket listed twice`;
    seen.add(key);
  }
  return null;
}

const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

/** Serialises one bucket; the name comes from the content, so an unchanged bucket keeps its file. */
export function encodeShard(c: CollectionName, bucket: number, buckets: number, records: Record<string, unknown>, count: number): { entry: ShardEntry; data: Buffer } {
  const doc: ShardDoc = { format: 'analyst-workbench/shard', collection: c, bucket, buckets, records };
  const data = Buffer.from(JSON.stringify(doc), 'utf8');
  const hash = sha256(data);
  return { entry: { collection: c, bucket, buckets, file: `${SHARDS_DIR}/${c}.${bucket}.${hash.slice(0, 16)}.json`, count, bytes: data.length, sha256: hash }, data };
}

export const damagedShard = (file: string, why: string, cause?: unknown): StoreError =>
  new StoreError('damaged', `The snapshot shard ${file} is damaged (${why}).`, cause, file);

/**
 * Reads and checks one shard fully: size and sha-256 as listed, the JSON, its own header, every record's shape and
 * bucket. A problem is StoreError('damaged') naming the shard file (recovery quarantines that file).
 */
export function readShard(dir: string, e: ShardEntry): Record<string, unknown> {
  const file = path.join(dir, e.file);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw damagedShard(e.file, 'the file is missing', err);
    throw err;
  }
  if (buf.length !== e.bytes) throw damagedShard(e.file, `${buf.length} bytes, snapshot.json lists ${e.bytes}`);
  if (sha256(buf) !== e.sha256) throw damagedShard(e.file, 'it does not match its checksum');
  let doc: ShardDoc;
  try {
    doc = JSON.parse(stripBom(buf.toString('utf8'))) as ShardDoc;
  } catch (err) {
    throw damagedShard(e.file, 'not valid JSON', err);
  }
  if (!doc || doc.format !== 'analyst-workbench/shard' || doc.collection !== e.collection || doc.bucket !== e.bucket || doc.buckets !== e.buckets
    || !doc.records || typeof doc.records !== 'object' || Array.isArray(doc.records)) {
    throw damagedShard(e.file, 'its header does not match snapshot.json');
  }
  const problem = checkCollections({ [e.collection]: doc.records });
  if (problem) throw damagedShard(e.file, problem.slice(0, 200));
  let n = 0;
  for (const key in doc.records) {
    n++;
    // A record in the wrong bucket would be written twice by a later compaction (its own bucket and this one).
    if (bucketOf(e.collection, doc.records[key], e.buckets) !== e.bucket) throw damagedShard(e.file, `record ${key.slice(0, 80)} belongs to another bucket`);
  }
  if (n !== e.count) throw damagedShard(e.file, `${n} records, snapshot.json lists ${e.count}`);
  return doc.records;
}

/**
 * Every listed shard present with its listed size (a stat each, no read): the cheap part of readShard's checks, with
 * the same messages, run by the first phase of an open so a missing or truncated shard starts recovery mode at once.
 */
export function statShards(dir: string, entries: readonly ShardEntry[]): void {
  for (const e of entries) {
    let size: number;
    try {
      size = fs.statSync(path.join(dir, e.file)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw damagedShard(e.file, 'the file is missing', err);
      throw err;
    }
    if (size !== e.bytes) throw damagedShard(e.file, `${size} bytes, snapshot.json lists ${e.bytes}`);
  }
}

/** Every sharded collection read into one records object each; a record id in two shards is damage. */
export function readAllShards(dir: string, entries: readonly ShardEntry[]): Partial<Record<CollectionName, Record<string, unknown>>> {
  const out: Partial<Record<CollectionName, Record<string, unknown>>> = {};
  for (const e of entries) {
    const records = readShard(dir, e);
    const into = (out[e.collection] ??= {});
    for (const key in records) {
      if (key in into) throw damagedShard(e.file, `record ${key.slice(0, 80)} is also in another shard`);
      into[key] = records[key];
    }
  }
  return out;
}

/** Which buckets a change touches (old and new place of every record it puts or deletes), marked before it is applied. */
export class DirtyBuckets {
  private readonly marks = new Map<CollectionName, Set<number>>();

  constructor(private readonly buckets: ReadonlyMap<CollectionName, number>) {}

  isDirty(c: CollectionName, bucket: number): boolean {
    return this.marks.get(c)?.has(bucket) ?? false;
  }

  markChange(change: Change, state: WorkspaceState): void {
    let ops: readonly Op[];
    if (change.kind === 'tx') ops = change.tx.ops;
    else {
      const stack = change.kind === 'undo' ? state.history.undo : state.history.redo;
      const tx = stack[stack.length - 1];
      ops = tx ? (change.kind === 'undo' ? tx.inverse : tx.ops) : [];
    }
    for (const op of ops) {
      const n = this.buckets.get(op.c);
      if (n === undefined) continue;
      let set = this.marks.get(op.c);
      if (!set) this.marks.set(op.c, (set = new Set()));
      const prev = state.get(op.c, op.t === 'put' ? op.v.id : op.id);
      if (prev) set.add(bucketOf(op.c, prev, n));
      if (op.t === 'put') set.add(bucketOf(op.c, op.v, n));
    }
  }
}
