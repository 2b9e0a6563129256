/**
 * Tests: search results stay exactly what they were before the compact document table (ADR 0011). The golden
 * digests in fixtures/equivalence.json were computed by the object-per-document implementation (commit efda29a)
 * over this generated workspace: fresh, after edits and removals, and after a save/load round trip.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeClaim, makeDossier, makeEntity, makeHighlight, makeSource } from '../../tests/support/search-fixtures';
import { createPrng, randomInt, syntheticText } from '../../tests/support/synthetic-text';
import { SearchIndex, type SearchOptions } from './index';

const GOLDEN = fileURLToPath(new URL('./fixtures/equivalence.json', import.meta.url));

function workspace() {
  const rand = createPrng(14);
  const int = (min: number, max: number) => randomInt(rand, min, max);
  const sources = Array.from({ length: 24 }, (_, i) => {
    const text = syntheticText(100 + i, int(800, i % 6 === 0 ? 12_000 : 4_000));
    return { source: makeSource(`s${i}`, text, { title: i % 5 === 0 ? '' : syntheticText(900 + i, 20).slice(0, 40), publishedAt: i % 3 ? `2022-0${1 + (i % 9)}-1${i % 9}` : '' }), text };
  });
  const tags = Array.from({ length: 10 }, (_, i) => `t${i}`);
  const entities = Array.from({ length: 40 }, (_, i) => makeEntity(`e${i}`, syntheticText(300 + i, 12).slice(0, 24).trim() || `Entity ${i}`, {
    aliases: i % 3 === 0 ? [syntheticText(400 + i, 8).slice(0, 12).trim()] : [], description: i % 2 ? syntheticText(500 + i, 60) : '',
  }));
  const highlights = Array.from({ length: 900 }, (_, i) => {
    const { source, text } = sources[int(0, sources.length - 1)]!;
    const start = int(0, Math.max(0, text.length - 200));
    const h = makeHighlight(`h${i}`, source.id, text, start, start + int(5, 180), {
      note: rand() < 0.5 ? syntheticText(600 + i, 30) : '', tagIds: rand() < 0.6 ? [tags[int(0, 9)]!] : [],
      entityIds: rand() < 0.4 ? [`e${int(0, 39)}`] : [], createdAt: `2022-${String(int(1, 12)).padStart(2, '0')}-10T09:00:00.000Z`,
    });
    return { h, tagNames: h.tagIds.map((t) => `Tag ${t}`) };
  });
  const claims = Array.from({ length: 120 }, (_, i) => ({
    c: makeClaim(`c${i}`, syntheticText(700 + i, 50), {
      claimantId: i % 2 ? `e${i % 40}` : null, aboutEntityIds: [`e${(i * 7) % 40}`], evidenceHighlightIds: [`h${(i * 13) % 900}`],
      tagIds: i % 4 ? [] : [tags[i % 10]!], claimedAt: i % 3 ? `2022-0${1 + (i % 9)}` : '',
    }),
  }));
  const dossiers = Array.from({ length: 4 }, (_, i) => makeDossier(`d${i}`, i === 3 ? '' : syntheticText(800 + i, 20)));
  const words = [...new Set(sources.flatMap(({ text }) => text.split(/\s+/)).filter((w) => w.length > 2))];
  return { sources, entities, highlights, claims, dossiers, words, rand, int, tags };
}

type Ws = ReturnType<typeof workspace>;

function build(ws: Ws): SearchIndex {
  const index = new SearchIndex();
  for (const { source, text } of ws.sources) index.upsertSource(source, text);
  for (const e of ws.entities) index.upsertEntity(e);
  for (const { h, tagNames } of ws.highlights) index.upsertHighlight(h, tagNames);
  const named = (id: string) => { const e = ws.entities.find((x) => x.id === id); return e ? { name: e.name, aliases: e.aliases } : null; };
  for (const { c } of ws.claims) index.upsertClaim(c, { claimant: c.claimantId ? named(c.claimantId) : null, about: c.aboutEntityIds.map(named).filter((p) => p !== null) });
  for (const d of ws.dossiers) index.upsertDossier(d);
  return index;
}

/** Removals, re-indexing with new text, metadata-only changes, then a compaction. */
function edit(index: SearchIndex, ws: Ws): void {
  for (const { h } of ws.highlights.slice(0, 100)) index.removeHighlight(h.id);
  for (const { h, tagNames } of ws.highlights.slice(100, 150)) index.upsertHighlight({ ...h, note: `${h.note} revised` }, tagNames);
  for (const { h } of ws.highlights.slice(150, 200)) index.upsertHighlight({ ...h, tagIds: [ws.tags[1]!], color: 'blue' }, ['Tag t1']);
  index.removeSource('s1');
  index.removeSource('s2');
  const { source, text } = ws.sources[3]!;
  const changed = `${text.slice(0, 1500)} inserted words here ${text.slice(1500)}`;
  index.upsertSource({ ...source, textLength: changed.length }, changed);
  for (const e of ws.entities.slice(0, 5)) index.removeEntity(e.id);
  index.compact();
}

