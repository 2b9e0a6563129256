/** Tests: claims are found by the names of their claimant and of the entities they are about, and say which one matched. */
import { describe, expect, it } from 'vitest';
import { makeClaim, makeSource } from '../../tests/support/search-fixtures';
import { SearchIndex } from './index';

const ERDOGAN = { name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan', 'RTE'] };
const KAZAKHSTAN = { name: 'Kazakhstan', aliases: ['Qazaqstan'] };
const STATEMENT = 'Ankara will keep mediating between Moscow and Kyiv.';

function buildIndex(): SearchIndex {
  const index = new SearchIndex();
  index.upsertClaim(makeClaim('c1', STATEMENT), { claimant: ERDOGAN, about: [KAZAKHSTAN] });
  index.upsertClaim(makeClaim('c2', 'Grain exports resume in March.'), { claimant: null, about: [] });
  return index;
}

describe('claims by party', () => {
  it('a claimant name without its accent finds the claim, and the hit names the claimant with the match marked', () => {
    const [hit, ...rest] = buildIndex().search('Erdogan');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ kind: 'claim', id: 'c1', snippet: STATEMENT, match: 'exact' });
    expect(hit?.matchedIn).toEqual([{ field: 'claimant', text: 'Recep Tayyip Erdoğan', matches: [{ start: 13, end: 20 }] }]);
  });

  it('an alias that is not part of the name is shown after it', () => {
    const [hit] = buildIndex().search('rte');
    expect(hit?.matchedIn).toEqual([{ field: 'claimant', text: 'Recep Tayyip Erdoğan (RTE)', matches: [{ start: 22, end: 25 }] }]);
  });

  it('the names of the entities a claim is about find it too', () => {
    const [hit] = buildIndex().search('qazaqstan');
    expect(hit).toMatchObject({ id: 'c1', matchedIn: [{ field: 'about', text: 'Kazakhstan (Qazaqstan)' }] });
  });

  it('words may match across the statement and the names; a statement match alone names no party', () => {
    const index = buildIndex();
    expect(index.search('erdogan kyiv').map((h) => h.id)).toEqual(['c1']);
    expect(index.search('kyiv')[0]?.matchedIn).toBeUndefined();
  });

  it('renaming the claimant re-indexes the claim: the new name finds it, the old one no longer does', () => {
    const index = buildIndex();
    index.upsertClaim(makeClaim('c1', STATEMENT), { claimant: { name: 'Tayyip Bey', aliases: [] }, about: [] });
    expect(index.search('erdogan')).toEqual([]);
    expect(index.search('bey')[0]?.matchedIn).toEqual([{ field: 'claimant', text: 'Tayyip Bey', matches: [{ start: 7, end: 10 }] }]);
  });

  it('a claim whose statement names the person ranks above one that matches only by its claimant', () => {
    const index = buildIndex();
    index.upsertClaim(makeClaim('c3', 'Erdoğan will visit Astana.'), { claimant: null, about: [] });
    expect(index.search('erdogan').map((h) => h.id)).toEqual(['c3', 'c1']);
  });

  it('hits say how well they matched: exact words, word beginnings, or a similar spelling', () => {
    const index = buildIndex();
    index.upsertSource(makeSource('s', 'Negotiations continued.'), 'Negotiations continued.');
    expect(index.search('mediating')[0]?.match).toBe('exact');
    expect(index.search('mediat')[0]?.match).toBe('prefix');
    expect(index.search('negotiatoins')[0]?.match).toBe('fuzzy');
  });

  it('the party names survive saving and loading the index', () => {
    const loaded = SearchIndex.fromJSON(JSON.parse(JSON.stringify(buildIndex().toJSON())));
    if (!loaded.ok) throw new Error('load failed');
    expect(loaded.value.search('erdogan')[0]?.matchedIn?.[0]?.text).toBe('Recep Tayyip Erdoğan');
  });
});
