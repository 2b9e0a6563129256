/**
 * The workspace a host (desktop app or browser mode) serves: opened normally, or in recovery mode; swapped on restore.
 * The session holds the workspace lock for its whole life, across every close → restore → reopen, so no other
 * process can slip in between (it could otherwise take the workspace and leave this host refusing everything).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ok } from '../../../shared/domain/result';
import { METHOD_NAMES, type ApiHandlers } from '../../../shared/contract/api';
import type { RecoveryInfo } from '../../../shared/contract/views-maintenance';
import { Workbench, fail, type OpeningWorkbench } from '../workbench/workbench';
import { createHandlers, type HostInfo } from '../api/handlers';
import type { MaintenanceHooks } from '../api/handlers-maintenance';
import { seedIfEmpty } from '../workbench/seed';
import type { PdfPrinter } from '../export/pdf-printer';
import type { PagePrinter } from '../capture/types';
import type { OpenOptions } from '../store/workspace-store';
import { StoreError } from '../store/errors';
import { PRIVATE_DIR_MODE } from '../store/durable-fs';
import { enterRecovery, continueWithoutBackup } from '../store/recovery';
import { acquireLock } from '../store/lock';
import { restoreBackup } from '../store/restore';
import { createRecoveryHandlers, refusingHandlers } from './recovery-handlers';
import { createLibraryHandlers } from './library-handlers';
import { TeamService } from '../team/team-service';
import { processSecrets } from '../team/memory-secrets';
import type { SecretStore } from '../team/credentials';

export interface SessionOptions {
  dir: string;
  /** Who holds the lock (shown to a second process). */
  purpose: string;
  /** Seed the sample article into an empty workspace on first open. */
  seedsDir?: string;
  printer?: PdfPrinter;
  /** Prints captured pages (HostInfo.pagePrinter). */
  pagePrinter?: PagePrinter;
  /** The browser extension's endpoint address (HostInfo.extensionEndpoint). */
  extensionEndpoint?: () => Promise<string>;
  open?: Omit<OpenOptions, 'purpose' | 'readOnly'>;
  /** Where team passwords are kept (the desktop's keychain); absent: in memory for this process (browser mode). */
  secrets?: { store: SecretStore; kind: 'keychain' | 'memory' };
}

export class WorkspaceSession {
  /** Stable handlers for the host to serve: each call goes to whatever the session holds now. */
  readonly handlers: ApiHandlers;
  private current: ApiHandlers;
  wb: Workbench | null = null;
  /** Team sync of the open workspace: started when it is linked and the password is known, stopped before it closes. */
  team: TeamService | null = null;
  recovery: RecoveryInfo | null = null;
  seeded = false;
  private readonly hooks: MaintenanceHooks;
  private release: (() => void) | null = null;
  private reopening: Promise<void> | null = null;
  /** The second phase of a two-phase open, while it runs. */
  private loading: Promise<void> | null = null;

