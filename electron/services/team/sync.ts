/** Team sync for one open workspace: queue local edits, pull others' ops and merge them in, push ours, keep conflicts and authors. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Op } from '../../../shared/domain/ops';
import { ok } from '../../../shared/domain/result';
import { COLLECTION_NAMES, type Source } from '../../../shared/domain/types';
import { resolveConflict, type Conflict, type Pick } from '../../../shared/team/conflict';
import { rebase, type RemoteOp } from '../../../shared/team/rebase';
import type { Workbench } from '../workbench/workbench';
import { MAX_PUSH } from './ops';
import { TeamOutboxWriter } from './outbox-writer';
import { BlobSync } from './sync-blobs';
import { TeamDb } from './team-db';
import { channelFor } from './channel';
import { shareConflicts } from './conflict-share';
import { catchUpNote, catchUpWithServer, NotAWriter, noteLastOp, serverWentBack, type CatchUp } from './server-restore';
import { loadLink, noteAuthor, readAuthors, saveAuthors, saveLink, type Author, type AuthorMark, type QueuedTx, type TeamLink } from './sync-state';
import { isRefused, isUnreachable, keyOf, keyOfOp, opIdOf, toInputs, toRemote } from './sync-wire';

/** Serialises pushers of one workspace (pull, merge, push), so no push lands on ops its author has not merged. */
const LOCK_CLASS = 0x7762_7473; // "wbts"
const PULL_PAGE = 1000;
/** Queued edits are marked pushed in team.json every this many transactions (re-pushing is a no-op anyway). */
const MARK_EVERY = 50;
const AUTHORS_EVERY_MS = 10_000;
const LINK_EVERY_MS = 1_000;

export interface SyncReport {
  pulled: number;
  pushed: number;
  conflicts: number;
}

export interface SyncStatus {
  online: boolean;
  member: string;
  role: TeamLink['role'];
  lastSeq: number;
  lastSyncAt: string | null;
  pending: number;
  openConflicts: number;
  /** Why queued edits stay local (a viewer's edits refused by the database), or null. */
  refused: string | null;
  lastError: string | null;
}

export interface SyncOptions {
  /** The connection string with the password (credentials.withPassword): held in memory only. */
  connectionString: string;
  poolSize?: number;
  /** Test seam: runs after the database committed a push and before this side records it as pushed. */
  afterPushCommitted?: (txId: string) => void;
}

export class TeamSync {
  private db: TeamDb | null = null;
  private control: pg.Client | null = null;
  private applyingRemote = false;
  private running: Promise<SyncReport> | null = null;
  private again = false;
  private stopped = false;
  private background = false;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = 0;
  private failures = 0;
  private authorsDirty = false;
  private authorsSavedAt = 0;
  private linkSavedAt = 0;
  private readonly uploaded = new Set<string>();
  /** Capture files (original PDFs, captures, area crops) up and down: sync-blobs.ts. */
  private readonly blobs: BlobSync;
  private readonly unhook: () => void;
  /** The last catch-up after the team database went back in time (server-restore.ts): shown in the status. */
  private catchUp: CatchUp | null = null;
  online = false;
  refused: string | null = null;
  lastError: string | null = null;
  /** Called after remote ops were applied here (the app refreshes its views; the bench measures latency). */
  onApplied: ((ops: readonly Op[], remote: readonly RemoteOp[]) => void) | null = null;

  private constructor(
    readonly wb: Workbench, private readonly link: TeamLink, private readonly authors: Map<string, Author>, private readonly opts: SyncOptions,
  ) {
    // The writer queues every local edit whether sync is attached or not; while attached we also hear of each one.
    const writer = TeamOutboxWriter.register(wb.store, link.member);
    this.unhook = writer?.subscribe({ isRemote: () => this.applyingRemote, queued: (q) => this.queued(q) }) ?? (() => undefined);
    this.blobs = new BlobSync(wb.store.captures, link.workspaceId);
  }

  /** Attaches sync to an open workspace that has a team link (team.json). Works offline: nothing is contacted yet. */
  static attach(wb: Workbench, opts: SyncOptions): TeamSync {
    const link = loadLink(wb.store.dir, wb.store.lastSeq);
    if (!link) throw new Error(`${wb.store.dir} is not linked to a team workspace (no team.json): run "workbench team create" or "team join"`);
    return new TeamSync(wb, link, readAuthors(wb.store.dir), opts);
  }

