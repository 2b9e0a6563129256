/** The workspace a host (desktop app or browser mode) serves: opened normally, or in recovery mode; swapped on restore. */
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
import { enterRecovery, continueWithoutBackup } from '../store/recovery';
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

  private constructor(private readonly opts: SessionOptions) {
    this.current = refusingHandlers('The workspace is opening.');
    const delegate = (m: keyof ApiHandlers) => (req: unknown) => (this.current[m] as (r: unknown) => Promise<unknown>)(req);
    this.handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, delegate(m)])) as unknown as ApiHandlers;
    this.hooks = { restore: (id) => this.restore(id), continueRecovery: () => this.continueRecovery() };
  }

  /** Opens the workspace; a damaged or too-new one starts recovery mode instead. Locked or unreadable disks throw. */
  static async start(opts: SessionOptions): Promise<WorkspaceSession> {
    const s = new WorkspaceSession(opts);
    await s.open(true);
    return s;
  }

  private async open(first: boolean): Promise<void> {
    try {
      this.wb = await Workbench.open(this.opts.dir, { autoBackup: 'deferred', ...this.opts.open, purpose: this.opts.purpose });
    } catch (e) {
      this.wb = null;
      this.recovery = enterRecovery(this.opts.dir, e, this.opts.open?.fs);
      this.current = createRecoveryHandlers(this.opts.dir, this.recovery, this.hooks);
      return;
    }
    this.recovery = null;
    if (first && this.opts.seedsDir) this.seeded = await seedIfEmpty(this.wb, this.opts.seedsDir);
    // createHandlers hands `host` on to the maintenance handlers, which use the hooks to restore.
    const host: HostInfo & { maintenance: MaintenanceHooks } = { seeded: this.seeded, printer: this.opts.printer, maintenance: this.hooks };
    this.current = createHandlers(this.wb, host);
  }

  /** Closes the open workspace (if any), restores the backup, and opens the result (normal or recovery mode). */
  async restore(id: string) {
    this.current = refusingHandlers('A backup is being restored; try again in a moment.');
    await this.wb?.close();
    this.wb = null;
    let result;
    try {
      result = restoreBackup(this.opts.dir, id, this.opts.open?.fs);
    } catch (e) {
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
      r = continueWithoutBackup(this.opts.dir, this.opts.open?.fs);
    } catch (e) {
      return fail('storage_failed', (e as Error).message);
    }
    if (!r.ok) return fail('conflict', r.message);
    await this.open(false);
    return ok({ opened: this.wb !== null });
  }

  async close(): Promise<void> {
    this.current = refusingHandlers('The workspace is closed.');
    await this.wb?.close();
    this.wb = null;
  }
}
