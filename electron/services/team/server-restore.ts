/** A team database restored from a backup (fewer ops than this workspace has seen): catch up without skipping, and re-send what it lost. */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/domain/types';
import { equal } from '../../../shared/team/values';
import { MAX_PUSH, UUID } from './ops';
import type { Author, QueuedTx, TeamLink } from './sync-state';
import { keyOf, keyOfOp, opIdOf } from './sync-wire';

/*
 * Why a fingerprint and not only "the server's highest seq is below lastSeq": once others push after a restore, the
 * server's highest seq passes ours again and that test says nothing, while the seqs between the restore point and our
 * lastSeq now number ops we never pulled. The op that held lastSeq (id and server time, `link.lastOp`) tells: a
 * restored server no longer holds it at that seq. The restore point is then the newest op the server created no
 * later than that op (same server clock): everything after it was numbered after the restore, and is pulled.
 */

const PAGE = 1000;
const KNOWN = new Set<string>(COLLECTION_NAMES);

export interface ServerRecord { collection: string; id: string; value: unknown; deleted: boolean; updatedAt: Date; lastSeq: number }

/** What a catch-up did: for the sync status and the CLI. */
export interface CatchUp {
  /** The server had gone back in time (restored from a backup); false for a plain `team reseed`. */
  behind: boolean;
  /** lastSeq before and after. */
  from: number;
  to: number;
  /** Records queued to be sent again (puts and deletes). */
  resent: number;
  /** The queued transactions, to tell when they are all pushed. */
  txIds: string[];
  /** A viewer cannot write: nothing is queued, the status says who can. */
  viewer: boolean;
}

/** `team reseed` by a viewer: the database would refuse the writes anyway; said before anything is queued. */
export class NotAWriter extends Error {
  constructor(role: TeamLink['role']) {
    super(`only an owner or editor can re-send this workspace's records to the team (your role is ${role ?? 'unknown'})`);
    this.name = 'NotAWriter';
  }
}

const writes = (link: TeamLink) => link.role === 'owner' || link.role === 'editor';

/** Whether the server still holds what this workspace last saw: its highest seq, and the op that held lastSeq. */
export async function serverWentBack(c: pg.ClientBase, link: TeamLink): Promise<boolean> {
  if (link.lastSeq === 0) return false;
  const { rows } = await c.query<{ top: string; op: string | null }>(
    `SELECT coalesce(max(seq), 0) AS top, (SELECT op_id::text FROM team.ops WHERE workspace_id = $1 AND seq = $2) AS op
     FROM team.ops WHERE workspace_id = $1`, [link.workspaceId, link.lastOp?.seq ?? 0]);
  if (Number(rows[0]!.top) < link.lastSeq) return true;
  return !!link.lastOp && rows[0]!.op !== link.lastOp.id;
}

/** Records which op holds lastSeq (one primary-key read, only when lastSeq moved), for serverWentBack. */
export async function noteLastOp(c: pg.ClientBase, link: TeamLink): Promise<void> {
  if (link.lastSeq === 0 || link.lastOp?.seq === link.lastSeq) return;
  link.lastOp = await opAt(c, link.workspaceId, link.lastSeq);
}

async function opAt(c: pg.ClientBase, ws: string, seq: number): Promise<TeamLink['lastOp']> {
  if (seq === 0) return undefined;
  // created_at as text round-trips to the microsecond, so "created no later than" compares exactly.
  const { rows } = await c.query<{ id: string; at: string }>('SELECT op_id::text AS id, created_at::text AS at FROM team.ops WHERE workspace_id = $1 AND seq = $2', [ws, seq]);
  return rows[0] ? { seq, id: rows[0].id, at: rows[0].at } : undefined;
}

/**
 * After a restore (`behind`) or on demand (`team reseed`): in one snapshot of the server, rewind lastSeq to the
 * restore point (never past an op numbered since), forget acknowledged transactions the server lost, and — for an
 * owner or editor — queue every record this workspace holds that the server lacks or holds otherwise. Mutates `link`.
 */
export async function catchUpWithServer(
  c: pg.ClientBase, link: TeamLink, local: WorkspaceState, authors: ReadonlyMap<string, Author>, behind: boolean,
): Promise<CatchUp> {
  const ws = link.workspaceId;
  const from = link.lastSeq;
  let records = new Map<string, ServerRecord>();
  await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    if (behind) {
      const { rows } = await c.query<{ r: string }>(
        `SELECT coalesce(max(seq), 0) AS r FROM team.ops WHERE workspace_id = $1 AND seq <= $2 AND created_at <= $3::timestamptz`,
        [ws, link.lastSeq, link.lastOp?.at ?? 'infinity']);
      link.lastSeq = Number(rows[0]!.r);
      link.lastOp = await opAt(c, ws, link.lastSeq);
      const ids = link.acked.filter((id) => UUID.test(id));
      const kept = await c.query<{ tx: string }>('SELECT DISTINCT tx_id::text AS tx FROM team.ops WHERE workspace_id = $1 AND tx_id = ANY($2::uuid[])', [ws, ids]);
      const still = new Set(kept.rows.map((r) => r.tx));
      link.acked = link.acked.filter((id) => still.has(id.toLowerCase()));
    }
    if (writes(link)) records = await readRecords(c, ws);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  const txs = writes(link) ? planReseed(local, records, link, authors) : [];
  link.pending.push(...txs);
  return { behind, from, to: link.lastSeq, resent: txs.reduce((n, q) => n + q.tx.ops.length, 0), txIds: txs.map((q) => q.id), viewer: !writes(link) };
}

