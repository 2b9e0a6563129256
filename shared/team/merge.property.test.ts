import { describe, expect, it } from 'vitest';
import type { Claim, Dossier } from '../domain/types';
import type { Conflict } from './conflict';
import { schemaOf, type AnyRule, type AnySchema } from './fields';
import { block, by, claim, deleted, dossier, prng } from './fixtures';
import { mergeRecord, type Version } from './merge';
import { idOf } from './merge-context';
import { equal, getAt, isObject, type Path } from './values';

const RUNS = process.env.WORKBENCH_LONG_TESTS === '1' ? 20_000 : 1_500;

type Rand = () => number;
const pickOne = <T,>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
let counter = 0;
const fresh = (side: string) => `${side}${++counter}`;

function editClaim(rand: Rand, c: Claim, side: string): Claim {
  const n = { ...c, tagIds: c.tagIds.slice(), evidenceHighlightIds: c.evidenceHighlightIds.slice() };
  const k = rand();
  if (k < 0.25) n.statement = fresh(side);
  else if (k < 0.4) n.credibility = pickOne(rand, [1, 2, 3, 4, 5, 6] as const);
  else if (k < 0.55) n.tagIds.push(fresh(side));
  else if (k < 0.7 && n.tagIds.length > 0) n.tagIds.splice(Math.floor(rand() * n.tagIds.length), 1);
  else if (k < 0.8 && c.tagIds.length < 4) n.tagIds = [...new Set([...n.tagIds, pickOne(rand, ['t1', 't2', 't3'])])];
  else if (k < 0.9) n.evidenceHighlightIds = rand() < 0.5 ? [] : [...n.evidenceHighlightIds, fresh(side)];
  else n.claimantId = rand() < 0.5 ? null : fresh(side);
  return n;
}

function editDossier(rand: Rand, d: Dossier, side: string): Dossier {
  const n: Dossier = structuredClone(d);
  const k = rand();
  const sec = n.sections.length > 0 ? pickOne(rand, n.sections) : undefined;
  if (k < 0.15 || !sec) n.sections.splice(Math.floor(rand() * (n.sections.length + 1)), 0, { id: fresh(side), title: fresh(side), blocks: [] });
  else if (k < 0.25) n.sections.splice(n.sections.indexOf(sec), 1);
  else if (k < 0.4) sec.title = fresh(side);
  else if (k < 0.6) sec.blocks.splice(Math.floor(rand() * (sec.blocks.length + 1)), 0, block(fresh(side)));
  else if (k < 0.7 && sec.blocks.length > 0) sec.blocks.splice(Math.floor(rand() * sec.blocks.length), 1);
  else if (k < 0.85 && sec.blocks.length > 0) pickOne(rand, sec.blocks).text = fresh(side);
  else if (k < 0.95) n.subjectIds = rand() < 0.3 ? [] : [...n.subjectIds, fresh(side)];
  else n.title = fresh(side);
  return n;
}

/** 0–3 versions, each one edit on the last; sometimes the record is deleted at the end. */
function chain<V>(rand: Rand, base: V, side: string, edit: (r: Rand, v: V, s: string) => V): Version<V>[] {
  const out: Version<V>[] = [];
  let cur = base;
  const steps = Math.floor(rand() * 4);
  for (let i = 0; i < steps; i++) {
    cur = edit(rand, cur, side);
    out.push(by(side, side === 'L' ? 2 * i + 1 : 2 * i + 2, cur));
  }
  if (steps > 0 && rand() < 0.08) out.push(deleted(side, 30));
  return out;
}

/** Every (path, value) a side introduced: scalar leaves that differ from the base and set elements it added. */
function contributions(rule: AnyRule, base: unknown, mine: unknown, path: Path, out: { path: Path; value: unknown; set?: boolean }[]): void {
  if (mine === undefined || rule === 'latest' || equal(base, mine)) return;
  if (rule === 'set') {
    for (const e of mine as string[]) if (!(Array.isArray(base) && base.includes(e))) out.push({ path, value: e, set: true });
  } else if (rule !== 'scalar' && rule.kind === 'object' && isObject(mine)) walk(rule.fields, base, mine, path, out);
  else if (rule !== 'scalar' && rule.kind === 'list' && Array.isArray(mine)) {
    for (const e of mine) contributions({ kind: 'object', fields: rule.of }, getAt(base, [{ id: idOf(e) }]), e, [...path, { id: idOf(e) }], out);
  } else out.push({ path, value: mine });
}
function walk(schema: AnySchema, base: unknown, mine: Record<string, unknown>, path: Path, out: { path: Path; value: unknown; set?: boolean }[]) {
  for (const [k, rule] of Object.entries(schema)) contributions(rule, isObject(base) ? base[k] : undefined, mine[k], [...path, k], out);
}

