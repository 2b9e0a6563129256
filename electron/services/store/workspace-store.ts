/** The workspace on disk: lowdb snapshot + append-only journal + content-addressed texts (see docs/adr/0001). */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { WorkspaceState, type Change } from '../../../shared/domain/state';
import { openSnapshotDb, type SnapshotDoc } from './snapshot';
import { JournalWriter, readJournal } from './journal';
import { TextStore } from './texts';
import { acquireLock } from './lock';
import { StoreError, describeIoError } from './errors';
import { writeFileDurable, realFs, type FsOps } from './durable-fs';
import { CURRENT_SCHEMA_VERSION, migrateSnapshot } from './migrations';

export interface WorkspaceManifest {
  format: 'analyst-workbench';
  schemaVersion: number;
  id: string;
  createdAt: string;
}

export interface OpenOptions {
  /** Read without locking or writing (CLI listings while the app runs). */
  readOnly?: boolean;
  /** Who holds the lock, for the message another process sees. */
  purpose?: string;
  /** Compact the journal into the snapshot after this many records. */
  compactEvery?: number;
  fs?: FsOps;
}

export class WorkspaceStore {
  private seq: number;
  private journalCount: number;
  private journal: JournalWriter | null;
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly manifest: WorkspaceManifest,
    readonly state: WorkspaceState,
    readonly texts: TextStore,
    private readonly snapshotDb: ReturnType<typeof openSnapshotDb>,
    private readonly release: (() => void) | null,
    private readonly opts: Required<Pick<OpenOptions, 'compactEvery'>> & { readOnly: boolean; fs: FsOps },
    seq: number,
    journalCount: number,
  ) {
    this.seq = seq;
    this.journalCount = journalCount;
    this.journal = opts.readOnly ? null : new JournalWriter(path.join(dir, 'journal.log'), opts.fs);
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<WorkspaceStore> {
    const ops = options.fs ?? realFs;
    const readOnly = options.readOnly ?? false;
    const abs = path.resolve(dir);
    if (!readOnly) fs.mkdirSync(abs, { recursive: true });
    else if (!fs.existsSync(abs)) throw new StoreError('damaged', `No workspace at ${abs}.`);
    const release = readOnly ? null : acquireLock(abs, options.purpose ?? 'workbench');
    try {
      const manifest = readOrCreateManifest(abs, readOnly, ops);
      const db = openSnapshotDb(path.join(abs, 'snapshot.json'), ops);
      await db.read();
      let snap: SnapshotDoc | null = db.data;
      if (snap && snap.schemaVersion > CURRENT_SCHEMA_VERSION) throw tooNew(abs, snap.schemaVersion);
      if (snap && snap.schemaVersion < CURRENT_SCHEMA_VERSION) {
        if (readOnly) throw new StoreError('too_new', `The workspace ${abs} needs an upgrade; open it in the app first.`);
        snap = migrateSnapshot(snap);
        db.data = snap;
        await db.write();
      }
      const state = WorkspaceState.fromJson(snap?.collections ?? {}, snap?.history);
      const baseSeq = snap?.seq ?? 0;
      const jr = readJournal(path.join(abs, 'journal.log'));
      if (jr.damagedAtLine !== null) {
        throw new StoreError('damaged', `The journal of ${abs} is damaged at line ${jr.damagedAtLine}.`);
      }
      let seq = baseSeq;
      let count = 0;
      for (const rec of jr.records) {
        if (rec.seq <= baseSeq) continue; // already folded into the snapshot (crash during compaction)
        state.apply(rec.change);
        seq = rec.seq;
        count++;
      }
      const store = new WorkspaceStore(abs, manifest, state, new TextStore(path.join(abs, 'texts'), ops), db, release,
        { compactEvery: options.compactEvery ?? 5000, readOnly, fs: ops }, seq, count);
      // A torn final line was never acknowledged: cut it so the next append starts clean.
      if (!readOnly && jr.tornBytes > 0) {
        store.journal?.truncate(fs.statSync(path.join(abs, 'journal.log')).size - jr.tornBytes);
      }
      return store;
    } catch (e) {
      release?.();
      throw e;
    }
  }

  get readOnly(): boolean {
    return this.opts.readOnly;
  }

  /** Makes a change durable (journal append + fsync), then applies it. On a disk error nothing changes. */
  commit(change: Change): void {
    if (this.closed || !this.journal) throw new StoreError('io', 'The workspace is open read-only or closed.');
    const rec = { seq: this.seq + 1, at: new Date().toISOString(), change };
    try {
      this.journal.append(rec);
    } catch (e) {
      throw new StoreError('io', `Could not save the change: ${describeIoError(e)}. Nothing was changed.`, e);
    }
    this.state.apply(change);
    this.seq = rec.seq;
    this.journalCount++;
    if (this.journalCount >= this.opts.compactEvery) {
      // Compaction failing is not data loss: the journal still holds everything.
      void this.compact().catch(() => undefined);
    }
  }

  /** Folds the journal into a fresh snapshot, then empties the journal. */
  async compact(): Promise<void> {
    if (!this.journal) return;
    this.snapshotDb.data = {
      format: 'analyst-workbench/snapshot',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      seq: this.seq,
      savedAt: new Date().toISOString(),
      collections: this.state.toJson(),
      history: this.state.history,
    };
    await this.snapshotDb.write();
    this.journal.truncate(0);
    this.journalCount = 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Small journals are cheap to replay; rewriting a large snapshot on every CLI call is not.
    if (this.journal && this.journalCount >= 1000) await this.compact().catch(() => undefined);
    this.journal?.close();
    this.closed = true;
    this.release?.();
  }
}

function tooNew(dir: string, v: number): StoreError {
  return new StoreError('too_new',
    `The workspace ${dir} was written by a newer version of the workbench (schema ${v}; this app reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it; nothing was changed.`);
}

function readOrCreateManifest(dir: string, readOnly: boolean, ops: FsOps): WorkspaceManifest {
  const file = path.join(dir, 'workspace.json');
  if (fs.existsSync(file)) {
    let m: Partial<WorkspaceManifest>;
    try {
      m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WorkspaceManifest>;
    } catch (e) {
      throw new StoreError('damaged', `${file} is not valid JSON (${(e as Error).message}).`, e);
    }
    if (m?.format !== 'analyst-workbench' || typeof m.schemaVersion !== 'number') {
      throw new StoreError('damaged', `${file} is not a workbench workspace manifest.`);
    }
    if (m.schemaVersion > CURRENT_SCHEMA_VERSION) throw tooNew(dir, m.schemaVersion);
    return m as WorkspaceManifest;
  }
  if (readOnly) throw new StoreError('damaged', `No workspace at ${dir} (workspace.json is missing).`);
  const m: WorkspaceManifest = {
    format: 'analyst-workbench', schemaVersion: CURRENT_SCHEMA_VERSION,
    id: crypto.randomUUID(), createdAt: new Date().toISOString(),
  };
  writeFileDurable(file, JSON.stringify(m, null, 2), ops);
  return m;
}