  private constructor(private readonly opts: SessionOptions) {
    this.current = refusingHandlers('The workspace is opening.');
    const delegate = (m: keyof ApiHandlers) => (req: unknown) => (this.current[m] as (r: unknown) => Promise<unknown>)(req);
    this.handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, delegate(m)])) as unknown as ApiHandlers;
    this.hooks = { restore: (id) => this.restore(id), continueRecovery: () => this.continueRecovery() };
  }

  /** Opens the workspace; a damaged or too-new one starts recovery mode instead. Locked or unreadable disks throw. */
  static async start(opts: SessionOptions): Promise<WorkspaceSession> {
    const s = new WorkspaceSession(opts);
    // Opening may create the folder; the lock file lives inside it.
    fs.mkdirSync(path.resolve(opts.dir), { recursive: true, mode: PRIVATE_DIR_MODE });
    s.release = acquireLock(path.resolve(opts.dir), opts.purpose);
    try {
      await s.open(true);
    } catch (e) {
      s.release();
      s.release = null;
      throw e;
    }
    return s;
  }

  /**
   * Opens the workspace under the session's lock, else recovery mode. On the first open a failure that recovery
   * cannot handle (a disk error) is thrown to the host; later (after a restore) it never is: the host must stay
   * usable, so requests then answer with the reason and each one tries to open the workspace again.
   *
   * Two phases (docs/adr/0012): when the index carries a library summary, this returns as soon as the library can be
   * answered, and the shards are read in slices after it (`whenLoaded`). The gate is here, not in Workbench, because
   * the session is what swaps handler sets: until the full load ends only the library methods answer, and every other
   * request waits and is then served by whatever the load ended in — the workspace, recovery mode (a damaged shard),
   * or the retrying handlers — so nothing is ever answered from partial state.
   */
  private async open(first: boolean): Promise<void> {
    let opening: OpeningWorkbench;
    try {
      opening = await Workbench.begin(this.opts.dir, { autoBackup: 'deferred', ...this.opts.open, purpose: this.opts.purpose, lockHeld: true });
    } catch (e) {
      this.failed(e, first);
      return;
    }
    const lib = opening.library;
    // `seeded` is known only after seedIfEmpty, which needs the full state; a library it could seed waits for it.
    const seedable = first && this.opts.seedsDir !== undefined
      && (!lib || (lib.state.count('sources') === 0 && lib.state.history.undo.length === 0 && lib.state.history.redo.length === 0));
    if (!lib || seedable) {
      await this.finish(opening, first);
      return;
    }
    this.current = createLibraryHandlers(
      { dir: opening.dir, schemaVersion: opening.manifest.schemaVersion, seeded: this.seeded }, lib,
      () => this.whenLoaded(), () => this.current,
    );
    // Not awaited: start() returns with the library served. Not `first` either: nothing can be thrown to the host
    // any more, and a workspace with a library is never seeded.
    this.loading = this.finish(opening, false, true).finally(() => { this.loading = null; });
  }

  /**
   * The second phase: every shard read and checked (in slices when `slices`), then the full handlers. On the `first`
   * open it seeds an empty workspace and throws what recovery cannot handle; otherwise it never rejects.
   */
  private async finish(opening: OpeningWorkbench, first: boolean, slices = false): Promise<void> {
    try {
      this.wb = await opening.finish(slices);
    } catch (e) {
      this.wb = null;
      this.failed(e, first);
      return;
    }
    this.recovery = null;
    if (first && this.opts.seedsDir) this.seeded = await seedIfEmpty(this.wb, this.opts.seedsDir);
    // createHandlers hands `host` on to the maintenance handlers, which use the hooks to restore.
    const host: HostInfo & { maintenance: MaintenanceHooks } = {
      seeded: this.seeded, printer: this.opts.printer, pagePrinter: this.opts.pagePrinter,
      extensionEndpoint: this.opts.extensionEndpoint, maintenance: this.hooks, team: this.startTeam(this.wb),
    };
    this.current = createHandlers(this.wb, host);
  }

  private startTeam(wb: Workbench): TeamService {
    const secrets = this.opts.secrets ?? { store: processSecrets, kind: 'memory' as const };
    this.team = new TeamService(wb, { secrets: secrets.store, secretStorage: secrets.kind });
    void this.team.startIfLinked().catch((e: unknown) => console.error('[workbench] team sync could not start:', e));
    return this.team;
  }

  private async stopTeam(): Promise<void> {
    const t = this.team;
    this.team = null;
    await t?.stop().catch((e: unknown) => console.error('[workbench] stopping team sync:', e));
  }

  /** The open failed: recovery mode, or (when recovery itself cannot run and the host cannot be told) retrying handlers. */
  private failed(e: unknown, canThrow: boolean): void {
    this.wb = null;
    try {
      this.recovery = enterRecovery(this.opts.dir, e, this.opts.open?.fs, { lockHeld: true });
    } catch (e2) {
      if (canThrow) throw e2;
      this.recovery = null;
      this.current = this.retryingHandlers(`The workspace could not be opened again: ${(e2 as Error).message}`);
      return;
    }
    this.current = createRecoveryHandlers(this.opts.dir, this.recovery, this.hooks);
  }

  /** Resolves once the open is complete (the full state loaded, or recovery mode entered); never rejects. */
  async whenLoaded(): Promise<void> {
    while (this.loading) await this.loading;
  }

  /** Handlers that answer `message`, but first try to open the workspace again (one attempt at a time). */
  private retryingHandlers(message: string): ApiHandlers {
    const retrying: ApiHandlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, async (req: unknown) => {
      this.reopening ??= this.open(false).finally(() => { this.reopening = null; });
      await this.reopening;
      if (this.current !== retrying) return (this.current[m] as (r: unknown) => Promise<unknown>)(req);
      return fail('storage_failed', message);
    }])) as unknown as ApiHandlers;
    return retrying;
  }

  /**
   * Closes the open workspace (if any), restores the backup, and opens the result (normal or recovery mode),
   * all under the session's lock. Whatever fails, the session ends serving something: the workspace, recovery
   * mode, or handlers that explain and retry.
   */
  async restore(id: string) {
    await this.whenLoaded();
    this.current = refusingHandlers('A backup is being restored; try again in a moment.');
    let result;
    try {
      await this.stopTeam();
      await this.wb?.close();
      this.wb = null;
      result = restoreBackup(this.opts.dir, id, this.opts.open?.fs, { lockHeld: true });
    } catch (e) {
      this.wb = null;
      await this.open(false);
      if (e instanceof StoreError && e.kind === 'locked') return fail('workspace_locked', e.message);
      return fail('storage_failed', (e as Error).message);
    }
    await this.open(false);
    if (!result.ok) return fail(result.reason === 'not_found' ? 'not_found' : 'conflict', result.message);
    return ok({ restored: result.restored, quarantined: result.quarantined });
  }

  /** Recovery mode: keep what could be read (see store/recovery.ts) and open it. */
  async continueRecovery() {
    await this.whenLoaded();
    if (!this.recovery) return fail('conflict', 'The workspace is open and healthy: there is nothing to recover.');
    let r;
    try {
      r = continueWithoutBackup(this.opts.dir, this.opts.open?.fs, { lockHeld: true });
    } catch (e) {
      return fail('storage_failed', (e as Error).message);
    }
    if (!r.ok) return fail('conflict', r.message);
    await this.open(false);
    return ok({ opened: this.wb !== null });
  }

  async close(): Promise<void> {
    const closed = refusingHandlers('The workspace is closed.');
    this.current = closed;
    // A second phase still running ends first (it holds the journal open once done), then nothing is served.
    await this.whenLoaded();
    this.current = closed;
    try {
      await this.stopTeam();
      await this.wb?.close();
    } finally {
      this.wb = null;
      this.release?.();
      this.release = null;
    }
  }
}
