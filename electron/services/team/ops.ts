/** Pushing and pulling operations: one parameterised statement each way, idempotent by op_id. */
import type pg from 'pg';
import { TeamDbError } from './errors';

export interface TeamOpInput {
  /** Chosen by the client once, reused on every retry: re-sending it is a no-op. */
  opId: string;
  collection: string;
  recordId: string;
  kind: 'put' | 'del';
  /** The record for a put; absent for a del. */
  value?: unknown;
}

export interface PushedOp {
  opId: string;
  seq: number;
  /** True when the op was already stored (a retry): nothing was written, seq is the stored one. */
  duplicate: boolean;
}

export interface PulledOp {
  seq: number;
  opId: string;
  txId: string;
  author: string;
  createdAt: Date;
  collection: string;
  recordId: string;
  kind: 'put' | 'del';
  value: unknown;
}

export const MAX_PUSH = 1000;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toSeq = (v: string | number): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`seq ${v} is beyond 2^53`);
  return n;
};

export function checkWorkspaceId(id: string): void {
  if (!UUID.test(id)) throw new TeamDbError('bad_input', `workspace id must be a UUID (got ${JSON.stringify(id).slice(0, 60)})`);
}

function checkOps(ops: readonly TeamOpInput[], txId: string): void {
  if (!UUID.test(txId)) throw new TeamDbError('bad_input', 'tx id must be a UUID');
  if (ops.length > MAX_PUSH) throw new TeamDbError('bad_input', `at most ${MAX_PUSH} ops per push (got ${ops.length}); push in batches`);
  const seen = new Set<string>();
  ops.forEach((op, i) => {
    const at = `op ${i + 1}`;
    if (!UUID.test(op.opId)) throw new TeamDbError('bad_input', `${at}: opId must be a UUID`);
    const key = op.opId.toLowerCase();
    if (seen.has(key)) throw new TeamDbError('bad_input', `${at}: opId ${op.opId} appears twice in one push`);
    seen.add(key);
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(op.collection)) throw new TeamDbError('bad_input', `${at}: collection must be a plain name`);
    if (typeof op.recordId !== 'string' || op.recordId.length < 1 || op.recordId.length > 200) throw new TeamDbError('bad_input', `${at}: recordId must be 1–200 characters`);
    if (op.kind === 'put' ? op.value === undefined || op.value === null : op.kind !== 'del' || op.value !== undefined) {
      throw new TeamDbError('bad_input', `${at}: a put carries a value and a del carries none`);
    }
  });
}

/**
 * Appends ops in one transaction, in the given order (seqs ascend with it). An op_id already stored (a retry after
 * a lost reply) is a no-op returning the stored seq; the same op_id with different content is refused, as is one
 * used in a workspace this login cannot see.
 */
export async function pushOps(client: pg.ClientBase, workspaceId: string, ops: readonly TeamOpInput[], txId: string): Promise<PushedOp[]> {
  return (await pushTxs(client, workspaceId, [{ txId, ops }]))[0]!;
}

/**
 * Several local transactions (each its own tx id) appended in ONE database transaction, in order: all or none.
 * Why: a client that queued K edits while waiting for the workspace lock pays one BEGIN/COMMIT, not K, so the
 * lock is held for less time (the load bench's commit-to-seen latency).
 */