/** The workspace's records on the server, in key order, a page per query. */
async function readRecords(c: pg.ClientBase, ws: string): Promise<Map<string, ServerRecord>> {
  const out = new Map<string, ServerRecord>();
  let after = ['', ''];
  for (;;) {
    const { rows } = await c.query<{ collection: string; id: string; value: unknown; deleted: boolean; updated_at: Date; last_seq: string }>(
      `SELECT collection, id, value, deleted, updated_at, last_seq FROM team.records
       WHERE workspace_id = $1 AND (collection, id) > ($2, $3) ORDER BY collection, id LIMIT ${PAGE}`, [ws, after[0], after[1]]);
    for (const r of rows) out.set(keyOf(r.collection, r.id), { collection: r.collection, id: r.id, value: r.value, deleted: r.deleted, updatedAt: r.updated_at, lastSeq: Number(r.last_seq) });
    if (rows.length < PAGE) return out;
    after = [rows.at(-1)!.collection, rows.at(-1)!.id];
  }
}

/**
 * The re-sends, as queued transactions like queueWholeWorkspace's, with the server's value (or "absent") as the
 * inverse, so a merge with ops pulled later starts from what the server holds. Skipped: records a queued edit touches
 * (it is pushed anyway) and records the server changed after lastSeq (not seen here yet: ours would be older).
 * A record the server holds and this workspace lacks is deleted again only if this member deleted it after the
 * server's copy was last changed; otherwise it may be another member's work and is left alone.
 */
export function planReseed(local: WorkspaceState, server: ReadonlyMap<string, ServerRecord>, link: TeamLink, authors: ReadonlyMap<string, Author>): QueuedTx[] {
  const touched = new Set(link.pending.flatMap((q) => q.tx.ops.map(keyOfOp)));
  const ops: Op[] = [];
  const inverse: Op[] = [];
  for (const c of COLLECTION_NAMES) {
    for (const v of local.all(c)) {
      const key = keyOf(c, v.id);
      const s = server.get(key);
      if (touched.has(key) || (s && s.lastSeq > link.lastSeq)) continue;
      const mine = JSON.parse(JSON.stringify(v)) as { id: string };
      const there = s && !s.deleted ? s.value : undefined;
      if (there !== undefined && equal(there, mine)) continue;
      ops.push({ t: 'put', c, v: mine } as Op);
      inverse.push(there !== undefined ? ({ t: 'put', c, v: there } as Op) : { t: 'del', c, id: v.id });
    }
  }
  for (const [key, s] of server) {
    if (s.deleted || !KNOWN.has(s.collection) || touched.has(key) || s.lastSeq > link.lastSeq) continue;
    const c = s.collection as CollectionName;
    if (local.get(c, s.id) !== undefined) continue;
    const a = authors.get(key);
    if (!a || a.member !== link.member || !(Date.parse(a.at) > s.updatedAt.getTime())) continue;
    ops.push({ t: 'del', c, id: s.id });
    inverse.push({ t: 'put', c, v: s.value } as Op);
  }
  const at = new Date().toISOString();
  const out: QueuedTx[] = [];
  for (let i = 0; i < ops.length; i += MAX_PUSH) {
    const chunk = ops.slice(i, i + MAX_PUSH);
    const id = randomUUID();
    out.push({ id, tx: { label: 'Re-send to the team', ops: chunk, inverse: inverse.slice(i, i + MAX_PUSH).reverse() }, opIds: chunk.map((_, j) => opIdOf(id, j)), author: link.member, at });
  }
  return out;
}

/** The sync status line, in words an analyst understands; null once there is nothing to say. */
export function catchUpNote(r: CatchUp | null, pending: readonly QueuedTx[]): string | null {
  if (!r || !r.behind) return null;
  const head = 'The team database is behind this workspace (restored from a backup?)';
  if (r.viewer) return `${head}: it is read again from there; as a viewer you cannot send the edits it lost: an owner or editor can ("workbench team reseed").`;
  const waiting = new Set(pending.map((q) => q.id));
  if (r.resent === 0) return `${head}: it is read again from there; nothing here needed sending again.`;
  const edits = `${r.resent} edit${r.resent === 1 ? '' : 's'} made here`;
  return r.txIds.some((id) => waiting.has(id)) ? `${head}: ${edits} ${r.resent === 1 ? 'is' : 'are'} being sent again.` : `${head}: ${edits} ${r.resent === 1 ? 'was' : 'were'} sent again.`;
}
