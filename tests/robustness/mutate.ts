/** Deterministic mutations of workspace files for the loader fuzz: bit flips, cuts, splices, junk bytes, random JSON values. */
import zlib from 'node:zlib';
import { randomInt } from '../support/synthetic-text';

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A random JSON value, including the awkward ones (huge numbers, NUL characters, deep nesting). */
export function randomJson(r: Random): unknown {
  return pick(r, [
    () => null, () => true, () => false, () => 0, () => -1, () => 1.5, () => 1e308, () => 2 ** 53 + 1, () => -0,
    () => '', () => 'x', () => '\u0000', () => '\uFEFF', () => 'é\u0301', () => '😀'.repeat(3), () => 'y'.repeat(10_000),
    () => [], () => {}, () => [null], () => ({ id: 1 }), () => ({ t: 'put', c: 'tags', v: {} }), () => deep(2000),
    () => '2026-01-01T00:00:00.000Z', () => 'a'.repeat(64), () => ['x', 'x'],
  ])();
}

/** Replaces (or deletes) the value at a random path inside a JSON document. */
function mutateJsonValue(r: Random, doc: unknown): unknown {
  if (doc === null || typeof doc !== 'object') return randomJson(r);
  const root = { v: doc } as Record<string, unknown>;
  let parent: Record<string, unknown> | unknown[] = root;
  let key: string | number = 'v';
  for (let depth = 0; depth < 10; depth++) {
    const cur: unknown = (parent as Record<string | number, unknown>)[key];
    if (cur === null || typeof cur !== 'object') break;
    const keys: (string | number)[] = Array.isArray(cur) ? cur.map((_, i) => i) : Object.keys(cur);
    if (keys.length === 0 || (depth > 0 && r() < 0.25)) break;
    parent = cur as Record<string, unknown>;
    key = pick(r, keys);
  }
  if (r() < 0.2 && !Array.isArray(parent) && parent !== root) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = randomJson(r);
  return root.v;
}

const crcLine = (json: string) => `${zlib.crc32(json).toString(16).padStart(8, '0')} ${json}`;

function mutateJournalLine(r: Random, buf: Buffer): Buffer {
  const lines = buf.toString('utf8').split('\n');
  const full = lines.filter(Boolean);
  if (full.length === 0) return Buffer.from(crcLine(JSON.stringify(randomJson(r))) + '\n');
  const i = lines.indexOf(pick(r, full));
  const json = lines[i]!.slice(9);
  const mutated = JSON.stringify(mutateJsonValue(r, JSON.parse(json))) ?? 'null';
  // Mostly re-checksummed, so the shape checks (not the checksum) must catch it.
  lines[i] = r() < 0.8 ? crcLine(mutated) : `${lines[i]!.slice(0, 9)}${mutated}`;
  return Buffer.from(lines.join('\n'));
}

export const MUTATIONS = ['bitflip', 'truncate', 'splice', 'junk', 'json-value', 'schema-version'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Mutates `orig` one way; `journal` switches JSON mutations to the checksummed line format. */
export function mutate(r: Random, orig: Buffer, kind: Mutation, journal: boolean): Buffer {
  const b = Buffer.from(orig);
  const at = () => randomInt(r, 0, Math.max(0, b.length - 1));
  switch (kind) {
    case 'bitflip': {
      for (let n = randomInt(r, 1, 8); n > 0 && b.length > 0; n--) b[at()]! ^= 1 << randomInt(r, 0, 7);
      return b;
    }
    case 'truncate':
      return b.subarray(0, at());
    case 'splice': {
      const s = at();
      const e = Math.min(b.length, s + randomInt(r, 1, 200));
      const chunk = b.subarray(s, e);
      const where = at();
      const op = randomInt(r, 0, 2);
      if (op === 0) return Buffer.concat([b.subarray(0, where), chunk, b.subarray(where)]); // duplicate
      if (op === 1) return Buffer.concat([b.subarray(0, s), b.subarray(e)]); // delete
      return Buffer.concat([b.subarray(0, where), Buffer.from(chunk).reverse(), b.subarray(where)]);
    }
    case 'junk': {
      const junk = pick(r, [Buffer.alloc(randomInt(r, 1, 64)), Buffer.from([0xff, 0xfe]), Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('\n'), Buffer.from('}{'), Buffer.from(Array.from({ length: 16 }, () => randomInt(r, 0, 255)))]);
      const where = at();
      return Buffer.concat([b.subarray(0, where), junk, b.subarray(where)]);
    }
    case 'schema-version':
    case 'json-value': {
      if (journal) return mutateJournalLine(r, b);
      if (kind === 'schema-version') {
        const doc = JSON.parse(b.toString('utf8')) as Record<string, unknown>;
        return Buffer.from(JSON.stringify({ ...doc, schemaVersion: pick(r, [-1, 0, 2, 99, 1.5, '1', null, 2 ** 53]) }));
      }
      let doc: unknown;
      try {
        doc = JSON.parse(b.toString('utf8'));
      } catch {
        return b;
      }
      return Buffer.from(JSON.stringify(mutateJsonValue(r, doc)) ?? 'null');
    }
  }
}
