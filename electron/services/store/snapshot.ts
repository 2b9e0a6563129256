/** The compacted workspace document, kept with lowdb through an adapter that writes atomically and durably. */
import fs from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import type { CollectionsJson } from '../../../shared/domain/state';
import type { History } from '../../../shared/domain/ops';
import { writeFileDurable, realFs, type FsOps } from './durable-fs';
import { StoreError } from './errors';

export interface SnapshotDoc {
  format: 'analyst-workbench/snapshot';
  schemaVersion: number;
  /** Last journal sequence number folded into this snapshot: replay skips records at or below it. */
  seq: number;
  savedAt: string;
  collections: CollectionsJson;
  history: History;
}

/**
 * lowdb adapter: reads strictly (a damaged file is an error, never silently replaced by defaults, which is
 * what lowdb's JSONFile does with `null`), and writes via temp file + fsync + rename + directory fsync.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly validate: (v: unknown) => string | null,
    private readonly ops: FsOps = realFs,
  ) {}

  async read(): Promise<T | null> {
    if (!fs.existsSync(this.file)) return null;
    const raw = fs.readFileSync(this.file, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      throw new StoreError('damaged', `${this.file} is not valid JSON (${(e as Error).message})`, e);
    }
    const problem = this.validate(parsed);
    if (problem) throw new StoreError('damaged', `${this.file} is not a workspace snapshot: ${problem}`);
    return parsed as T;
  }

  async write(data: T): Promise<void> {
    writeFileDurable(this.file, JSON.stringify(data), this.ops);
  }
}

export function validateSnapshot(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'expected a JSON object';
  const d = v as Partial<SnapshotDoc>;
  if (d.format !== 'analyst-workbench/snapshot') return 'missing format marker';
  if (typeof d.schemaVersion !== 'number') return 'missing schemaVersion';
  if (typeof d.seq !== 'number') return 'missing seq';
  if (!d.collections || typeof d.collections !== 'object') return 'missing collections';
  if (!d.history || !Array.isArray(d.history.undo) || !Array.isArray(d.history.redo)) return 'missing history';
  return null;
}

export function openSnapshotDb(file: string, ops: FsOps = realFs): Low<SnapshotDoc | null> {
  return new Low<SnapshotDoc | null>(new DurableJsonAdapter<SnapshotDoc | null>(file, validateSnapshot, ops), null);
}
