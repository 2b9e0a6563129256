/** Pulling others' ops under unpushed local edits: what to apply locally, the local edits rewritten to follow, and the conflicts. */
import type { Op, RecordReader, Tx } from '../domain/ops';
import type { CollectionName, Timestamp } from '../domain/types';
import type { Conflict } from './conflict';
import { mergeRecord, type Version } from './merge';
import { equal } from './values';

/*
 * Why a per-record merge and not an op transform: every op is a whole-record put or delete, and records are
 * independent, so the effect of any stream of ops on a record depends only on that record's ops in order.
 * Transforming the remote ops against the pending local ops therefore reduces to: for each record both touched,
 * merge (base, local versions, remote versions) three-way; records only one side touched keep that side's value.
 * The base is recovered from the pending transactions' own inverses (the first pending tx touching a record holds
 * the record as it was before any unpushed edit), so no second copy of the workspace is needed.
 *
 * After a rebase the pending edits are relative to the new base (server state): ops on records both sides touched
 * are taken out of the pending transactions and replaced by one closing 'merge' transaction that puts the merged
 * record. Pushing them therefore re-states the merge result, never an old local value over a newer remote one.
 * Pushes should still carry the sequence they were rebased on, so the server refuses a push that raced another.
 */

/** A committed local transaction not yet acknowledged by the server, with who made it and when. */
export interface PendingTx {
  tx: Tx;
  author: string;
  at: Timestamp;
}

/** An op as the server sequenced it: global sequence, idempotent id (as pushed), member and time. */
export interface RemoteOp {
  seq: number;
  opId: string;
  author: string;
  at: Timestamp;
  op: Op;
}

export interface RebaseInput {
  /** The local workspace now: everything seen from the server plus the pending edits. */
  current: RecordReader;
  pending: readonly PendingTx[];
  remote: readonly RemoteOp[];
  /** The highest sequence already applied; remote ops at or below it are skipped (re-delivery changes nothing). */
  lastSeq: number;
}

export interface RebaseResult {
  /** Ops that take the local workspace to the merged state (nothing when it already is). */
  apply: Op[];
  /** The pending edits, rewritten to follow the remote ops. */
  pending: PendingTx[];
  conflicts: Conflict[];
  lastSeq: number;
  /** Remote ops skipped as already applied (at or below lastSeq, or a repeated op id). */
  skipped: number;
}

const keyOf = (op: Op) => `${op.c}/${op.t === 'put' ? op.v.id : op.id}`;
const valueOf = (op: Op) => (op.t === 'put' ? op.v : undefined);

export function rebase(input: RebaseInput): RebaseResult {
  const seen = new Set<string>();
  const fresh: RemoteOp[] = [];
  for (const r of [...input.remote].sort((a, b) => a.seq - b.seq)) {
    if (r.seq <= input.lastSeq || seen.has(r.opId)) continue;
    seen.add(r.opId);
    fresh.push(r);
  }
  const lastSeq = Math.max(input.lastSeq, ...fresh.map((r) => r.seq));
  const remoteBy = group(fresh.map((r) => ({ key: keyOf(r.op), c: r.op.c, v: { value: valueOf(r.op), author: r.author, at: r.at } })));
  const localBy = group(
    input.pending.flatMap((p) => p.tx.ops.map((op) => ({ key: keyOf(op), c: op.c, v: { value: valueOf(op), author: p.author, at: p.at } }))),
  );

  const apply: Op[] = [];
  const conflicts: Conflict[] = [];
  const mergeOps: Op[] = [];
  const mergeInverse: Op[] = [];
  const both = new Set<string>();
  for (const [key, { c, versions: remote }] of remoteBy) {
    const id = key.slice(c.length + 1);
    const current = input.current.get(c, id);
    const base = baseOf(input.pending, key, current);
    const local = localBy.get(key)?.versions ?? [];
    const { merged, conflicts: found } = mergeRecord(c, base as never, local as never, remote as never);
    conflicts.push(...found);
    if (!equal(merged, current)) apply.push(opFor(c, id, merged));
    if (local.length === 0) continue;
    both.add(key);
    const newBase = remote[remote.length - 1]!.value;
    if (!equal(merged, newBase)) {
      mergeOps.push(opFor(c, id, merged));
      mergeInverse.unshift(opFor(c, id, newBase));
    }
  }
  const pending = rewritePending(input.pending, both);
  if (mergeOps.length > 0) {
    const last = input.pending[input.pending.length - 1]!;
    pending.push({ tx: { label: 'Merge with team edits', ops: mergeOps, inverse: mergeInverse }, author: last.author, at: last.at });
  }
  return { apply, pending, conflicts, lastSeq, skipped: input.remote.length - fresh.length };
}

function group(entries: { key: string; c: CollectionName; v: Version }[]) {
  const out = new Map<string, { c: CollectionName; versions: Version[] }>();
  for (const e of entries) {
    const g = out.get(e.key) ?? { c: e.c, versions: [] };
    g.versions.push(e.v);
    out.set(e.key, g);
  }
  return out;
}

/** The record before any pending edit: the inverse the first pending tx touching it recorded. */
function baseOf(pending: readonly PendingTx[], key: string, current: unknown): unknown {
  for (const p of pending) {
    if (!p.tx.ops.some((op) => keyOf(op) === key)) continue;
    const inv = p.tx.inverse.find((op) => keyOf(op) === key);
    if (!inv) throw new Error(`pending transaction "${p.tx.label}" has no inverse for ${key}: cannot find the base to merge on`);
    return valueOf(inv);
  }
  return current;
}

function opFor(c: CollectionName, id: string, v: unknown): Op {
  return v === undefined ? { t: 'del', c, id } : ({ t: 'put', c, v } as Op);
}

/** The pending transactions without their ops (and inverses) on records the merge transaction now states. */
function rewritePending(pending: readonly PendingTx[], both: Set<string>): PendingTx[] {
  const out: PendingTx[] = [];
  for (const p of pending) {
    const ops = p.tx.ops.filter((op) => !both.has(keyOf(op)));
    if (ops.length === 0) continue;
    const inverse = p.tx.inverse.filter((op) => !both.has(keyOf(op)));
    out.push(ops.length === p.tx.ops.length ? p : { ...p, tx: { ...p.tx, ops, inverse } });
  }
  return out;
}
