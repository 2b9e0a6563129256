/** Plain-data helpers for team merge: structural equality, stable JSON, paths into records, a small stable hash. */

/** A step into a record: a field name, or the element of an ordered list with this id. */
export type PathSeg = string | { id: string };
export type Path = readonly PathSeg[];

type Obj = Record<string, unknown>;
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON-like values; key order is irrelevant, an absent key equals an undefined one. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equal(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!equal(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** JSON with sorted keys, so equal values always give the same text (ids, hashes). */
export function stableJson(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** FNV-1a, 2 × 32 bits: a short deterministic id, not a security measure (no node:crypto in shared/). */
export function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** The path as text, e.g. `sections[s1].blocks[b2].text`. */
export function pathKey(path: Path): string {
  return path.map((s, i) => (typeof s === 'string' ? (i === 0 ? s : `.${s}`) : `[${s.id}]`)).join('');
}

const elementIndex = (list: unknown, id: string): number =>
  Array.isArray(list) ? list.findIndex((e) => isObject(e) && e.id === id) : -1;

/** The value at `path`, or undefined when any step is missing. */
export function getAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const seg of path) {
    if (typeof seg === 'string') {
      if (!isObject(cur)) return undefined;
      cur = cur[seg];
    } else {
      const i = elementIndex(cur, seg.id);
      if (i < 0) return undefined;
      cur = (cur as unknown[])[i];
    }
  }
  return cur;
}

/** Where an element was in its list: the id of the element before it, or null at the start. */
export function anchorOf(value: unknown, path: Path): string | null | undefined {
  const last = path[path.length - 1];
  if (last === undefined || typeof last === 'string') return undefined;
  const list = getAt(value, path.slice(0, -1));
  const i = elementIndex(list, last.id);
  if (i < 0) return undefined;
  return i === 0 ? null : ((list as Obj[])[i - 1]!.id as string);
}

/**
 * A copy of `root` with the value at `path` replaced (copied along the path only). `value` undefined removes the
 * field or list element; an element not in its list is inserted after `after` (null: first; unknown anchor: last).
 */
export function setAt(root: unknown, path: Path, value: unknown, after?: string | null): unknown {
  if (path.length === 0) return value;
  const [seg, ...rest] = path as [PathSeg, ...PathSeg[]];
  if (typeof seg === 'string') {
    if (!isObject(root)) throw new Error(`cannot set "${seg}": the value there is not an object`);
    const next = setAt(root[seg], rest, value, after);
    const copy: Obj = { ...root };
    if (next === undefined) delete copy[seg];
    else copy[seg] = next;
    return copy;
  }
  if (!Array.isArray(root)) throw new Error(`cannot set element "${seg.id}": the value there is not a list`);
  const list = root.slice();
  const i = elementIndex(list, seg.id);
  if (i >= 0) {
    const next = setAt(list[i], rest, value, after);
    if (next === undefined) list.splice(i, 1);
    else list[i] = next;
    return list;
  }
  if (rest.length > 0) throw new Error(`element "${seg.id}" is no longer in its list`);
  if (value === undefined) return list;
  const at = after === null ? 0 : after === undefined ? list.length : elementIndex(list, after) + 1 || list.length;
  list.splice(at, 0, value);
  return list;
}
