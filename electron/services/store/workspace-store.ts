/** The workspace on disk: lowdb snapshot + append-only journal + content-addressed texts (see docs/adr/0001, 0004). */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceState, Change } from '../../../shared/domain/state';
import { openSnapshotDb, type SnapshotDoc } from './snapshot';
import { JournalAppendError, JournalChangedError, JournalWriter } from './journal';
import { TextStore } from './texts';
import { acquireLock } from './lock';
import { StoreError, describeIoError, ioError } from './errors';
import { PRIVATE_DIR_MODE, realFs, removeStaleTempFiles, writeFileDurable, type FsOps } from './durable-fs';
import { tightenWorkspace } from './permissions';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, type MigrationTable } from './migrations';
import { JOURNAL_FILE, countsOf, loadWorkspace, referencedTexts } from './load';
import { MANIFEST_FILE, type WorkspaceManifest } from './manifest';
import { RECOVERY_FILE, readRecoveryMarker } from './quarantine';
import { createBackup, dailyBackupDue, type BackupInput } from './backups';
import type { BackupInfo, BackupKind } from '../../../shared/contract/views-maintenance';

export type { WorkspaceManifest } from './manifest';

/** How often an open workspace checks whether today's daily backup is still due. */
export const DAILY_BACKUP_CHECK_MS = 60 * 60 * 1000;

export interface OpenOptions {
  /** Read without locking or writing (CLI listings while the app runs). */
  readOnly?: boolean;
  /** Who holds the lock, for the message another process sees. */
  purpose?: string;
  /**
   * The caller already holds the workspace lock and keeps it after close (hosts hold it for their whole life, so
   * a restore or recovery between a close and the next open leaves no gap another process could take).
   */
  lockHeld?: boolean;
  /** Compact the journal into the snapshot after this many records. */
  compactEvery?: number;
  fs?: FsOps;
  /** Take the daily backup when opening (default true; never for read-only opens or empty workspaces). */
  autoBackup?: boolean | 'deferred';
  /** Schema migration steps; tests inject some (the app uses MIGRATIONS). */
  migrations?: MigrationTable;
}

export class WorkspaceStore {
  private seq: number;
  private journalCount: number;
  private journal: JournalWriter | null;
  private closed = false;
  private compacting = false;
  private compactionScheduled = false;
  private backupTimer: NodeJS.Timeout | null = null;
  /** The hourly "is today's backup due?" check, so a workspace left open for days still gets one a day. */
  private backupCheck: NodeJS.Timeout | null = null;
  /** Set when a failed append could not be rolled back: the disk may differ from memory, so no more writes. */
  private broken: string | null = null;
  /** Why today's automatic backup failed, if it did (shown by the doctor; the workspace still opened). */
  backupProblem: string | null = null;

