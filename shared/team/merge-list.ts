/** Three-way merge of an ordered list of elements with ids (dossier sections and blocks, matrix hypotheses and evidence). */
import type { AnySchema } from './fields';
import { addConflict, idOf, sideOrder, type MergeCtx } from './merge-context';
import { equal, type Path } from './values';

/*
 * The rule, element by element (by id):
 * - In the base and on both sides: merged field by field (recursively, so a block inside a section merges too).
 * - In the base, removed on one side: removed. If the other side changed it, an 'edit-delete' conflict keeps that
 *   edited element (and the id of the element it followed) so resolving can put it back.
 * - New on one side: kept. New on both with the same id: one element, merged field by field.
 * Order:
 * - The elements that were in the base keep the order of the side that reordered them; if both reordered them
 *   differently, the remote order (the server's, as for scalars). No element is lost either way; the local
 *   arrangement is not surfaced as a conflict.
 * - A new element follows the element it followed on its own side (the nearest one still in the result), so a run
 *   of insertions stays together. When both sides inserted after the same element, the side that changed the list
 *   first goes first (then by author, then by id): a rule that does not depend on which side is local.
 */

type MergeElement = (of: AnySchema, b: unknown, l: unknown, r: unknown, path: Path) => unknown;

const START = '\u0000start';

export function mergeList(
  of: AnySchema,
  b: unknown,
  l: unknown[],
  r: unknown[],
  path: Path,
  ctx: MergeCtx,
  mergeElement: MergeElement,
): unknown[] {
  const base = Array.isArray(b) ? b : [];
  const [bMap, lMap, rMap] = [byId(base), byId(l), byId(r)];
  const merged = new Map<string, unknown>();
  for (const [id, be] of bMap) {
    const le = lMap.get(id);
    const re = rMap.get(id);
    const ep: Path = [...path, { id }];
    if (le !== undefined && re !== undefined) merged.set(id, mergeElement(of, be, le, re, ep));
    else if (le !== undefined || re !== undefined) {
      const edited = le ?? re;
      if (equal(edited, be)) continue;
      const after = le !== undefined ? { local: anchor(l, id) } : { remote: anchor(r, id) };
      addConflict(ctx, 'edit-delete', ep, le, re, after);
    }
  }
  for (const e of [...l, ...r]) {
    const id = idOf(e);
    if (bMap.has(id) || merged.has(id)) continue;
    const le = lMap.get(id);
    const re = rMap.get(id);
    merged.set(id, le !== undefined && re !== undefined ? mergeElement(of, undefined, le, re, [...path, { id }]) : e);
  }
  return order(base, l, r, merged, sideOrder(ctx, path));
}

function order(base: unknown[], l: unknown[], r: unknown[], merged: Map<string, unknown>, localFirst: number): unknown[] {
  const baseIds = new Set(base.map(idOf));
  const spineOf = (list: unknown[]) => list.map(idOf).filter((id) => baseIds.has(id) && merged.has(id));
  const [sb, sl, sr] = [spineOf(base), spineOf(l), spineOf(r)];
  const spine = equal(sr, sb) ? sl : sr;

  // Each new element hangs after the nearest earlier element of its own side that is in the result.
  const children = new Map<string, { id: string; rank: number }[]>();
  const hang = (list: unknown[], rank: number) => {
    let prev = START;
    for (const e of list) {
      const id = idOf(e);
      if (!merged.has(id)) continue;
      if (!baseIds.has(id)) {
        const kids = children.get(prev) ?? [];
        kids.push({ id, rank });
        children.set(prev, kids);
      }
      prev = id;
    }
  };
  hang(l, localFirst < 0 ? 0 : localFirst > 0 ? 1 : 0);
  hang(r, localFirst > 0 ? 0 : localFirst < 0 ? 1 : 0);

  const out: unknown[] = [];
  const emitted = new Set<string>();
  const emit = (id: string) => {
    if (emitted.has(id)) return;
    emitted.add(id);
    if (id !== START) out.push(merged.get(id));
    const kids = (children.get(id) ?? []).slice().sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const k of kids) emit(k.id);
  };
  emit(START);
  for (const id of spine) emit(id);
  // Only elements new on both sides, placed in crossing orders, can be left over: put them last, by id.
  for (const id of [...merged.keys()].filter((x) => !emitted.has(x)).sort()) emit(id);
  return out;
}

function byId(list: unknown[]): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const e of list) {
    const id = idOf(e);
    if (!m.has(id)) m.set(id, e);
  }
  return m;
}

function anchor(list: unknown[], id: string): string | null {
  const i = list.findIndex((e) => idOf(e) === id);
  return i <= 0 ? null : idOf(list[i - 1]);
}
