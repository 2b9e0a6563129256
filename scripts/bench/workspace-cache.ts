/** Generated workspaces cached under os.tmpdir()/workbench-bench/<size>-<seed>, and fresh working copies of them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TextStore } from '../../electron/services/store/texts';
import { realFs, writeFileDurable } from '../../electron/services/store/durable-fs';
import { SHARDS_DIR, SHARD_RECORDS } from '../../electron/services/store/shards';
import { collectionsSource, planSet, shardWriter } from '../../electron/services/store/snapshot-set';
import { MANIFEST_FILE, type WorkspaceManifest } from '../../electron/services/store/manifest';
import { CURRENT_SCHEMA_VERSION } from '../../electron/services/store/migrations';
import { sizeOf, type SizeName, type WorkspaceSize } from './args';
import { generateTexts } from './synthetic-texts';
import { generateCollections } from './synthetic-records';
import { Rng } from './random';
import { progress } from './stats';

/** Bump when the generator changes: older cached workspaces are then regenerated. */
const BENCH_FORMAT_VERSION = 3;
const INFO_FILE = 'bench.json';

export interface CachedWorkspace {
  dir: string;
  size: WorkspaceSize;
  seed: number;
  /** The ~1 MB source the reader benchmark opens. */
  readerSourceId: string;
  readerHighlights: number;
  readerTextLength: number;
  textBytes: number;
  snapshotBytes: number;
  counts: Record<string, number>;
  formatKey: string;
}

export const benchRoot = (): string => path.join(os.tmpdir(), 'workbench-bench');
const formatKey = (): string => `bench${BENCH_FORMAT_VERSION}-schema${CURRENT_SCHEMA_VERSION}`;

function readInfo(dir: string): CachedWorkspace | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dir, INFO_FILE), 'utf8')) as CachedWorkspace;
    return info.formatKey === formatKey() && fs.existsSync(path.join(dir, 'snapshot.json')) ? { ...info, dir } : null;
  } catch {
    return null;
  }
}

/**
 * Writes the workspace directly in its on-disk format: texts through TextStore.put, then the snapshot set the
 * store writes (shards one by one, then snapshot.json), so no single string ever holds the whole workspace.
 */
async function generate(target: string, size: WorkspaceSize, seed: number): Promise<CachedWorkspace> {
  const started = performance.now();
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const { texts, bytes } = generateTexts(size, seed);
  progress(`  ${size.name}: ${texts.length} texts, ${(bytes / 1e6).toFixed(1)} MB (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const store = new TextStore(path.join(target, 'texts'));
  const hashes = texts.map((t) => store.put(t));
  const collections = generateCollections(size, seed, texts, hashes);
  const manifest: WorkspaceManifest = { format: 'analyst-workbench', schemaVersion: CURRENT_SCHEMA_VERSION, id: new Rng(seed).uuid(), createdAt: '2026-11-01T00:00:00.000Z' };
  writeFileDurable(path.join(target, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  const plan = planSet(collectionsSource(collections, { undo: [], redo: [] }), 0, undefined, null, SHARD_RECORDS, shardWriter(target, realFs));
  writeFileDurable(path.join(target, 'snapshot.json'), JSON.stringify({ ...plan.index, savedAt: manifest.createdAt }));
  const snapshotBytes = fs.statSync(path.join(target, 'snapshot.json')).size + plan.written.reduce((n, e) => n + e.bytes, 0);
  const counts = Object.fromEntries(Object.entries(collections).map(([c, recs]) => [c, Object.keys(recs).length]));
  const readerSourceId = Object.values(collections.sources).find((s) => s.contentHash === hashes[0])?.id ?? '';
  const readerHighlights = Object.values(collections.highlights).filter((h) => h.sourceId === readerSourceId).length;
  const info: CachedWorkspace = {
    dir: target, size, seed, readerSourceId, readerHighlights, readerTextLength: texts[0]!.length, textBytes: bytes,
    snapshotBytes, counts, formatKey: formatKey(),
  };
  fs.writeFileSync(path.join(target, INFO_FILE), JSON.stringify(info, null, 2));
  progress(`  ${size.name}: generated in ${((performance.now() - started) / 1000).toFixed(1)} s (snapshot ${(info.snapshotBytes / 1e6).toFixed(1)} MB)`);
  return info;
}

/** The cached workspace of this size and seed, generated (into a temp folder, then renamed) when missing or outdated. */
export async function ensureWorkspace(name: SizeName, seed: number, regenerate = false): Promise<CachedWorkspace> {
  const dir = path.join(benchRoot(), `${name}-${seed}`);
  const cached = regenerate ? null : readInfo(dir);
  if (cached) return cached;
  progress(`generating the ${name} workspace (seed ${seed}) in ${dir}`);
  const tmp = `${dir}.tmp-${process.pid}`;
  const info = await generate(tmp, sizeOf(name), seed);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return { ...info, dir };
}

let copies = 0;
const made: string[] = [];

/**
 * A fresh working copy for a run that writes: manifest and snapshot copied, texts hard-linked (they are
 * immutable and content-addressed; copied where links are impossible). Never the cache itself.
 */
export function freshCopy(ws: CachedWorkspace, label: string): string {
  const dir = path.join(benchRoot(), 'runs', `${ws.size.name}-${label}-${process.pid}-${copies++}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'texts'), { recursive: true });
  for (const f of [MANIFEST_FILE, 'snapshot.json']) fs.copyFileSync(path.join(ws.dir, f), path.join(dir, f));
  // Shards are immutable too (content-addressed; a compaction writes new files and unlinks the old names).
  for (const sub of ['texts', SHARDS_DIR]) {
    const from = path.join(ws.dir, sub);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    for (const f of fs.readdirSync(from)) {
      try {
        fs.linkSync(path.join(from, f), path.join(dir, sub, f));
      } catch {
        fs.copyFileSync(path.join(from, f), path.join(dir, sub, f));
      }
    }
  }
  made.push(dir);
  return dir;
}

/** Removes the working copies this process made. */
export function removeCopies(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