/** The value is in the merged record at its path, or in a conflict on that side at that path or above it. */
function kept(merged: unknown, conflicts: Conflict[], side: 'local' | 'remote', c: { path: Path; value: unknown; set?: boolean }): boolean {
  const holds = (v: unknown) => (c.set ? Array.isArray(v) && v.includes(c.value) : equal(v, c.value));
  if (holds(getAt(merged, c.path))) return true;
  return conflicts.some((cf) => {
    const q = cf.path;
    const prefix = q.length <= c.path.length && q.every((s, i) => equal(s, c.path[i]));
    return prefix && !cf[side].absent && holds(getAt(cf[side].value, c.path.slice(q.length)));
  });
}

const stats = { commuted: 0, field: 0, editDelete: 0, removals: 0 };

/** A set element one side removed and the other never lacked is not in the merged record. */
function checkRemovals(field: string, base: unknown, local: readonly Version[], remote: readonly Version[], merged: unknown, seed: number) {
  if (!isObject(merged)) return;
  for (const [mine, other] of [[local, remote], [remote, local]] as const) {
    const final = mine.length > 0 ? mine[mine.length - 1]!.value : base;
    if (!isObject(final)) continue;
    for (const e of (getAt(base, [field]) as string[]) ?? []) {
      const otherKept = [base, ...other.map((v) => v.value)].every((v) => ((getAt(v, [field]) as string[] | undefined) ?? []).includes(e));
      if ((final[field] as string[]).includes(e) || !otherKept) continue;
      stats.removals++;
      if ((merged[field] as string[]).includes(e)) throw new Error(`seed ${seed}: removal of ${e} from ${field} not applied`);
    }
  }
}

function check<V extends Claim | Dossier>(collection: 'claims' | 'dossiers', seed: number, base: V, edit: (r: Rand, v: V, s: string) => V) {
  const rand = prng(seed);
  const local = chain(rand, base, 'L', edit);
  const remote = chain(rand, base, 'R', edit);
  const res = mergeRecord(collection, base as never, local as never, remote as never);
  const swapped = mergeRecord(collection, base as never, remote as never, local as never);
  for (const [side, ch] of [['local', local], ['remote', remote]] as const) {
    const out: { path: Path; value: unknown; set?: boolean }[] = [];
    const final = ch.length > 0 ? ch[ch.length - 1]!.value : base;
    if (final) walk(schemaOf(collection), base, final as unknown as Record<string, unknown>, [], out);
    for (const c of out) {
      if (!kept(res.merged, res.conflicts, side, c)) throw new Error(`seed ${seed}: ${side} value ${JSON.stringify(c)} lost`);
    }
  }
  checkRemovals(collection === 'claims' ? 'tagIds' : 'subjectIds', base, local, remote, res.merged, seed);
  for (const cf of res.conflicts) stats[cf.kind === 'field' ? 'field' : 'editDelete']++;
  // Without a conflict the arrival order does not matter.
  if (res.conflicts.length === 0 && swapped.conflicts.length === 0) {
    expect(swapped.merged, `seed ${seed}`).toEqual(res.merged);
    stats.commuted++;
  }
  // The same conflicts are found either way (each seen from the other side).
  expect(swapped.conflicts.length, `seed ${seed}`).toBe(res.conflicts.length);
}

describe('merge property (seeded random concurrent edits)', () => {
  it(`claims: no local or remote value is ever lost, and conflict-free merges commute (${RUNS} seeds)`, () => {
    for (let seed = 1; seed <= RUNS; seed++) check('claims', seed, claim({ tagIds: ['t1', 't2'] }), editClaim);
  });

  it(`dossiers with nested sections and blocks: no value lost, conflict-free merges commute (${RUNS} seeds)`, () => {
    const base = dossier({
      subjectIds: ['e1'],
      sections: [
        { id: 's1', title: 'A', blocks: [block('b1'), block('b2')] },
        { id: 's2', title: 'B', blocks: [block('b3')] },
      ],
    });
    for (let seed = 1; seed <= RUNS; seed++) check('dossiers', seed, base, editDossier);
  });

  it('the random edits exercised every case: conflict-free merges, field conflicts, edit-delete conflicts, removals', () => {
    // Runs after the two property tests (same file, in order): a generator that stopped producing a case would
    // otherwise let the properties pass vacuously.
    expect(stats.commuted).toBeGreaterThan(RUNS / 4);
    expect(stats.field).toBeGreaterThan(RUNS / 20);
    expect(stats.editDelete).toBeGreaterThan(RUNS / 50);
    expect(stats.removals).toBeGreaterThan(RUNS / 20);
  });

  it('the checker itself notices a lost value (a merge that drops the local statement fails it)', () => {
    const merged = claim({ statement: 'R' });
    expect(kept(merged, [], 'local', { path: ['statement'], value: 'L' })).toBe(false);
    expect(kept(merged, [], 'remote', { path: ['statement'], value: 'R' })).toBe(true);
  });
});
