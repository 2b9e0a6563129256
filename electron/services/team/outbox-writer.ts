/** Queues every committed local edit of a team-linked workspace in its outbox, whether or not team sync is attached. */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { makeTx } from '../../../shared/domain/ops';
import type { Change, WorkspaceState } from '../../../shared/domain/state';
import { StoreError } from '../store/errors';
import type { WorkspaceStore } from '../store/workspace-store';
import { appendOutbox, readLink, settleOutbox, TEAM_FILE, type QueuedTx } from './sync-state';
import { opIdOf } from './sync-wire';

/** What an attached TeamSync hears from the writer. */
export interface OutboxListener {
  /** True while the listener applies the team's ops here: those are not local edits and are not queued. */
  isRemote(): boolean;
  /** A local edit was committed; its line is already on disk. */
  queued(q: QueuedTx): void;
}

const writers = new WeakMap<WorkspaceStore, TeamOutboxWriter>();

/**
 * One per open, writable, linked workspace, registered when it opens (Workbench) or when it is linked (TeamSync.attach),
 * so the CLI, browser mode and the app before the team password is given queue edits exactly as a running sync does.
 *
 * The line is appended and fsynced BEFORE the journal commit, stamped with the journal sequence number the commit will
 * take: a crash after the commit cannot lose the edit for the team, and a line whose commit did not happen (crash or
 * failed append in between) is recognised by that number and dropped (sync-state readOutbox, settled at open).
 */
export class TeamOutboxWriter {
  private readonly listeners = new Set<OutboxListener>();
  /** Test seam: runs after the line is on disk and before the journal commit (a throw refuses the commit). */
  afterAppendForTest: ((q: QueuedTx) => void) | null = null;

  private constructor(private readonly store: WorkspaceStore, private member: string) {
    store.onCommit((change, before) => this.capture(change, before));
  }

  /** The writer of `store`, made and registered if the workspace is linked (team.json); null for an unlinked one. */
  static register(store: WorkspaceStore, member?: string): TeamOutboxWriter | null {
    const known = writers.get(store);
    if (known) {
      if (member) known.member = member;
      return known;
    }
    if (store.readOnly || !fs.existsSync(path.join(store.dir, TEAM_FILE))) return null;
    if (!member) {
      try {
        member = readLink(store.dir)?.member;
      } catch { /* an unreadable team.json: still queue (TeamSync refuses to attach until it is fixed) */ }
    }
    // Before the first commit: the sequence numbers this session takes must never meet a stale line. A disk too
    // broken to rewrite it refuses the appends too (then the edits themselves); never fail the open over it.
    try {
      settleOutbox(store.dir, store.lastSeq);
    } catch { /* readOutbox still drops uncommitted lines by sequence number */ }
    const w = new TeamOutboxWriter(store, member ?? '');
    writers.set(store, w);
    return w;
  }

  /** Hears of each queued local edit until the returned function is called (TeamSync stop / abandon). */
  subscribe(l: OutboxListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private capture(change: Change, before: WorkspaceState): (() => void) | void {
    if ([...this.listeners].some((l) => l.isRemote())) return;
    let tx = change.kind === 'tx' ? change.tx : null;
    if (!tx) {
      // Undo / redo: queued as the ops they apply, so the team sees the same step.
      const stack = change.kind === 'undo' ? before.history.undo : before.history.redo;
      const top = stack[stack.length - 1];
      if (!top) return;
      tx = makeTx(`${change.kind === 'undo' ? 'Undo' : 'Redo'} ${top.label}`, change.kind === 'undo' ? top.inverse : top.ops, before);
    }
    const id = randomUUID();
    const q: QueuedTx = {
      id, tx, opIds: tx.ops.map((_, i) => opIdOf(id, i)), author: this.member, at: new Date().toISOString(), seq: this.store.lastSeq + 1,
    };
    try {
      appendOutbox(this.store.dir, q);
    } catch (e) {
      // Refusing the edit (nothing is written) beats accepting one the team would silently never get.
      throw new StoreError('io', `Could not queue the change for the team (${(e as Error).message}). Nothing was changed.`, e);
    }
    this.afterAppendForTest?.(q);
    return () => {
      for (const l of this.listeners) l.queued(q);
    };
  }
}

/** The registered writer of an open workspace, or null (unlinked, read-only, or linked after it opened without sync). */
export function teamOutboxOf(store: WorkspaceStore): TeamOutboxWriter | null {
  return writers.get(store) ?? null;
}
