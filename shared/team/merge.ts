/** Three-way merge of one record for team sync: base (last seen from the server), local (unpushed) and remote (sequenced first). */
import type { CollectionName, WorkspaceCollections } from '../domain/types';
import type { Conflict } from './conflict';
import { schemaOf, type AnyRule, type AnySchema } from './fields';
import { addConflict, addedIn, sideOrder, strings, touched, type MergeCtx, type Version } from './merge-context';
import { mergeList } from './merge-list';
import { equal, isObject, stableJson, type Path } from './values';

export type { Version } from './merge-context';

/*
 * The rules (each field's kind comes from FIELD_RULES):
 * - A side that never changed a value (no version differs from the base there) takes the other side's value.
 * - scalar: both changed it to different values → a 'field' conflict holding both; the merged record keeps the
 *   REMOTE value. The remote value is already on the server and seen by every other member, so keeping it means no
 *   one else's view changes behind their back and the team converges; the local value is kept in the conflict,
 *   never lost, and the analyst's choice becomes an ordinary edit that syncs.
 * - latest (updatedAt): the later timestamp.
 * - set: kept = base elements neither side removed, plus every element a side added (added = in its final version
 *   and missing from the base or from one of its versions on the way: a removal undone by re-adding counts as an
 *   add, so it beats the other side's removal). Order: kept base elements in base order, then the additions of the
 *   side that changed the field first, then the other's.
 * - map: key by key, each value a scalar (a key removed on one side and changed on the other is a field conflict).
 * - object: field by field; when one side replaced it with nothing (or it was absent), it is a scalar.
 * - list: element by element by id (merge-list.ts).
 * - Record deleted on one side and edited on the other: the delete wins and an 'edit-delete' conflict keeps the
 *   edited record (path []), to be restored by resolving it. Deleted on one side, untouched or edited back on the
 *   other: deleted, no conflict.
 * Without a conflict the result does not depend on which side is local (merge(b, l, r) = merge(b, r, l)).
 */

export interface MergeResult<V> {
  merged: V | undefined;
  conflicts: Conflict[];
}

export function mergeRecord<C extends CollectionName>(
  collection: C,
  base: WorkspaceCollections[C] | undefined,
  local: readonly Version<WorkspaceCollections[C]>[],
  remote: readonly Version<WorkspaceCollections[C]>[],
): MergeResult<WorkspaceCollections[C]> {
  const recordId = [base, ...local.map((v) => v.value), ...remote.map((v) => v.value)].find((v) => v)?.id ?? '';
  const ctx: MergeCtx = { collection, recordId, base, local, remote, conflicts: [] };
  const l = local.length > 0 ? local[local.length - 1]!.value : base;
  const r = remote.length > 0 ? remote[remote.length - 1]!.value : base;
  const merged = mergeWhole(schemaOf(collection), base, l, r, ctx);
  return { merged: merged as WorkspaceCollections[C] | undefined, conflicts: ctx.conflicts };
}

function mergeWhole(schema: AnySchema, b: unknown, l: unknown, r: unknown, ctx: MergeCtx): unknown {
  if (!touched(ctx, 'local', [])) return r;
  if (!touched(ctx, 'remote', [])) return l;
  if (l === undefined || r === undefined) {
    const kept = l ?? r;
    // Both deleted, or one deleted what the other created/edited back to the base: nothing to keep.
    if (kept === undefined || b === undefined || equal(kept, b)) return b === undefined ? kept : undefined;
    addConflict(ctx, 'edit-delete', [], l, r);
    return undefined;
  }
  return mergeObject(schema, b, l as Record<string, unknown>, r as Record<string, unknown>, [], ctx);
}

export function mergeAt(rule: AnyRule, b: unknown, l: unknown, r: unknown, path: Path, ctx: MergeCtx): unknown {
  if (!touched(ctx, 'local', path)) return r;
  if (!touched(ctx, 'remote', path)) return l;
  if (rule === 'latest') return typeof l === 'string' && typeof r === 'string' ? (l > r ? l : r) : (r ?? l);
  if (rule === 'set') return mergeSet(b, l, r, path, ctx);
  if (rule !== 'scalar') {
    if (rule.kind === 'map' && isObject(l) && isObject(r)) return mergeMap(b, l, r, path, ctx);
    if (rule.kind === 'object' && isObject(l) && isObject(r)) return mergeObject(rule.fields, b, l, r, path, ctx);
    if (rule.kind === 'list' && Array.isArray(l) && Array.isArray(r)) {
      return mergeList(rule.of, b, l, r, path, ctx, (of, eb, el, er, ep) =>
        mergeObject(of, eb, el as Record<string, unknown>, er as Record<string, unknown>, ep, ctx),
      );
    }
  }
  return mergeScalar(b, l, r, path, ctx);
}

function mergeScalar(b: unknown, l: unknown, r: unknown, path: Path, ctx: MergeCtx): unknown {
  if (equal(l, r) || equal(l, b)) return r;
  if (equal(r, b)) return l;
  addConflict(ctx, 'field', path, l, r);
  return r;
}

function mergeSet(b: unknown, l: unknown, r: unknown, path: Path, ctx: MergeCtx): unknown {
  const [bs, ls, rs] = [strings(b), strings(l), strings(r)];
  const addedL = addedIn(ctx, 'local', path);
  const addedR = addedIn(ctx, 'remote', path);
  const out = new Set<string>();
  for (const e of bs) if ((ls.includes(e) && rs.includes(e)) || addedL.has(e) || addedR.has(e)) out.add(e);
  const newL = ls.filter((e) => addedL.has(e));
  const newR = rs.filter((e) => addedR.has(e));
  const order = sideOrder(ctx, path) || (stableJson(newL) < stableJson(newR) ? -1 : 1);
  for (const e of order < 0 ? [...newL, ...newR] : [...newR, ...newL]) out.add(e);
  if (out.size === 0 && l === undefined && r === undefined) return undefined;
  return [...out];
}

function mergeMap(b: unknown, l: Record<string, unknown>, r: Record<string, unknown>, path: Path, ctx: MergeCtx): unknown {
  const bo = isObject(b) ? b : {};
  const out: Record<string, unknown> = {};
  for (const k of unionKeys(bo, l, r)) {
    const v = mergeAt('scalar', bo[k], l[k], r[k], [...path, k], ctx);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function mergeObject(
  fields: AnySchema,
  b: unknown,
  l: Record<string, unknown>,
  r: Record<string, unknown>,
  path: Path,
  ctx: MergeCtx,
): Record<string, unknown> {
  const bo = isObject(b) ? b : {};
  const out: Record<string, unknown> = {};
  // Fields the table does not know (written by a newer version of the app) merge as scalars rather than vanish.
  for (const k of unionKeys(fields, bo, l, r)) {
    const v = mergeAt(fields[k] ?? 'scalar', bo[k], l[k], r[k], [...path, k], ctx);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function unionKeys(...objs: object[]): string[] {
  const keys = new Set<string>();
  for (const o of objs) for (const k of Object.keys(o)) keys.add(k);
  return [...keys];
}
