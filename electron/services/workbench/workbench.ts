/** The open workspace as a service: every edit runs through `run`, the one command path (journal, undo, redo). */
import crypto from 'node:crypto';
import { makeTx, type Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { ApiError, ErrorCode } from '../../../shared/contract/define';
import { WorkspaceStore, type OpenOptions, type OpeningStore } from '../store/workspace-store';
import { StoreError } from '../store/errors';
import { TeamOutboxWriter } from '../team/outbox-writer';

export type ServiceResult<T, C extends ErrorCode = ErrorCode> = Result<T, ApiError<C>>;

/** What a command computes from the current state: the ops to commit and the value to answer with. */
export interface Planned<T> {
  ops: Op[];
  value: T;
}

export const newId = (): string => crypto.randomUUID();
export const now = (): string => new Date().toISOString();

export function fail<C extends ErrorCode>(code: C, message: string, details?: unknown): { ok: false; error: { code: C; message: string; details?: unknown } } {
  return err({ code, message, ...(details === undefined ? {} : { details }) });
}

/** A workbench between the two phases of its open: the library known, the full state not yet. */
export interface OpeningWorkbench extends Omit<OpeningStore, 'finish'> {
  finish(slices?: boolean): Promise<Workbench>;
}

export class Workbench {
  private constructor(readonly store: WorkspaceStore) {
    // Every open (app, browser mode, CLI) passes here: a linked workspace queues each edit for the team from the start.
    TeamOutboxWriter.register(store);
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<Workbench> {
    return new Workbench(await WorkspaceStore.open(dir, options));
  }

  /**
   * Two-phase open (docs/adr/0012): the library is answerable from what `begin` read (index, summary, journal);
   * `finish` reads the shards and returns the workbench. Hosts serve the first while the second runs (WorkspaceSession).
   */
  static async begin(dir: string, options: OpenOptions = {}): Promise<OpeningWorkbench> {
    const opening = await WorkspaceStore.begin(dir, options);
    return { ...opening, finish: async (slices) => new Workbench(await opening.finish(slices)) };
  }

  get state(): WorkspaceState {
    return this.store.state;
  }

  /**
   * The one command path: plan against the current state, commit the ops as one undoable transaction
   * (durable before this returns), answer with the planned value. A planning error commits nothing.
   */
  run<T, C extends ErrorCode>(
    label: string, plan: (s: WorkspaceState) => ServiceResult<Planned<T>, C>, opts: { quiet?: boolean } = {},
  ): ServiceResult<T, C> {
    const planned = plan(this.state);
    if (!planned.ok) return planned;
    const { ops, value } = planned.value;
    if (ops.length === 0) return ok(value);
    try {
      this.store.commit({ kind: 'tx', tx: makeTx(label, ops, this.state), ...(opts.quiet ? { quiet: true } : {}) });
    } catch (e) {
      return fail('storage_failed', e instanceof StoreError ? e.message : `Could not save: ${(e as Error).message}`);
    }
    return ok(value);
  }

  /** Undo or redo the last transaction; durable like any edit. */
  step(kind: 'undo' | 'redo'): ServiceResult<string, 'conflict'> {
    const stack = kind === 'undo' ? this.state.history.undo : this.state.history.redo;
    const tx = stack[stack.length - 1];
    if (!tx) return fail('conflict', kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    try {
      this.store.commit({ kind });
    } catch (e) {
      return fail('storage_failed', e instanceof StoreError ? e.message : String(e));
    }
    return ok(tx.label);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
