/** The compacted workspace document (snapshot.json: the index of a shard set, docs/adr/0012), kept with lowdb through a durable adapter. */
import fs from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { CollectionsJson } from '../../../shared/domain/state';
import type { History } from '../../../shared/domain/ops';
import { writeFileDurable, realFs, stripBom, type FsOps } from './durable-fs';
import { StoreError } from './errors';
import { checkCollections, checkHistory } from './record-shapes';
import { validateShardEntries, type ShardEntry } from './shards';
import type { LibrarySummary } from './library-summary';

export interface SnapshotDoc {
  format: 'analyst-workbench/snapshot';
  schemaVersion: number;
  /** Last journal sequence number folded into this snapshot: replay skips records at or below it. */
  seq: number;
  savedAt: string;
  /** The collections kept inline (small ones); a sharded collection is absent here and listed in `shards`. */
  collections: CollectionsJson;
  history: History;
  /** Schema 2: the shards holding the large collections, each with its size and sha-256 (absent: everything inline). */
  shards?: ShardEntry[];
  /** What the library needs of the sharded collections (two-phase open; derived data, ignored when inconsistent). */
  library?: LibrarySummary;
}

/** Reads a JSON file strictly: a missing file is null, anything unreadable is StoreError('damaged') naming the file. */
export function readJsonStrict(file: string, validate: (v: unknown) => string | null, what: string): unknown {
  if (!fs.existsSync(file)) return null;
  const name = path.basename(file);
  const raw = stripBom(fs.readFileSync(file, 'utf8'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    const detail = raw.length === 0 ? 'the file is empty' : `not valid JSON: ${(e as Error).message.slice(0, 120)}`;
    throw new StoreError('damaged', `${file} is damaged (${detail}).`, e, name);
  }
  const problem = validate(parsed);
  if (problem) throw new StoreError('damaged', `${file} is damaged: it is not ${what} (${problem.slice(0, 200)}).`, undefined, name);
  return parsed;
}

/**
 * lowdb adapter: reads strictly (a damaged file is an error, never silently replaced by defaults, which is
 * what lowdb's JSONFile does with `null`), and writes via temp file + fsync + rename + directory fsync.
 */
class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly validate: (v: unknown) => string | null,
    private readonly ops: FsOps = realFs,
  ) {}

  async read(): Promise<T | null> {
    return readJsonStrict(this.file, this.validate, 'a workspace snapshot') as T | null;
  }

  async write(data: T): Promise<void> {
    writeFileDurable(this.file, JSON.stringify(data), this.ops);
  }
}

/** Top-level shape only: cheap, and enough to read the schema version before refusing a newer one. */
export function validateSnapshot(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'expected a JSON object';
  const d = v as Partial<SnapshotDoc>;
  if (d.format !== 'analyst-workbench/snapshot') return 'missing format marker';
  if (typeof d.schemaVersion !== 'number' || !Number.isSafeInteger(d.schemaVersion) || d.schemaVersion < 0) return 'missing schemaVersion';
  if (typeof d.seq !== 'number' || !Number.isSafeInteger(d.seq) || d.seq < 0) return 'missing seq';
  if (!d.collections || typeof d.collections !== 'object' || Array.isArray(d.collections)) return 'missing collections';
  if (!d.history || !Array.isArray(d.history.undo) || !Array.isArray(d.history.redo)) return 'missing history';
  const shards = validateShardEntries(d.shards);
  if (shards) return shards;
  const both = (d.shards ?? []).find((e) => (d.collections as Record<string, unknown>)[e.collection] !== undefined);
  return both ? `${both.collection} is both inline and in shards` : null;
}

/** Every record and history entry well-formed (run after the version check: an older schema is migrated first). */
export function validateSnapshotContent(d: SnapshotDoc): string | null {
  return checkCollections(d.collections) ?? checkHistory(d.history);
}

export function openSnapshotDb(file: string, ops: FsOps = realFs): Low<SnapshotDoc | null> {
  return new Low<SnapshotDoc | null>(new DurableJsonAdapter<SnapshotDoc | null>(file, validateSnapshot, ops), null);
}
