/** The workspace on disk: lowdb snapshot index + shards + append-only journal + content-addressed texts (docs/adr/0001, 0004, 0012). */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceState, Change } from '../../../shared/domain/state';
import { openSnapshotDb, type SnapshotDoc } from './snapshot';
import { JournalAppendError, JournalChangedError, JournalWriter } from './journal';
import { TextStore } from './texts';
import { CAPTURES_DIR, CaptureStore, referencedCaptures } from './captures';
import { acquireLock } from './lock';
import { StoreError, describeIoError, ioError } from './errors';
import { PRIVATE_DIR_MODE, realFs, removeStaleTempFiles, writeFileDurable, type FsOps } from './durable-fs';
import { tightenWorkspace } from './permissions';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, type MigrationTable } from './migrations';
import { DirtyBuckets, SHARDS_DIR, SHARD_RECORDS, type ShardEntry } from './shards';
import { planSet, removeSuperseded, shardWriter } from './snapshot-set';
import type { CollectionName } from '../../../shared/domain/types';
import { JOURNAL_FILE, countsOf, loadLibrary, loadSteps, readHead, referencedTexts, type LibraryLoad, type LoadedWorkspace } from './load';
import { MANIFEST_FILE, type WorkspaceManifest } from './manifest';
import { RECOVERY_FILE, readRecoveryMarker } from './quarantine';
import { createBackup, dailyBackupDue, type BackupInput } from './backups';
import type { BackupInfo, BackupKind } from '../../../shared/contract/views-maintenance';

export type { WorkspaceManifest } from './manifest';

/** How often an open workspace checks whether today's daily backup is still due. */
export const DAILY_BACKUP_CHECK_MS = 60 * 60 * 1000;

/**
 * Called with each change before it is written, while the state is still as before it (so the hook can compute
 * what the change does); the function it returns runs once the change is durable and applied. That function must not
 * throw; the hook itself may, to refuse the change before anything is written (the team outbox cannot be written).
 */
export type CommitHook = (change: Change, before: WorkspaceState) => (() => void) | void;

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
  /** Schema migration steps added to (or replacing) the app's MIGRATIONS; tests inject some. */
  migrations?: MigrationTable;
  /** Collections above this many records are sharded (default SHARD_RECORDS; tests use small values). */
  shardRecords?: number;
}

/** A workspace whose index and journal are read and checked, its shards not yet (WorkspaceStore.begin). */
export interface OpeningStore {
  dir: string;
  manifest: WorkspaceManifest;
  /** The library, answerable now; null when the workspace has no shards or no summary (then wait for `finish`). */
  library: LibraryLoad | null;
  /** Reads and checks every shard and returns the open store (StoreError naming the file at fault, lock released). */
  finish(slices?: boolean): Promise<WorkspaceStore>;
}

