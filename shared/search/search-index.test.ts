/** Tests: SearchIndex folding, phrases, filters and incremental updates on a small workspace. */
import { describe, expect, it } from 'vitest';
import { makeClaim, makeDossier, makeEntity, makeHighlight, makeSource } from '../../tests/support/search-fixtures';
import { SearchIndex, type SearchHit } from './index';

const TEXT_A = [
  'Türkiye will support the territorial integrity of Kazakhstan, President Erdoğan said.',
  'Foreign Minister Çavuşoğlu spoke to reporters in İstanbul about the integrity of territorial waters.',
  'The presidents discussed energy, trade and the Middle Corridor.',
].join('\n');
const H1_START = TEXT_A.indexOf('Foreign Minister');
const H1_END = TEXT_A.indexOf('waters.') + 'waters.'.length;
const TEXT_B = 'Talks in Ankara covered grain exports.\nIstanbul hosted negotiators in March.';

function buildIndex(): SearchIndex {
  const index = new SearchIndex();
  index.upsertSource(makeSource('a', TEXT_A, { title: 'Erdoğan in Astana', publishedAt: '2022-10-12' }), TEXT_A);
  index.upsertSource(makeSource('b', TEXT_B, { title: 'Grain talks' }, '2023-03-05T10:00:00.000Z'), TEXT_B);
  index.upsertHighlight(makeHighlight('h1', 'a', TEXT_A, H1_START, H1_END, {
    note: 'Key statement on the ministry line', tagIds: ['t-diplomacy'], entityIds: ['e-cav'], createdAt: '2022-10-13T09:00:00.000Z',
  }), ['Diplomacy']);
  index.upsertHighlight(makeHighlight('h2', 'b', TEXT_B, 0, 38, { note: 'grain corridor', createdAt: '2023-03-06T09:00:00.000Z' }), []);
  index.upsertEntity(makeEntity('e-cav', 'Mevlüt Çavuşoğlu', { aliases: ['Cavusoglu'], description: 'Turkish foreign minister until 2023.' }));
  index.upsertEntity(makeEntity('e-erd', 'Recep Tayyip Erdoğan', { description: 'President of Türkiye.' }));
  index.upsertClaim(makeClaim('c1', 'Türkiye backs Kazakhstan territorial integrity.', {
    claimedAt: '2022-10-12', aboutEntityIds: ['e-erd'], tagIds: ['t-diplomacy'], evidenceHighlightIds: ['h1'],
  }));
  index.upsertDossier(makeDossier('d1', 'Kazakhstan relations dossier'));
  return index;
}

const ids = (hits: SearchHit[]): string[] => hits.map((h) => `${h.kind}:${h.id}`);
const marked = (hit: SearchHit): string[] => hit.matches.map((m) => hit.snippet.slice(m.start, m.end));

