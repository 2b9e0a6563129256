/** Conflicts of team sync: both values of a concurrent edit, who made each and when, and the ops that resolve one. */
import type { Op } from '../domain/ops';
import type { CollectionName, Timestamp } from '../domain/types';
import { schemaOf } from './fields';
import { getAt, hash, isObject, pathKey, setAt, stableJson, type Path } from './values';

/** One side of a conflict. `absent` marks a side that deleted the record, list element or field. */
export interface ConflictSide {
  value?: unknown;
  absent?: true;
  author: string;
  at: Timestamp;
  /** For a list element: the id of the element it followed on this side (null: it was first), to restore it there. */
  after?: string | null;
}

export type ConflictKind = 'field' | 'edit-delete';

export interface ConflictResolution {
  pick: 'local' | 'remote' | 'custom';
  by: string;
  at: Timestamp;
  value?: unknown;
}

/**
 * A concurrent edit the analyst decides. 'field': both sides changed the value at `path` differently; the merged
 * record holds the remote (server-sequenced) value. 'edit-delete': one side deleted the record (path []) or a list
 * element while the other edited it; the delete won and the edited version is kept here to be restored.
 */
export interface Conflict {
  /** Deterministic (collection, record, path and both values), so merging the same edits twice gives the same id. */
  id: string;
  collection: CollectionName;
  recordId: string;
  path: Path;
  kind: ConflictKind;
  local: ConflictSide;
  remote: ConflictSide;
  resolved?: ConflictResolution;
}

export function makeConflict(c: Omit<Conflict, 'id'>): Conflict {
  const sideKey = (s: ConflictSide) => (s.absent ? '∅' : stableJson(s.value));
  const id = hash(`${c.collection}/${c.recordId}/${pathKey(c.path)}/${c.kind}/${sideKey(c.local)}/${sideKey(c.remote)}`);
  return { id: `cf-${id}`, ...c };
}

/** A value that survives JSON (what the journal and the database store); undefined inside would silently vanish. */
function assertJson(v: unknown, where: string): void {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
    throw new Error(`conflict ${where}: the chosen value is not plain data`);
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`conflict ${where}: the chosen number is not finite`);
  if (Array.isArray(v)) v.forEach((x, i) => assertJson(x, `${where}[${i}]`));
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) if (x !== undefined) assertJson(x, `${where}.${k}`);
}

export type Pick = { pick: 'local' } | { pick: 'remote' } | { pick: 'custom'; value: unknown };

export interface ResolveOutcome {
  /** The ops to commit (through the ordinary command path, so the choice syncs and undoes like any edit). */
  ops: Op[];
  conflict: Conflict;
}

/**
 * Resolves `conflict` against the record as it is now (`current`, undefined when it does not exist).
 * Throws, changing nothing, when the conflict is already resolved or no longer fits the record.
 */
export function resolveConflict(conflict: Conflict, choice: Pick, current: unknown, by: { author: string; at: Timestamp }): ResolveOutcome {
  const where = `${conflict.collection}/${conflict.recordId} ${pathKey(conflict.path) || '(record)'}`;
  if (conflict.resolved) throw new Error(`conflict ${where} is already resolved`);
  const side = choice.pick === 'local' ? conflict.local : choice.pick === 'remote' ? conflict.remote : undefined;
  const value = side ? (side.absent ? undefined : side.value) : (choice as { value: unknown }).value;
  if (choice.pick === 'custom') assertJson(value, where);
  const after = side?.after ?? conflict.local.after ?? conflict.remote.after;
  const c = conflict.collection;
  const resolved: Conflict = {
    ...conflict,
    resolved: { pick: choice.pick, by: by.author, at: by.at, ...(choice.pick === 'custom' ? { value } : {}) },
  };
  let next: unknown;
  if (conflict.path.length === 0) {
    if (value !== undefined && (!isObject(value) || value.id !== conflict.recordId)) {
      throw new Error(`conflict ${where}: the chosen record must be an object with id "${conflict.recordId}"`);
    }
    next = value;
  } else {
    if (!isObject(current)) throw new Error(`conflict ${where}: the record no longer exists; restore it first`);
    const last = conflict.path[conflict.path.length - 1]!;
    if (typeof last !== 'string' && value !== undefined && (!isObject(value) || value.id !== last.id)) {
      throw new Error(`conflict ${where}: the chosen element must be an object with id "${last.id}"`);
    }
    next = setAt(current, conflict.path, value, after);
  }
  if (isObject(next) && schemaOf(c).updatedAt === 'latest' && !sameJson(next, current)) next = { ...next, updatedAt: by.at };
  let ops: Op[] = [];
  if (next === undefined) ops = current === undefined ? [] : [{ t: 'del', c, id: conflict.recordId }];
  else if (!sameJson(next, current)) ops = [{ t: 'put', c, v: next } as Op];
  return { ops, conflict: resolved };
}

const sameJson = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

export const resolveLocal = (cf: Conflict, current: unknown, by: { author: string; at: Timestamp }) =>
  resolveConflict(cf, { pick: 'local' }, current, by);
export const resolveRemote = (cf: Conflict, current: unknown, by: { author: string; at: Timestamp }) =>
  resolveConflict(cf, { pick: 'remote' }, current, by);
export const resolveCustom = (cf: Conflict, value: unknown, current: unknown, by: { author: string; at: Timestamp }) =>
  resolveConflict(cf, { pick: 'custom', value }, current, by);

/** The value a side of a conflict holds at a path below the conflict's own (for checks and previews). */
export const sideValueAt = (s: ConflictSide, rest: Path): unknown => (s.absent ? undefined : getAt(s.value, rest));
