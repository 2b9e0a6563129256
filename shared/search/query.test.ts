/** Tests: query parsing, phrase adjacency, word counting and the vocabulary expansions. */
import { describe, expect, it } from 'vitest';
import { countWord, findPhrase, parseQuery } from './query';
import { boundedEditDistance, Vocabulary } from './vocabulary';

describe('parseQuery', () => {
  it('separates quoted phrases from free terms and folds both', () => {
    expect(parseQuery('"Territorial Integrity" Kazakhstan')).toEqual({
      terms: ['kazakhstan'], phrases: [['territorial', 'integrity']], lastTermIsPrefix: true,
    });
  });

  it('treats the last word as a prefix only while it is being typed', () => {
    expect(parseQuery('erdo').lastTermIsPrefix).toBe(true);
    expect(parseQuery('erdo ').lastTermIsPrefix).toBe(false);
    expect(parseQuery('erdo "just peace"').lastTermIsPrefix).toBe(false);
  });

  it('accepts an unterminated quote and one-word quotes', () => {
    expect(parseQuery('"just pea').phrases).toEqual([['just', 'pea']]);
    expect(parseQuery('"Erdoğan"')).toEqual({ terms: ['erdogan'], phrases: [], lastTermIsPrefix: false });
  });
});

describe('findPhrase', () => {
  it('matches adjacent words only, across punctuation but not across other words', () => {
    expect(findPhrase('a just peace now', ['just', 'peace'])).toEqual([{ start: 2, end: 12 }]);
    expect(findPhrase('just, peace', ['just', 'peace'])).toHaveLength(1);
    expect(findPhrase('just a peace', ['just', 'peace'])).toHaveLength(0);
    expect(findPhrase('unjust peace', ['just', 'peace'])).toHaveLength(0);
    expect(findPhrase('just peaceful', ['just', 'peace'])).toHaveLength(0);
  });
});

describe('countWord', () => {
  it('counts whole words only', () => {
    expect(countWord('peace, peaceful peace. apeace', 'peace')).toBe(2);
  });
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary();
  vocabulary.count(['erdogan', 'erdem', 'kazakhstan', 'kazakh'], 1);
  vocabulary.count(['erdogan', 'kazakhstan'], 1);

  it('expands prefixes, most frequent first, without the prefix itself', () => {
    expect(vocabulary.withPrefix('erd', 10)).toEqual(['erdogan', 'erdem']);
    expect(vocabulary.withPrefix('kazakh', 10)).toEqual(['kazakhstan']);
  });

  it('finds terms within the edit distance and forgets removed ones', () => {
    expect(vocabulary.near('kazakstan', 1, 5)).toEqual([{ term: 'kazakhstan', distance: 1 }]);
    expect(vocabulary.near('erdgoan', 1, 5)).toEqual([{ term: 'erdogan', distance: 1 }]);
    expect(vocabulary.near('kazak', 1, 5)).toEqual([{ term: 'kazakh', distance: 1 }]);
    vocabulary.count(['erdem'], -1);
    expect(vocabulary.withPrefix('erd', 10)).toEqual(['erdogan']);
  });

  it('computes bounded edit distance with transpositions', () => {
    expect(boundedEditDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedEditDistance('erdogan', 'erdgoan', 2)).toBe(1);
    expect(boundedEditDistance('abc', 'xyzabc', 2)).toBe(3);
  });
});