  get dir(): string {
    return this.wb.store.dir;
  }

  /** A local edit, already on disk in the outbox (outbox-writer.ts, which skips our remote applies): push it soon. */
  private queued(q: QueuedTx): void {
    this.link.pending.push(q);
    this.kick(10);
  }

  status(): SyncStatus {
    return {
      online: this.online, member: this.link.member, role: this.link.role, lastSeq: this.link.lastSeq, lastSyncAt: this.link.lastSyncAt,
      pending: this.link.pending.length, openConflicts: this.link.conflicts.filter((c) => !c.resolved).length,
      refused: this.refused, lastError: this.lastError ?? this.blobs.problem ?? catchUpNote(this.catchUp, this.link.pending),
    };
  }

  conflicts(): Conflict[] {
    return this.link.conflicts.filter((c) => !c.resolved);
  }

  authorOf(collection: string, id: string): Author | null {
    return this.authors.get(keyOf(collection, id)) ?? null;
  }

  /** This member's edits not yet pushed, oldest first. */
  pendingTxs(): readonly QueuedTx[] {
    return this.link.pending;
  }

  /** One pull + merge + push; concurrent calls share the run in progress (and ask for one more after it). */
  syncOnce(): Promise<SyncReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && this.background && !this.stopped) {
        this.again = false;
        this.kick(0);
      }
    });
    return this.running;
  }

  private async run(): Promise<SyncReport> {
    try {
      const report = await this.runOnce();
      this.online = true;
      this.failures = 0;
      this.lastError = null;
      return report;
    } catch (e) {
      if (isUnreachable(e)) {
        this.online = false;
        this.lastError = `The team database cannot be reached (${(e as Error).message}); edits are queued and sync when it is back.`;
        await this.disconnect();
      } else {
        this.lastError = (e as Error).message;
      }
      this.failures++;
      if (this.background && !this.stopped) this.kick(Math.min(15_000, 250 * 2 ** Math.min(this.failures, 6)));
      throw e;
    }
  }

  private async connect(): Promise<{ db: TeamDb; control: pg.Client }> {
    if (this.db && this.control) return { db: this.db, control: this.control };
    await this.disconnect();
    const db = await TeamDb.connect(this.opts.connectionString, { poolSize: this.opts.poolSize ?? 2 });
    const control = new pg.Client({ connectionString: this.opts.connectionString, application_name: 'analyst-workbench sync' });
    // Only the current connection's drop counts: an old one erroring late must not cut the new one.
    control.on('error', () => { if (this.control === control) void this.lost(); });
    control.on('notification', (msg) => {
      if (Number(msg.payload) > this.link.lastSeq) this.kick(0);
    });
    try {
      await control.connect();
      await control.query(`LISTEN ${control.escapeIdentifier(await channelFor(control, this.link.workspaceId))}`);
    } catch (e) {
      await db.close().catch(() => undefined);
      await control.end().catch(() => undefined);
      throw e;
    }
    this.db = db;
    this.control = control;
    this.online = true;
    const me = (await db.members(this.link.workspaceId)).find((m) => m.login === this.link.member);
    this.link.role = me?.role ?? null;
    if (!me) throw new Error(`${this.link.member} is not a member of team workspace ${this.link.workspaceName}: ask its owner to add you`);
    // Restored from a backup (server-restore.ts): rewind so no op it numbers again is skipped; queue what it lost.
    try {
      if (await serverWentBack(control, this.link)) await this.catchUpNow(control, true);
    } catch (e) {
      await this.disconnect(); // so the next connect checks again
      throw e;
    }
    return { db, control };
  }

  /** The listening connection dropped: go offline and retry in the background. */
  private async lost(): Promise<void> {
    this.online = false;
    await this.disconnect();
    if (this.background && !this.stopped) this.kick(500);
  }

  private async disconnect(): Promise<void> {
    const { db, control } = this;
    this.db = null;
    this.control = null;
    await control?.end().catch(() => undefined);
    await db?.close().catch(() => undefined);
  }

  private async runOnce(): Promise<SyncReport> {
    const { db, control } = await this.connect();
    const ws = this.link.workspaceId;
    const pushing = this.link.pending.length > 0 && !(this.refused && this.link.role === 'viewer');
    // Pushing: pull and merge first WITHOUT the lock (the bulk of the work: the others' ops since last time), so the
    // pull under the lock only fetches what landed meanwhile and every other pusher waits less.
    const early = pushing ? await this.pull(db) : { ops: 0, conflicts: 0 };
    // Files before the lock: uploading a 50 MB PDF must not keep every other pusher waiting (uploadTexts sends stragglers).
    if (pushing) await this.blobs.upload(db, this.link.pending.flatMap((q) => q.tx.ops));
    if (pushing) await control.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, ws]);
    try {
      const late = await this.pull(db);
      const pulled = { ops: early.ops + late.ops, conflicts: early.conflicts + late.conflicts };
      const pushed = pushing ? await this.push(db) : 0;
      // Which op holds lastSeq, so a restore is noticed even after new ops pass it (server-restore.ts).
      await noteLastOp(control, this.link);
      this.link.lastSyncAt = new Date().toISOString();
      // A pull alone need not be written at once: re-pulling after a crash re-applies what is already here.
      if (pushed > 0 || pulled.conflicts > 0 || Date.now() - this.linkSavedAt > LINK_EVERY_MS) this.saveLinkNow();
      // Team-wide copy of the conflicts (conflict-share.ts): after team.json holds them; it never fails the sync.
      await shareConflicts(control, this.link);
      this.saveAuthorsIfDirty();
      return { pulled: pulled.ops, pushed, conflicts: pulled.conflicts };
    } finally {
      if (pushing) await control.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, ws]).catch(() => undefined);
    }
  }

  /** Pulls every op after lastSeq, merges it with the queued edits and applies the result as one remote transaction. */
  private async pull(db: TeamDb): Promise<{ ops: number; conflicts: number }> {
    const remote: RemoteOp[] = [];
    let since = this.link.lastSeq;
    const acked = new Set(this.link.acked);
    for (;;) {
      const page = await db.pullOps(this.link.workspaceId, since, PULL_PAGE);
      for (const p of page) {
        since = p.seq;
        // Our own transaction, stored by a push whose reply never reached us (crash, lost connection): acknowledge it.
        const mine = this.link.pending.findIndex((q) => q.id === p.txId);
        if (mine >= 0) this.link.acked.push(...this.link.pending.splice(mine, 1).map((q) => q.id));
        if (mine >= 0 || acked.has(p.txId)) continue;
        const r = toRemote(p);
        if (r) remote.push(r);
      }
      if (page.length < PULL_PAGE) break;
    }
    for (const r of remote) {
      if (r.op.t === 'put' && r.op.c === 'sources') await this.fetchText(db, (r.op.v as Source).contentHash);
    }
    // Before the apply, so a record usually arrives with its file; one the author has not uploaded yet stays wanted.
    this.blobs.want(remote.map((r) => r.op), this.wb.state);
    await this.blobs.fetch(db);
    // Synchronous from here: no local edit can slip between the merge and its apply.
    const opIdOfOp = new Map<Op, string>();
    for (const q of this.link.pending) q.tx.ops.forEach((op, i) => opIdOfOp.set(op, q.opIds[i]!));
    const out = rebase({ current: this.wb.state, pending: this.link.pending, remote, lastSeq: this.link.lastSeq });
    if (out.apply.length > 0) {
      this.applyingRemote = true;
      try {
        const r = this.wb.run('Team edits', () => ok({ ops: out.apply, value: null }), { quiet: true });
        if (!r.ok) throw new Error(`Could not apply the team's edits here: ${r.error.message}`);
      } finally {
        this.applyingRemote = false;
      }
    }
    this.link.pending = out.pending.map((p) => {
      const known = p as Partial<QueuedTx> & typeof p;
      const id = known.id ?? randomUUID();
      return { id, tx: p.tx, author: p.author, at: p.at, opIds: p.tx.ops.map((op, i) => (known.id && opIdOfOp.get(op)) || opIdOf(id, 1000 + i)) };
    });
    const ids = new Set(this.link.conflicts.map((c) => c.id));
    for (const c of out.conflicts) {
      if (ids.has(c.id)) continue;
      this.link.conflicts.push(c);
      ids.add(c.id);
    }
    for (const r of remote) this.setAuthor(r.op, { member: r.author, at: r.at });
    this.link.lastSeq = Math.max(out.lastSeq, since);
    if (remote.length > 0) this.onApplied?.(out.apply, remote);
    return { ops: remote.length, conflicts: out.conflicts.length };
  }

  private saveLinkNow(): void {
    saveLink(this.dir, this.link);
    this.linkSavedAt = Date.now();
  }

  /** Last change, and the creator on a record's first put (sync-state.ts noteAuthor). */
  private setAuthor(op: Op, a: AuthorMark): void {
    noteAuthor(this.authors, keyOfOp(op), a, op.t === 'put');
    this.authorsDirty = true;
  }

  /** At most every AUTHORS_EVERY_MS (and at stop): rewriting the whole map after every pull would cost more than the pull. */
  private saveAuthorsIfDirty(force = false): void {
    if (!this.authorsDirty || (!force && Date.now() - this.authorsSavedAt < AUTHORS_EVERY_MS)) return;
    this.authorsSavedAt = Date.now();
    saveAuthors(this.dir, this.authors);
    this.authorsDirty = false;
  }

  private async fetchText(db: TeamDb, hash: string): Promise<void> {
    if (!hash || this.wb.store.texts.has(hash)) return;
    const text = await db.getText(hash);
    if (text !== null) this.wb.store.texts.put(text);
  }

  /**
   * Pushes the queued transactions in order, each under its own tx id, several per database transaction (one
   * commit for all that queued while this client waited for the lock); the texts they cite go first.
   */
  private async push(db: TeamDb): Promise<number> {
    let pushed = 0;
    let unmarked = 0;
    const queue = [...this.link.pending];
    while (queue.length > 0) {
      const batch: QueuedTx[] = [];
      let ops = 0;
      // A transaction bigger than MAX_PUSH cannot be queued (queueWholeWorkspace chunks), so each batch holds one at least.
      while (queue.length > 0 && (batch.length === 0 || ops + queue[0]!.tx.ops.length <= MAX_PUSH)) {
        ops += queue[0]!.tx.ops.length;
        batch.push(queue.shift()!);
      }
      for (const q of batch) await this.uploadTexts(db, q);
      let results;
      try {
        results = await db.pushTxs(this.link.workspaceId, batch.map((q) => ({ txId: q.id, ops: toInputs(q.tx.ops, q.opIds) })));
      } catch (e) {
        if (!isRefused(e)) throw e;
        this.refused = `The team database refused your edits (your role is ${this.link.role ?? 'not a writer'}): ${this.link.pending.length} edits stay in this workspace only.`;
        break;
      }
      this.refused = null;
      for (const [i, q] of batch.entries()) {
        this.opts.afterPushCommitted?.(q.id);
        this.link.pending = this.link.pending.filter((p) => p.id !== q.id);
        this.link.acked.push(q.id);
        // Held under the lock since the pull: nothing else entered the workspace between, so our seqs are the latest.
        this.link.lastSeq = Math.max(this.link.lastSeq, ...results[i]!.map((r) => r.seq));
        for (const op of q.tx.ops) this.setAuthor(op, { member: this.link.member, at: q.at });
        pushed++;
        if (++unmarked >= MARK_EVERY) {
          saveLink(this.dir, this.link);
          unmarked = 0;
        }
      }
    }
    return pushed;
  }

  private async uploadTexts(db: TeamDb, q: QueuedTx): Promise<void> {
    for (const op of q.tx.ops) {
      if (op.t !== 'put' || op.c !== 'sources' || this.uploaded.has(op.v.contentHash)) continue;
      const text = this.wb.store.texts.get(op.v.contentHash);
      if (text !== null) await db.putText(this.link.workspaceId, text);
      this.uploaded.add(op.v.contentHash);
    }
    // Normally sent before the lock already (runOnce); this covers edits queued since, and costs nothing otherwise.
    await this.blobs.upload(db, q.tx.ops);
  }

  /** server-restore.ts, then team.json at once: a rewound lastSeq and the queued re-sends must survive a crash. */
  private async catchUpNow(control: pg.Client, behind: boolean): Promise<CatchUp> {
    const r = await catchUpWithServer(control, this.link, this.wb.state, this.authors, behind);
    if (behind) {
      this.catchUp = r;
      // Texts and files this session sent may be gone with the restore: the re-sent records must carry them again.
      this.uploaded.clear();
      this.blobs.forgetUploads();
    }
    this.saveLinkNow();
    return r;
  }

  /** `team reseed` (owner/editor): sync, queue every record the server lacks or holds otherwise, push them. */
  async reseed(): Promise<{ resent: number; report: SyncReport }> {
    // Sync first: a record another member changed since is then judged on what they wrote, not an older copy here.
    await this.syncOnce();
    if (this.link.role !== 'owner' && this.link.role !== 'editor') throw new NotAWriter(this.link.role);
    const { control } = await this.connect();
    const r = await this.catchUpNow(control, false);
    return { resent: r.resent, report: await this.syncOnce() };
  }

  /** Queues every record of this workspace as the team workspace's first edits (team create); returns how many. */
  queueWholeWorkspace(): number {
    const ops: Op[] = [];
    for (const c of COLLECTION_NAMES) for (const v of this.wb.state.all(c)) ops.push({ t: 'put', c, v } as Op);
    const at = new Date().toISOString();
    for (let i = 0; i < ops.length; i += MAX_PUSH) {
      const chunk = ops.slice(i, i + MAX_PUSH);
      const id = randomUUID();
      // The inverse (the base a merge starts from) is "absent": the team workspace had none of these records.
      const inverse = chunk.map((op): Op => ({ t: 'del', c: op.c, id: op.t === 'put' ? op.v.id : op.id })).reverse();
      this.link.pending.push({ id, tx: { label: 'Share workspace', ops: chunk, inverse }, opIds: chunk.map((_, j) => opIdOf(id, j)), author: this.link.member, at });
    }
    saveLink(this.dir, this.link);
    return ops.length;
  }

  /** Resolves a conflict with an ordinary, undoable edit (so the choice syncs like any other). */
  resolve(conflictId: string, choice: Pick): void {
    const cf = this.link.conflicts.find((c) => c.id === conflictId);
    if (!cf) throw new Error(`no conflict ${conflictId}`);
    const current = this.wb.state.get(cf.collection, cf.recordId);
    const outcome = resolveConflict(cf, choice, current, { author: this.link.member, at: new Date().toISOString() });
    const r = this.wb.run('Resolve conflict', () => ok({ ops: outcome.ops, value: null }));
    if (!r.ok) throw new Error(r.error.message);
    this.link.conflicts = this.link.conflicts.map((c) => (c.id === cf.id ? outcome.conflict : c));
    saveLink(this.dir, this.link);
  }

  /** Background mode: LISTEN/NOTIFY pulls within a second, local edits push at once, failures retry with backoff. */
  start(): void {
    this.background = true;
    this.kick(0);
  }

  private kick(delayMs: number): void {
    if (!this.background || this.stopped) return;
    // An earlier or equal wake-up already set serves this request too; a later one (the idle poll) is replaced.
    const due = Date.now() + delayMs;
    if (this.timer) {
      if (this.timerDue <= due) return;
      clearTimeout(this.timer);
    }
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.syncOnce().then(() => this.kick(5_000), () => undefined);
    }, delayMs);
  }

  /** Drops hooks and connections without writing anything: what a SIGKILL leaves behind (fault tests). */
  async abandon(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.unhook();
    await this.running?.catch(() => undefined);
    await this.disconnect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    this.unhook();
    this.saveAuthorsIfDirty(true);
    saveLink(this.dir, this.link);
    await this.disconnect();
  }
}

/** Writes a new team link into a workspace folder (create / join). */
export function writeNewLink(dir: string, init: Pick2<TeamLink, 'url' | 'workspaceId' | 'workspaceName' | 'member' | 'role'>): TeamLink {
  const link: TeamLink = { format: 'analyst-workbench/team-link', ...init, lastSeq: 0, lastSyncAt: null, pending: [], acked: [], conflicts: [] };
  saveLink(dir, link);
  return link;
}
type Pick2<T, K extends keyof T> = { [P in K]: T[P] };
