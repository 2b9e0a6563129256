/** Tests: ranking tiers and boosts, hit offsets, and JSON persistence of the index. */
import { describe, expect, it } from 'vitest';
import { makeEntity, makeHighlight, makeSource } from '../../tests/support/search-fixtures';
import { SEARCH_INDEX_VERSION, SearchIndex, searchIndexVersion, type SearchHit } from './index';

const ids = (hits: SearchHit[]): string[] => hits.map((h) => `${h.kind}:${h.id}`);
const source = (index: SearchIndex, id: string, text: string, title = ''): void => index.upsertSource(makeSource(id, text, { title }), text);

describe('ranking', () => {
  it('puts exact matches before fuzzy ones, even when the fuzzy document is more focused', () => {
    const index = new SearchIndex();
    source(index, 'typo', 'Kazakstan. Kazakstan. Kazakstan.');
    source(index, 'exact', 'A long passage that mentions Kazakhstan once among many other words about trade and energy.');
    const hits = index.search('kazakhstan');
    expect(ids(hits)).toEqual(['source:exact', 'source:typo']);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
    expect(hits[1]?.matches.map((m) => hits[1]?.snippet.slice(m.start, m.end))).toEqual(['Kazakstan', 'Kazakstan', 'Kazakstan']);
    // A misspelt query still finds the word.
    expect(ids(index.search('kazakhstn'))[0]).toBe('source:exact');
  });

  it('does not expand words that are frequent in the workspace', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 3; i++) source(index, `s${i}`, 'Kazakhstan news.');
    source(index, 'typo', 'Kazakstan news.');
    expect(ids(index.search('kazakhstan'))).not.toContain('source:typo');
  });

  it('ranks exact words before prefix completions while typing', () => {
    const index = new SearchIndex();
    source(index, 'longer', 'Peaceful peaceful peaceful protests.');
    source(index, 'exact', 'A call for peace among many other words in a rather long sentence about the region.');
    const hits = index.search('peace');
    expect(ids(hits)).toEqual(['source:exact', 'source:longer']);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
    expect(ids(index.search('peace '))).toEqual(['source:exact']);
    // No word starts with "peacef" except "peaceful"; typo tolerance then adds "peace" below it.
    expect(ids(index.search('peacef'))).toEqual(['source:longer', 'source:exact']);
  });

  it('boosts entity names over passages that mention them', () => {
    const index = new SearchIndex();
    source(index, 's1', 'Tokayev said. Tokayev added. Tokayev left.');
    index.upsertEntity(makeEntity('tok', 'Kassym-Jomart Tokayev', { description: 'President of Kazakhstan.' }));
    expect(ids(index.search('tokayev'))[0]).toBe('entity:tok');
  });

  it('boosts the passage carrying the source title', () => {
    const index = new SearchIndex();
    const text = 'Opening words about the summit.\nThe corridor matters for trade.\nMore on energy.';
    source(index, 'titled', text, 'Middle Corridor');
    source(index, 'other', 'Trade through the corridor grew.');
    const hits = index.search('corridor');
    expect(hits[0]?.id).toBe('titled');
    expect(hits[0]?.title).toBe('Middle Corridor');
  });
});

describe('hits', () => {
  it('point at the match in the source text and at the highlight range', () => {
    const text = 'Intro line.\nLater, President Erdoğan met Tokayev in Astana.';
    const index = new SearchIndex();
    index.upsertSource(makeSource('s', text, { title: 'Visit' }), text);
    const start = text.indexOf('President');
    index.upsertHighlight(makeHighlight('h', 's', text, start, start + 26, { note: 'who met whom' }), ['people']);
    const hits = index.search('erdogan');
    const first = hits.find((h) => h.kind === 'source');
    const second = hits.find((h) => h.kind === 'highlight');
    expect(hits).toHaveLength(2);
    expect(text.slice(first?.start, first?.end)).toBe('Erdoğan');
    expect(second).toMatchObject({ kind: 'highlight', id: 'h', sourceId: 's', start, end: start + 26, title: 'Visit' });
    expect(second?.snippet).toBe('President Erdoğan met Toka who met whom');
    expect(second && second.snippet.slice(second.matches[0]?.start, second.matches[0]?.end)).toBe('Erdoğan');
    // Tag names are searchable too.
    expect(ids(index.search('people'))).toEqual(['highlight:h']);
  });
});

describe('persistence', () => {
  const build = (): SearchIndex => {
    const index = new SearchIndex();
    source(index, 'a', 'Türkiye and Kazakhstan signed six agreements.\nÇavuşoğlu called for a just peace.', 'Agreements');
    index.upsertEntity(makeEntity('e', 'Mevlüt Çavuşoğlu'));
    index.removeSource('missing');
    return index;
  };

  it('round-trips through JSON with identical results and keeps updating', () => {
    const index = build();
    const restored = SearchIndex.fromJSON(JSON.stringify(index.toJSON()));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    for (const q of ['cavusoglu', '"just peace"', 'agree', 'turkiye kazakhstan']) expect(restored.value.search(q)).toEqual(index.search(q));
    restored.value.removeEntity('e');
    source(restored.value, 'b', 'A just peace for Ukraine.');
    expect(ids(restored.value.search('"just peace"')).sort()).toEqual(['source:a', 'source:b']);
    expect(restored.value.search('mevlut')).toEqual([]);
  });

  it('reports a stale version and malformed input as errors', () => {
    const json = build().toJSON();
    expect(searchIndexVersion(json)).toBe(SEARCH_INDEX_VERSION);
    const stale = SearchIndex.fromJSON({ ...json, version: SEARCH_INDEX_VERSION - 1 });
    expect(stale).toEqual({ ok: false, error: { kind: 'stale', found: SEARCH_INDEX_VERSION - 1, expected: SEARCH_INDEX_VERSION } });
    expect(SearchIndex.fromJSON('{not json').ok).toBe(false);
    const broken = SearchIndex.fromJSON({ ...json, docs: [[1, 'source']] });
    expect(broken.ok || broken.error.kind).toBe('malformed');
    expect(searchIndexVersion({ hello: 1 })).toBeNull();
  });
});