function queries(ws: Ws): Array<{ query: string; options: SearchOptions }> {
  const { int, words } = ws;
  const any = () => words[int(0, words.length - 1)]!;
  const list: string[] = ['erdogan', 'ISTANBUL', 'gorusme', 'isbirligi', 'cafe', 'the', 'of the', '"will continue"', 'Tag', 't3'];
  for (let i = 0; i < 40; i++) list.push(any());
  for (let i = 0; i < 20; i++) list.push(any().slice(0, 3));
  for (let i = 0; i < 15; i++) list.push(`${any()} ${any()}`);
  for (let i = 0; i < 10; i++) list.push(`"${any()} ${any()}"`);
  for (let i = 0; i < 10; i++) { const w = any(); list.push(w.length > 4 ? w.slice(0, 2) + w.slice(3) : w); }
  const filters: SearchOptions[] = [
    { kinds: ['highlight'] }, { kinds: ['source'] }, { kinds: ['entity', 'claim'] }, { kinds: ['dossier'] }, { tagIds: ['t2', 't5'] },
    { dateFrom: '2022-03', dateTo: '2022-08-31' }, { sourceIds: ['s4', 's7'] }, { entityIds: ['e3', 'e9'] }, { sourceIds: ['s5'], kinds: ['claim'] },
    { limit: 100 },
  ];
  return list.flatMap((query, i) => [{ query, options: {} }, { query, options: filters[i % filters.length]! }]);
}

/** Queries that found something, per scenario: the comparison is only worth something if most do. */
const found: Record<string, number> = {};

function digests(index: SearchIndex, ws: Ws, name: string): string[] {
  return queries(ws).map(({ query, options }) => {
    const hits = index.search(query, options);
    if (hits.length > 0) found[name] = (found[name] ?? 0) + 1;
    return createHash('sha256').update(JSON.stringify([query, options, hits])).digest('hex').slice(0, 16);
  });
}

function scenarios(): Record<string, string[]> {
  const fresh = build(workspace());
  const ws = workspace();
  const edited = build(ws);
  edit(edited, ws);
  const restored = SearchIndex.fromJSON(JSON.parse(JSON.stringify(edited.toJSON())));
  if (!restored.ok) throw new Error('round trip failed');
  return { fresh: digests(fresh, workspace(), 'fresh'), edited: digests(edited, workspace(), 'edited'), restored: digests(restored.value, workspace(), 'restored') };
}

describe('results identical to the object-per-document index', () => {
  const got = scenarios();
  if (process.env.WRITE_SEARCH_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(got, null, 1)}\n`);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string[]>;
  it.each(['fresh', 'edited', 'restored'])('%s: every query returns the same hits, snippets and scores', (name) => {
    expect(golden[name]?.length).toBeGreaterThan(200);
    expect(found[name]).toBeGreaterThan(150);
    expect(got[name]).toEqual(golden[name]);
  });
});
