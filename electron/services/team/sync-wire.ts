/** Conversions between local transactions and team database ops: stable op ids, pulled rows, and which errors mean "offline". */
import { createHash } from 'node:crypto';
import type { Op } from '../../../shared/domain/ops';
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/domain/types';
import type { RemoteOp } from '../../../shared/team/rebase';
import type { PulledOp, TeamOpInput } from './team-db';

/**
 * The op id of op `index` of transaction `txId`: a UUID derived from both, so a retry after a crash or a lost
 * reply re-sends the very same ids and the database stores each op once.
 */
export function opIdOf(txId: string, index: number): string {
  const h = createHash('sha256').update(`${txId.toLowerCase()}:${index}`).digest('hex');
  // Shaped as a version-8 (custom) UUID with the RFC 4122 variant, which every UUID column accepts.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const recordIdOf = (op: Op): string => (op.t === 'put' ? op.v.id : op.id);

export function toInputs(ops: readonly Op[], opIds: readonly string[]): TeamOpInput[] {
  return ops.map((op, i) => ({
    opId: opIds[i]!,
    collection: op.c,
    recordId: recordIdOf(op),
    kind: op.t,
    ...(op.t === 'put' ? { value: op.v } : {}),
  }));
}

const KNOWN = new Set<string>(COLLECTION_NAMES);

/** A pulled row as a merge input; null for a collection this version of the app does not know (kept on the server). */
export function toRemote(p: PulledOp): RemoteOp | null {
  if (!KNOWN.has(p.collection)) return null;
  const c = p.collection as CollectionName;
  const op = (p.kind === 'put' ? { t: 'put', c, v: p.value } : { t: 'del', c, id: p.recordId }) as Op;
  return { seq: p.seq, opId: p.opId, author: p.author, at: p.createdAt.toISOString(), op };
}

/** The record key used in the author map and conflicts. */
export const keyOf = (c: string, id: string): string => `${c}/${id}`;
export const keyOfOp = (op: Op): string => keyOf(op.c, recordIdOf(op));

/** Errors that mean the database cannot be reached right now (retry later), as opposed to a refusal. */
export function isUnreachable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN'].includes(code)) return true;
  // 57P01-03: the server is shutting down or restarting; 08xxx: connection exceptions; 53300: too many connections.
  if (/^(57P0[1-3]|08...|53300)$/.test(code)) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|not queryable|timeout exceeded when trying to connect/i.test(err?.message ?? '');
}

/** A write the database refused by role or row-level security (a viewer's edits). */
export const isRefused = (e: unknown): boolean => (e as { code?: string })?.code === '42501';