describe('folding', () => {
  const index = buildIndex();
  it.each([
    ['Erdogan', 'Erdoğan'], ['erdoğan', 'Erdoğan'], ['turkiye', 'Türkiye'], ['TÜRKİYE', 'Türkiye'],
    ['cavusoglu', 'Çavuşoğlu'], ['istanbul', 'İstanbul'], ['Istanbul', 'İstanbul'], ['İSTANBUL', 'İstanbul'],
  ])('%s finds and highlights %s', (query, original) => {
    const hits = index.search(query, { kinds: ['source'], sourceIds: ['a'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.flatMap(marked)).toContain(original);
  });

  it('istanbul also finds the dotless spelling in another source', () => {
    expect(index.search('istanbul', { kinds: ['source'] }).map((h) => h.id).sort()).toEqual(['a', 'b']);
  });
});

describe('phrases', () => {
  const index = buildIndex();
  it('matches only adjacent words', () => {
    const phrase = index.search('"territorial integrity"', { kinds: ['source'] });
    expect(phrase).toHaveLength(1);
    expect(phrase[0]?.snippet).toContain('territorial integrity of Kazakhstan');
    expect(marked(phrase[0] as SearchHit)).toEqual(['territorial integrity']);
    // Without quotes the passage with "integrity of territorial" matches as well.
    expect(index.search('territorial integrity', { kinds: ['source'] })).toHaveLength(2);
  });

  it('combines a phrase with a free term', () => {
    const hits = index.search('"territorial integrity" Kazakhstan');
    expect(ids(hits).sort()).toEqual(['claim:c1', 'source:a']);
    const source = hits.find((h) => h.kind === 'source') as SearchHit;
    expect(TEXT_A.slice(source.start, source.end)).toMatch(/^(territorial integrity|Kazakhstan)$/);
  });

  it('finds nothing when the phrase words are not adjacent anywhere', () => {
    expect(index.search('"waters integrity"')).toEqual([]);
  });
});

describe('filters', () => {
  const index = buildIndex();
  it('by kind', () => {
    expect(ids(index.search('Çavuşoğlu', { kinds: ['entity'] }))).toEqual(['entity:e-cav']);
  });

  it('by tag (highlights and claims carry tags)', () => {
    expect(ids(index.search('territorial', { tagIds: ['t-diplomacy'] })).sort()).toEqual(['claim:c1', 'highlight:h1']);
  });

  it('by entity', () => {
    expect(ids(index.search('foreign minister', { entityIds: ['e-cav'] })).sort()).toEqual(['entity:e-cav', 'highlight:h1']);
    expect(ids(index.search('Kazakhstan', { entityIds: ['e-erd'] }))).toEqual(['claim:c1']);
  });

  it('by source, reaching claims through their evidence', () => {
    expect(ids(index.search('territorial', { sourceIds: ['a'] })).sort()).toEqual(['claim:c1', 'highlight:h1', 'source:a', 'source:a']);
    expect(ids(index.search('grain', { sourceIds: ['b'] })).sort()).toEqual(['highlight:h2', 'source:b']);
    expect(index.search('grain', { sourceIds: ['a'] })).toEqual([]);
  });

  it('by date, using publishedAt, then createdAt; claimedAt for claims', () => {
    const in2022 = { dateFrom: '2022-10-01', dateTo: '2022-10-31' };
    expect(ids(index.search('territorial', in2022)).sort()).toEqual(['claim:c1', 'highlight:h1', 'source:a', 'source:a']);
    expect(ids(index.search('grain', { dateFrom: '2023-03' })).sort()).toEqual(['highlight:h2', 'source:b']);
    expect(index.search('grain', { dateTo: '2023-03-04' })).toEqual([]);
    // Undated kinds are left out by a date filter.
    expect(index.search('Çavuşoğlu', { kinds: ['entity'], dateFrom: '2000' })).toEqual([]);
  });
});

describe('incremental updates', () => {
  it('forgets a removed highlight', () => {
    const index = buildIndex();
    expect(ids(index.search('ministry'))).toEqual(['highlight:h1']);
    index.removeHighlight('h1');
    expect(index.search('ministry')).toEqual([]);
    expect(index.has('highlight', 'h1')).toBe(false);
  });

  it('finds an updated note by its new words and not its old ones', () => {
    const index = buildIndex();
    index.upsertHighlight(makeHighlight('h1', 'a', TEXT_A, H1_START, H1_END, { note: 'Revisit after the ceasefire' }), ['Diplomacy']);
    expect(index.search('ministry')).toEqual([]);
    expect(ids(index.search('ceasefire'))).toEqual(['highlight:h1']);
  });

  it('re-indexes a source whose text changed and removes the other kinds', () => {
    const index = buildIndex();
    index.upsertSource(makeSource('b', 'Wheat shipments resumed.'), 'Wheat shipments resumed.');
    expect(index.search('negotiators')).toEqual([]);
    expect(ids(index.search('wheat'))).toEqual(['source:b']);
    index.removeSource('b');
    index.removeClaim('c1');
    index.removeEntity('e-erd');
    index.removeDossier('d1');
    expect(index.search('wheat')).toEqual([]);
    expect(ids(index.search('Kazakhstan')).every((id) => id === 'source:a')).toBe(true);
    expect(index.search('dossier')).toEqual([]);
  });

  it('updates filter metadata without re-indexing text', () => {
    const index = buildIndex();
    index.upsertHighlight(makeHighlight('h1', 'a', TEXT_A, H1_START, H1_END, {
      note: 'Key statement on the ministry line', tagIds: ['t-other'], createdAt: '2022-10-13T09:00:00.000Z',
    }), ['Diplomacy']);
    expect(index.search('ministry', { tagIds: ['t-diplomacy'] })).toEqual([]);
    expect(ids(index.search('ministry', { tagIds: ['t-other'] }))).toEqual(['highlight:h1']);
  });

  it('keeps results identical after compaction', () => {
    const index = buildIndex();
    index.removeHighlight('h2');
    const before = index.search('grain');
    index.compact();
    expect(index.search('grain')).toEqual(before);
  });
});
