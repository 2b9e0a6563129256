/** Reads a workspace's snapshot set (snapshot.json + shards) into plain collections, timing each step (bench only). */
import fs from 'node:fs';
import path from 'node:path';
import type { CollectionsJson } from '../../shared/domain/state';
import { readAllShards } from '../../electron/services/store/shards';
import { validateSnapshot, validateSnapshotContent, type SnapshotDoc } from '../../electron/services/store/snapshot';

export interface ReadSnapshot {
  doc: SnapshotDoc;
  collections: CollectionsJson;
  /** Index read + parse + checks, then shards read + hashed + parsed + checked. */
  indexMs: number;
  shardsMs: number;
  bytes: number;
}

/** Bytes of snapshot.json and every shard it lists. */
export function snapshotBytes(dir: string): number {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8')) as SnapshotDoc;
  return fs.statSync(path.join(dir, 'snapshot.json')).size + (doc.shards ?? []).reduce((n, e) => n + e.bytes, 0);
}

export function readSnapshot(dir: string): ReadSnapshot {
  const t0 = performance.now();
  const raw = fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8');
  const doc = JSON.parse(raw) as SnapshotDoc;
  const problem = validateSnapshot(doc) ?? validateSnapshotContent(doc);
  if (problem) throw new Error(`bench: snapshot check failed: ${problem}`);
  const t1 = performance.now();
  const sharded = doc.shards?.length ? readAllShards(dir, doc.shards) : {};
  const t2 = performance.now();
  const bytes = Buffer.byteLength(raw) + (doc.shards ?? []).reduce((n, e) => n + e.bytes, 0);
  return { doc, collections: { ...doc.collections, ...sharded } as CollectionsJson, indexMs: t1 - t0, shardsMs: t2 - t1, bytes };
}