const bucketMap = (shards: readonly ShardEntry[] | undefined): Map<CollectionName, number> =>
  new Map((shards ?? []).map((e) => [e.collection, e.buckets]));

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
  /** Savers of derived data (the search index), run at close: see `onSave`. */
  private readonly saveHooks = new Set<(seq: number) => void>();
  /** Commit observers (team sync): see `onCommit`. */
  private readonly commitHooks = new Set<CommitHook>();
  /** The shards snapshot.json lists now (what the next compaction keeps or supersedes). */
  private shards: ShardEntry[] | undefined;
  /** Buckets changed since that index was written; null: write every bucket next time. */
  private dirty: DirtyBuckets | null;
  /** Raw bytes and printed copies of web captures (captures/<sha256>.blob), immutable like texts. */
  readonly captures: CaptureStore;

  private constructor(
    readonly dir: string,
    readonly manifest: WorkspaceManifest,
    readonly state: WorkspaceState,
    readonly texts: TextStore,
    private readonly snapshotDb: ReturnType<typeof openSnapshotDb>,
    private readonly release: (() => void) | null,
    private readonly opts: { compactEvery: number; readOnly: boolean; fs: FsOps; shardRecords: number },
    seq: number,
    journalCount: number,
    shards: ShardEntry[] | undefined,
    dirty: DirtyBuckets,
  ) {
    this.seq = seq;
    this.journalCount = journalCount;
    this.shards = shards;
    // Replayed journal records are not in the shards yet: load marked their buckets for the next compaction.
    this.dirty = dirty;
    this.captures = new CaptureStore(path.join(dir, CAPTURES_DIR), opts.fs);
    this.journal = opts.readOnly ? null : new JournalWriter(path.join(dir, JOURNAL_FILE), opts.fs);
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<WorkspaceStore> {
    return (await WorkspaceStore.begin(dir, options)).finish();
  }

  /**
   * The first phase of opening (docs/adr/0012, two-phase open): lock, index, journal and the cheap checks, plus the
   * library when the index carries a summary. `finish` (call it exactly once) reads the shards and returns the store;
   * with `slices`, it yields to the event loop between shards so a host answers the library meanwhile.
   */
  static async begin(dir: string, options: OpenOptions = {}): Promise<OpeningStore> {
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
    const failed = (e: unknown): never => {
      release?.();
      throw e instanceof StoreError ? e : ioError(`Could not open the workspace ${abs}`, e);
    };
    try {
      if (!readOnly) {
        tightenWorkspace(abs);
        removeStaleTempFiles([abs, path.join(abs, 'texts'), path.join(abs, SHARDS_DIR), path.join(abs, CAPTURES_DIR)]);
      }
      const db = openSnapshotDb(path.join(abs, 'snapshot.json'), ops);
      await db.read();
      const head = readHead(abs, db.data, { readOnly, ops });
      const library = loadLibrary(abs, db.data, head);
      let finishing = false;
      const finish = async (slices = false): Promise<WorkspaceStore> => {
        if (finishing) throw new Error('WorkspaceStore.begin: finish was called twice');
        finishing = true;
        try {
          const steps = loadSteps(abs, db.data, head, { migrations: { ...MIGRATIONS, ...options.migrations } });
          let r = steps.next();
          for (; !r.done; r = steps.next()) if (slices) await new Promise((next) => setImmediate(next));
          return WorkspaceStore.opened(abs, db, r.value, release, options);
        } catch (e) {
          return failed(e);
        }
      };
      return { dir: abs, manifest: head.manifest, library, finish };
    } catch (e) {
      return failed(e);
    }
  }

  /** The store over a loaded workspace: torn journal tail cut, migration finished, daily backup started. */
  private static opened(
    abs: string, db: ReturnType<typeof openSnapshotDb>, loaded: LoadedWorkspace, release: (() => void) | null, options: OpenOptions,
  ): WorkspaceStore {
    const ops = options.fs ?? realFs;
    const readOnly = options.readOnly ?? false;
    const texts = new TextStore(path.join(abs, 'texts'), ops, !readOnly);
    const store = new WorkspaceStore(abs, loaded.manifest, loaded.state, texts, db, release,
      { compactEvery: options.compactEvery ?? 5000, readOnly, fs: ops, shardRecords: options.shardRecords ?? SHARD_RECORDS },
      loaded.seq, loaded.replayed, db.data?.shards, loaded.dirty);
    try {
      // A torn final line was never acknowledged: cut it so the next append starts clean.
      if (!readOnly && loaded.journal.tornBytes > 0) {
        store.journal?.truncate(fs.statSync(path.join(abs, JOURNAL_FILE)).size - loaded.journal.tornBytes);
      }
      if (loaded.migrated) store.finishMigration(loaded.migrated, loaded.fromVersion);
      else if (!readOnly && db.data?.shards?.length && !db.data.library) store.scheduleSummary();
      if (!readOnly && options.autoBackup === 'deferred') store.scheduleDailyBackup();
      else if (!readOnly && options.autoBackup !== false) store.takeDailyBackup();
      if (!readOnly && options.autoBackup !== false) store.checkDailyBackupHourly();
    } catch (e) {
      store.journal?.close();
      throw e;
    }
    // The index as read is not needed past the open (compaction writes a new one from the state): its library
    // summary alone was ~7 MB of heap at 100k, held for as long as the workspace stayed open.
    db.data = null;
    return store;
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
    const afterHooks = [...this.commitHooks].map((h) => h(change, this.state));
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
    // Before applying: the buckets a record leaves are found from its current value.
    this.dirty?.markChange(change, this.state);
    this.state.apply(change);
    this.seq = rec.seq;
    this.journalCount++;
    for (const after of afterHooks) after?.();
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

  /** Observes every commit of this store (team sync queues local edits with it); returns the unsubscribe. */
  onCommit(hook: CommitHook): () => void {
    this.commitHooks.add(hook);
    return () => this.commitHooks.delete(hook);
  }

  /** The whole state as one inline snapshot document (small workspaces; the store itself writes shard sets). */
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

  /**
   * Runs `hook(seq)` when closing, so derived data (the search index) is saved beside the snapshot, stamped with the
   * sequence number it reflects. Not after each compaction: serialising a 100k index blocks for about a second, which
   * an edit must not wait behind. Returns the unsubscribe. A throwing hook is ignored (derived data is rebuilt).
   */
  onSave(hook: (seq: number) => void): () => void {
    this.saveHooks.add(hook);
    return () => this.saveHooks.delete(hook);
  }

  private runSaveHooks(): void {
    for (const hook of this.saveHooks) {
      try {
        hook(this.seq);
      } catch { /* derived data: rebuilt on the next open */ }
    }
  }

  /** Folds the journal into a fresh snapshot, then empties the journal. */
  async compact(): Promise<void> {
    this.compactNow();
  }

  /**
   * Writes the changed shards (each durable), then snapshot.json listing them (the commit point: a crash before
   * it leaves the previous complete set), then empties the journal and removes the shards no longer listed.
   * Synchronous, so no commit can slip between planning and writing.
   */
  private compactNow(): void {
    if (!this.journal || this.closed || this.compacting) return;
    this.compacting = true;
    const folded = this.seq;
    const prev = this.shards;
    try {
      const plan = planSet(this.state, folded, prev, this.dirty, this.opts.shardRecords, shardWriter(this.dir, this.opts.fs));
      writeFileDurable(path.join(this.dir, 'snapshot.json'), JSON.stringify(plan.index), this.opts.fs);
      this.shards = plan.index.shards;
      this.dirty = new DirtyBuckets(bucketMap(this.shards));
      this.journal.truncate(0);
      this.journalCount = this.seq - folded;
    } catch (e) {
      // Which buckets the failed attempt covered is unknown now: the next compaction writes them all.
      this.dirty = null;
      throw ioError('Could not compact the workspace into snapshot.json', e, 'Nothing was lost: the journal still holds every change.');
    } finally {
      this.compacting = false;
    }
    removeSuperseded(this.dir, prev, this.shards);
  }

  /**
   * A verified backup of the current state (snapshot set + manifest + texts) in backups/. A sharded workspace is
   * compacted first, so every shard is hard-linked (immutable files: no copy, no serialising at scale).
   */
  backup(kind: BackupKind): BackupInfo {
    if (this.closed) throw new StoreError('io', 'The workspace is closed.');
    if (this.shards?.length && this.journal && !this.broken) this.compactNow();
    const files: BackupInput['files'] = { [MANIFEST_FILE]: JSON.stringify(this.manifest, null, 2) };
    // Read-only (or a compaction that failed): the changed shards are serialised into the backup itself.
    const plan = planSet(this.state, this.seq, this.shards, this.dirty, this.opts.shardRecords, (w) => { files[w.entry.file] = w.data; });
    files['snapshot.json'] = JSON.stringify(plan.index);
    return createBackup(this.dir, {
      kind, schemaVersion: CURRENT_SCHEMA_VERSION, seq: this.seq, counts: countsOf(this.state),
      files, links: plan.keep, texts: [...referencedTexts(this.state)], captures: [...referencedCaptures(this.state)],
    }, this.opts.fs);
  }

  /**
   * An index written before the library summary existed gets one at the next turn of the event loop (a compaction:
   * the dirty shards and the index, as any), so the next open can answer the library first. Failing is harmless.
   */
  private scheduleSummary(): void {
    setImmediate(() => {
      if (this.closed || this.broken) return;
      try {
        this.compactNow();
      } catch { /* the journal still holds everything; tried again at the next open */ }
    });
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

  /**
   * Before the upgraded snapshot replaces anything, the files exactly as they were go into a backup (the old
   * snapshot's shards linked); then the whole state is written in the current layout (schema 1 → 2: sharded).
   */
  private finishMigration(doc: SnapshotDoc, fromVersion: number): void {
    const raw: BackupInput['files'] = {};
    for (const name of [MANIFEST_FILE, 'snapshot.json', JOURNAL_FILE]) {
      const file = path.join(this.dir, name);
      if (fs.existsSync(file)) raw[name] = fs.readFileSync(file);
    }
    createBackup(this.dir, {
      kind: 'pre-migration', schemaVersion: fromVersion, seq: doc.seq, counts: countsOf(this.state),
      files: raw, links: this.shards ?? [], texts: [...referencedTexts(this.state)],
    }, this.opts.fs);
    this.dirty = null;
    this.compactNow();
    writeFileDurable(path.join(this.dir, MANIFEST_FILE), JSON.stringify(this.manifest, null, 2), this.opts.fs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.backupTimer) clearTimeout(this.backupTimer);
    if (this.backupCheck) clearInterval(this.backupCheck);
    this.backupTimer = this.backupCheck = null;
    // Small journals are cheap to replay; rewriting a large snapshot on every CLI call is not.
    if (this.journal && this.journalCount >= 1000) await this.compact().catch(() => undefined);
    if (this.journal) this.runSaveHooks();
    this.closed = true;
    try {
      this.journal?.close(); // every change is already durable: a failing close loses nothing
    } catch { /* the descriptor is released by the OS either way */ }
    this.release?.();
  }
}
