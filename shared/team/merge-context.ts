/** What a record merge knows about each side: the chain of versions it went through, and who changed what when. */
import type { CollectionName, Timestamp } from '../domain/types';
import { makeConflict, type Conflict, type ConflictKind, type ConflictSide } from './conflict';
import { equal, getAt, isObject, type Path } from './values';

/** A version of a record after one op of one side (undefined: deleted), with the member and time of that op. */
export interface Version<V = unknown> {
  value: V | undefined;
  author: string;
  at: Timestamp;
}

export type SideName = 'local' | 'remote';

export interface MergeCtx {
  collection: CollectionName;
  recordId: string;
  base: unknown;
  /** Versions in the order they were made; empty when the side did not touch the record. */
  local: readonly Version[];
  remote: readonly Version[];
  conflicts: Conflict[];
}

/** True when some version of the side differs from the base at `path` (it edited there, even if it edited back). */
export function touched(ctx: MergeCtx, side: SideName, path: Path): boolean {
  const b = getAt(ctx.base, path);
  return ctx[side].some((v) => !equal(getAt(v.value, path), b));
}

/** Who last changed the value at `path` on this side, and when. */
export function whoAt(ctx: MergeCtx, side: SideName, path: Path): { author: string; at: Timestamp } {
  const chain = ctx[side];
  for (let i = chain.length - 1; i >= 0; i--) {
    const prev = i === 0 ? ctx.base : chain[i - 1]!.value;
    if (!equal(getAt(chain[i]!.value, path), getAt(prev, path))) return { author: chain[i]!.author, at: chain[i]!.at };
  }
  const last = chain[chain.length - 1];
  return last ? { author: last.author, at: last.at } : { author: '', at: '' };
}

/**
 * Elements of the set at `path` this side added: in its final version and, in the base or in some version on the
 * way, missing. The versions on the way are what tell "removed then added back" from "never removed".
 */
export function addedIn(ctx: MergeCtx, side: SideName, path: Path): Set<string> {
  const chain = ctx[side];
  const final = strings(getAt(chain.length > 0 ? chain[chain.length - 1]!.value : ctx.base, path));
  const missingSomewhere = (e: string) =>
    !strings(getAt(ctx.base, path)).includes(e) || chain.some((v) => !strings(getAt(v.value, path)).includes(e));
  return new Set(final.filter(missingSomewhere));
}

export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** -1 when the local side's change at `path` came first (by time, then author), 1 when the remote's, 0 on a tie. */
export function sideOrder(ctx: MergeCtx, path: Path): number {
  const l = whoAt(ctx, 'local', path);
  const r = whoAt(ctx, 'remote', path);
  if (l.at !== r.at) return l.at < r.at ? -1 : 1;
  if (l.author !== r.author) return l.author < r.author ? -1 : 1;
  return 0;
}

function side(ctx: MergeCtx, name: SideName, path: Path, value: unknown, after?: string | null): ConflictSide {
  const who = whoAt(ctx, name, path);
  const s: ConflictSide = value === undefined ? { absent: true, ...who } : { value, ...who };
  return after === undefined ? s : { ...s, after };
}

/** Records a conflict at `path` holding both sides' values (undefined: that side removed it). */
export function addConflict(
  ctx: MergeCtx,
  kind: ConflictKind,
  path: Path,
  local: unknown,
  remote: unknown,
  after?: { local?: string | null; remote?: string | null },
): void {
  ctx.conflicts.push(
    makeConflict({
      collection: ctx.collection,
      recordId: ctx.recordId,
      path,
      kind,
      local: side(ctx, 'local', path, local, after?.local),
      remote: side(ctx, 'remote', path, remote, after?.remote),
    }),
  );
}

export const idOf = (e: unknown): string => (isObject(e) && typeof e.id === 'string' ? e.id : '');