  private constructor(
    readonly dir: string,
    readonly manifest: WorkspaceManifest,
    readonly state: WorkspaceState,
    readonly texts: TextStore,
    private readonly snapshotDb: ReturnType<typeof openSnapshotDb>,
    private readonly release: (() => void) | null,
    private readonly opts: { compactEvery: number; readOnly: boolean; fs: FsOps },
    seq: number,
    journalCount: number,
  ) {
    this.seq = seq;
    this.journalCount = journalCount;
    this.journal = opts.readOnly ? null : new JournalWriter(path.join(dir, JOURNAL_FILE), opts.fs);
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<WorkspaceStore> {
    const ops = options.fs ?? realFs;
    const readOnly = options.readOnly ?? false;
    const abs = path.resolve(dir);
    if (!readOnly) fs.mkdirSync(abs, { recursive: true, mode: PRIVATE_DIR_MODE });
    else if (!fs.existsSync(abs)) throw new StoreError('missing', `No workspace at ${abs}.`);
    const marker = readRecoveryMarker(abs);
    if (marker) {
      throw new StoreError('damaged', `${marker.message} The workspace stays closed until a backup is restored or recovery is completed.`, undefined, RECOVERY_FILE);
    }
    const release = readOnly || options.lockHeld ? null : acquireLock(abs, options.purpose ?? 'workbench');
    try {
      if (!readOnly) {
        tightenWorkspace(abs);
        removeStaleTempFiles([abs, path.join(abs, 'texts')]);
      }
      const db = openSnapshotDb(path.join(abs, 'snapshot.json'), ops);
      await db.read();
      const loaded = loadWorkspace(abs, db.data, { readOnly, ops, migrations: options.migrations ?? MIGRATIONS });
      const texts = new TextStore(path.join(abs, 'texts'), ops, !readOnly);
      const store = new WorkspaceStore(abs, loaded.manifest, loaded.state, texts, db, release,
        { compactEvery: options.compactEvery ?? 5000, readOnly, fs: ops }, loaded.seq, loaded.replayed);
      try {
        // A torn final line was never acknowledged: cut it so the next append starts clean.
        if (!readOnly && loaded.journal.tornBytes > 0) {
          store.journal?.truncate(fs.statSync(path.join(abs, JOURNAL_FILE)).size - loaded.journal.tornBytes);
        }
        if (loaded.migrated) await store.finishMigration(loaded.migrated, loaded.fromVersion);
        if (!readOnly && options.autoBackup === 'deferred') store.scheduleDailyBackup();
        else if (!readOnly && options.autoBackup !== false) store.takeDailyBackup();
        if (!readOnly && options.autoBackup !== false) store.checkDailyBackupHourly();
      } catch (e) {
        store.journal?.close();
        throw e;
      }
      return store;
    } catch (e) {
      release?.();
      throw e instanceof StoreError ? e : ioError(`Could not open the workspace ${abs}`, e);
    }
  }

  get readOnly(): boolean {
    return this.opts.readOnly;
  }

  /** The last sequence number made durable. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Makes a change durable (journal append + fsync), then applies it. On a disk error nothing changes. */
  commit(change: Change): void {
    if (this.closed || !this.journal) throw new StoreError('io', 'The workspace is open read-only or closed.');
    if (this.broken) throw new StoreError('io', this.broken);
    const rec = { seq: this.seq + 1, at: new Date().toISOString(), change };
    try {
      this.journal.append(rec);
    } catch (e) {
      const cause = e instanceof JournalAppendError ? e.cause : e;
      // A journal another process wrote to is as final as a failed rollback: memory no longer matches disk.
      if (e instanceof JournalChangedError) this.broken = describeIoError(cause);
      else if (e instanceof JournalAppendError && !e.rolledBack) {
        this.broken = `An earlier save failed (${describeIoError(cause)}) and could not be undone on disk; close and reopen the workspace before editing again.`;
      }
      throw new StoreError('io', `Could not save the change: ${describeIoError(cause)}. Nothing was changed.`, cause);
    }
    this.state.apply(change);
    this.seq = rec.seq;
    this.journalCount++;
    if (this.journalCount >= this.opts.compactEvery && !this.compacting && !this.compactionScheduled) {
      // After the reply, never before it: serialising a large workspace takes a second and the change is
      // already durable in the journal. Compaction failing is not data loss either.
      this.compactionScheduled = true;
      setImmediate(() => {
        this.compactionScheduled = false;
        void this.compact().catch(() => undefined);
      });
    }
  }

  /** The whole state as a snapshot document (what compaction and backups write). */
  snapshotDoc(): SnapshotDoc {
    return {
      format: 'analyst-workbench/snapshot',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      seq: this.seq,
      savedAt: new Date().toISOString(),
      collections: this.state.toJson(),
      history: this.state.history,
    };
  }

  /** Folds the journal into a fresh snapshot, then empties the journal. */
  async compact(): Promise<void> {
    if (!this.journal || this.closed) return;
    this.compacting = true;
    const folded = this.seq;
    try {
      this.snapshotDb.data = this.snapshotDoc();
      await this.snapshotDb.write();
      // Changes committed while the write was pending are only in the journal: keep it then (records up to
      // `folded` are skipped on replay), otherwise empty it.
      if (this.seq === folded) this.journal.truncate(0);
      this.journalCount = this.seq - folded;
    } catch (e) {
      throw ioError('Could not compact the workspace into snapshot.json', e, 'Nothing was lost: the journal still holds every change.');
    } finally {
      this.compacting = false;
    }
  }

  /** A verified backup of the current state (compacted snapshot + manifest + texts) in backups/. */
  backup(kind: BackupKind): BackupInfo {
    if (this.closed) throw new StoreError('io', 'The workspace is closed.');
    const doc = this.snapshotDoc();
    return createBackup(this.dir, {
      kind, schemaVersion: CURRENT_SCHEMA_VERSION, seq: this.seq, counts: countsOf(this.state),
      files: { [MANIFEST_FILE]: JSON.stringify(this.manifest, null, 2), 'snapshot.json': JSON.stringify(doc) },
      texts: [...referencedTexts(this.state)],
    }, this.opts.fs);
  }

  /** Hosts defer the daily backup a few seconds so it does not delay the first screen. */
  private scheduleDailyBackup(): void {
    this.backupTimer = setTimeout(() => {
      this.backupTimer = null;
      if (!this.closed) this.takeDailyBackup();
    }, 3000);
    this.backupTimer.unref?.();
  }

  /**
   * Cheap (it lists backups/) and unref'd, so it never keeps a CLI process alive. A failed backup is retried at the
   * next check because dailyBackupDue stays true until one verifies.
   */
  private checkDailyBackupHourly(): void {
    this.backupCheck = setInterval(() => {
      if (!this.closed) this.takeDailyBackup();
    }, DAILY_BACKUP_CHECK_MS);
    this.backupCheck.unref?.();
  }

  /** Never throws: the workspace stays usable and the doctor shows backupProblem until a later try succeeds. */
  private takeDailyBackup(): void {
    try {
      const empty = this.seq === 0 && countsOf(this.state).sources === 0;
      if (empty || !dailyBackupDue(this.dir)) return;
      this.backup('daily');
      this.backupProblem = null;
    } catch (e) {
      this.backupProblem = (e as Error).message;
    }
  }

  /** Before the upgraded snapshot replaces anything, the files exactly as they were go into a backup. */
  private async finishMigration(doc: SnapshotDoc, fromVersion: number): Promise<void> {
    const raw: BackupInput['files'] = {};
    for (const name of [MANIFEST_FILE, 'snapshot.json', JOURNAL_FILE]) {
      const file = path.join(this.dir, name);
      if (fs.existsSync(file)) raw[name] = fs.readFileSync(file);
    }
    createBackup(this.dir, {
      kind: 'pre-migration', schemaVersion: fromVersion, seq: doc.seq, counts: countsOf(this.state),
      files: raw, texts: [...referencedTexts(this.state)],
    }, this.opts.fs);
    this.snapshotDb.data = doc;
    await this.snapshotDb.write();
    this.journal?.truncate(0);
    writeFileDurable(path.join(this.dir, MANIFEST_FILE), JSON.stringify(this.manifest, null, 2), this.opts.fs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.backupTimer) clearTimeout(this.backupTimer);
    if (this.backupCheck) clearInterval(this.backupCheck);
    this.backupTimer = this.backupCheck = null;
    // Small journals are cheap to replay; rewriting a large snapshot on every CLI call is not.
    if (this.journal && this.journalCount >= 1000) await this.compact().catch(() => undefined);
    this.closed = true;
    try {
      this.journal?.close(); // every change is already durable: a failing close loses nothing
    } catch { /* the descriptor is released by the OS either way */ }
    this.release?.();
  }
}