export async function pushTxs(client: pg.ClientBase, workspaceId: string, txs: readonly { txId: string; ops: readonly TeamOpInput[] }[]): Promise<PushedOp[][]> {
  checkWorkspaceId(workspaceId);
  for (const t of txs) checkOps(t.ops, t.txId);
  if (txs.reduce((n, t) => n + t.ops.length, 0) > MAX_PUSH) throw new TeamDbError('bad_input', `at most ${MAX_PUSH} ops per push; push in batches`);
  const ids = new Set<string>();
  for (const t of txs) for (const op of t.ops) {
    if (ids.has(op.opId.toLowerCase())) throw new TeamDbError('bad_input', `opId ${op.opId} appears twice in one push`);
    ids.add(op.opId.toLowerCase());
  }
  if (ids.size === 0) return txs.map(() => []);
  await client.query('BEGIN');
  try {
    const out: PushedOp[][] = [];
    for (const t of txs) out.push(t.ops.length === 0 ? [] : await insertTx(client, workspaceId, t.ops, t.txId));
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** One tx's ops inside an open transaction (pushTxs): inserted, or recognised as a retry. */
async function insertTx(client: pg.ClientBase, workspaceId: string, ops: readonly TeamOpInput[], txId: string): Promise<PushedOp[]> {
  const payload = JSON.stringify(ops.map((op, ord) => ({ ord, op_id: op.opId, collection: op.collection, record_id: op.recordId, kind: op.kind, value: op.value ?? null })));
  const inserted = await client.query<{ op_id: string; seq: string }>(
    `INSERT INTO team.ops (op_id, workspace_id, tx_id, collection, record_id, kind, value)
     SELECT x.op_id, $1, $2, x.collection, x.record_id, x.kind, x.value
     FROM jsonb_to_recordset($3::jsonb) AS x(ord integer, op_id uuid, collection text, record_id text, kind text, value jsonb)
     ORDER BY x.ord
     ON CONFLICT (op_id) DO NOTHING
     RETURNING op_id, seq`, [workspaceId, txId, payload]);
  const fresh = new Map(inserted.rows.map((r) => [r.op_id, toSeq(r.seq)]));
  const retried = ops.filter((op) => !fresh.has(op.opId.toLowerCase()));
  // Compared in SQL: jsonb equality ignores key order and number spelling, as a retry's re-serialisation may differ.
  const stored = new Map<string, { seq: string; same: boolean }>();
  if (retried.length) {
    const { rows } = await client.query<{ op_id: string; seq: string; same: boolean }>(
      `SELECT o.op_id, o.seq, (o.workspace_id = $1 AND o.collection = x.collection AND o.record_id = x.record_id
               AND o.kind = x.kind AND o.value IS NOT DISTINCT FROM x.value) AS same
       FROM jsonb_to_recordset($2::jsonb) AS x(op_id uuid, collection text, record_id text, kind text, value jsonb)
       JOIN team.ops o ON o.op_id = x.op_id`, [workspaceId, payload]);
    for (const r of rows) stored.set(r.op_id, r);
  }
  const result = ops.map((op): PushedOp => {
    const id = op.opId.toLowerCase();
    const seq = fresh.get(id);
    if (seq !== undefined) return { opId: op.opId, seq, duplicate: false };
    const old = stored.get(id);
    if (!old) throw new TeamDbError('op_conflict', `op ${op.opId} is already stored in a workspace this login cannot read`);
    if (!old.same) throw new TeamDbError('op_conflict', `op ${op.opId} was already stored with different content; an op id is never reused`);
    return { opId: op.opId, seq: toSeq(old.seq), duplicate: true };
  });
  return result;
}

/** Ops of a workspace after `sinceSeq`, oldest first, at most `limit` (call again from the last seq for more). */
export async function pullOps(client: pg.ClientBase, workspaceId: string, sinceSeq: number, limit = 500): Promise<PulledOp[]> {
  checkWorkspaceId(workspaceId);
  if (!Number.isSafeInteger(sinceSeq) || sinceSeq < 0) throw new TeamDbError('bad_input', 'sinceSeq must be a non-negative integer');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 10_000) throw new TeamDbError('bad_input', 'limit must be 1–10000');
  const { rows } = await client.query<{ seq: string; op_id: string; tx_id: string; author: string; created_at: Date; collection: string; record_id: string; kind: 'put' | 'del'; value: unknown }>(
    `SELECT seq, op_id, tx_id, author, created_at, collection, record_id, kind, value
     FROM team.ops WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [workspaceId, sinceSeq, limit]);
  return rows.map((r) => ({ seq: toSeq(r.seq), opId: r.op_id, txId: r.tx_id, author: r.author, createdAt: r.created_at,
    collection: r.collection, recordId: r.record_id, kind: r.kind, value: r.value }));
}
