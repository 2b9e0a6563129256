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
import { Workbench, fail } from '../workbench/workbench';
import { createHandlers, type HostInfo } from '../api/handlers';
import type { MaintenanceHooks } from '../api/handlers-maintenance';
import { seedIfEmpty } from '../workbench/seed';
import type { PdfPrinter } from '../export/pdf-printer';
import type { OpenOptions } from '../store/workspace-store';
import { StoreError } from '../store/errors';
import { PRIVATE_DIR_MODE } from '../store/durable-fs';
import { enterRecovery, continueWithoutBackup } from '../store/recovery';
import { acquireLock } from '../store/lock';
import { restoreBackup } from '../store/restore';
import { createRecoveryHandlers, refusingHandlers } from './recovery-handlers';

export interface SessionOptions {
  dir: string;
  /** Who holds the lock (shown to a second process). */
  purpose: string;
  /** Seed the sample article into an empty workspace on first open. */
  seedsDir?: string;
  printer?: PdfPrinter;
  open?: Omit<OpenOptions, 'purpose' | 'readOnly'>;
}

export class WorkspaceSession {
  /** Stable handlers for the host to serve: each call goes to whatever the session holds now. */
  readonly handlers: ApiHandlers;
  private current: ApiHandlers;
  wb: Workbench | null = null;
  recovery: RecoveryInfo | null = null;
  seeded = false;
  private readonly hooks: MaintenanceHooks;
  private release: (() => void) | null = null;
  private reopening: Promise<void> | null = null;

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
   */
  private async open(first: boolean): Promise<void> {
    try {
      this.wb = await Workbench.open(this.opts.dir, { autoBackup: 'deferred', ...this.opts.open, purpose: this.opts.purpose, lockHeld: true });
    } catch (e) {
      this.wb = null;
      try {
        this.recovery = enterRecovery(this.opts.dir, e, this.opts.open?.fs, { lockHeld: true });
      } catch (e2) {
        if (first) throw e2;
        this.recovery = null;
        this.current = this.retryingHandlers(`The workspace could not be opened again: ${(e2 as Error).message}`);
        return;
      }
      this.current = createRecoveryHandlers(this.opts.dir, this.recovery, this.hooks);
      return;
    }
    this.recovery = null;
    if (first && this.opts.seedsDir) this.seeded = await seedIfEmpty(this.wb, this.opts.seedsDir);
    // createHandlers hands `host` on to the maintenance handlers, which use the hooks to restore.
    const host: HostInfo & { maintenance: MaintenanceHooks } = { seeded: this.seeded, printer: this.opts.printer, maintenance: this.hooks };
    this.current = createHandlers(this.wb, host);
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
    this.current = refusingHandlers('A backup is being restored; try again in a moment.');
    let result;
    try {
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
    this.current = refusingHandlers('The workspace is closed.');
    try {
      await this.wb?.close();
    } finally {
      this.wb = null;
      this.release?.();
      this.release = null;
    }
  }
}
