/** Tests of search's folding: agreement with its mapped variant, the map back to original offsets, tokenising. */
import { describe, expect, it } from 'vitest';
import { foldText, foldWithMap, toOriginalRange, tokenize, tokenizeWithPositions } from './fold';

describe('foldText', () => {
  // The letter table itself is tested once, in shared/text/fold.test.ts.
  it('is the shared table with whitespace and punctuation kept as word breaks', () => {
    expect(foldText('Çavuşoğlu met\tErdoğan; İSTANBUL')).toBe('cavusoglu met\terdogan; istanbul');
  });

  it('agrees with the mapped variant', () => {
    const text = 'Çavuşoğlu met Erdoğan in İstanbul; STRAẞE, Øre.';
    expect(foldWithMap(text).text).toBe(foldText(text));
  });
});

describe('foldWithMap', () => {
  it('maps folded ranges back to the original characters', () => {
    const text = 'Mr. Çavuşoğlu and Erdoğan';
    const map = foldWithMap(text);
    const at = map.text.indexOf('erdogan');
    const range = toOriginalRange(map, at, at + 'erdogan'.length);
    expect(text.slice(range.start, range.end)).toBe('Erdoğan');
  });

  it('keeps dropped combining marks inside the mapped range', () => {
    const text = 'Erdog\u0306an said';
    const map = foldWithMap(text);
    const range = toOriginalRange(map, 0, 'erdogan'.length);
    expect(text.slice(range.start, range.end)).toBe('Erdog\u0306an');
  });

  it('maps expansions (ß → ss) to the single original character', () => {
    const text = 'die Straße hier';
    const map = foldWithMap(text);
    const at = map.text.indexOf('strasse');
    const range = toOriginalRange(map, at, at + 'strasse'.length);
    expect(text.slice(range.start, range.end)).toBe('Straße');
  });
});

describe('tokenize', () => {
  it('splits on non-letters and folds', () => {
    expect(tokenize("Erdoğan's cease-fire: $10 billion")).toEqual(['erdogan', 's', 'cease', 'fire', '10', 'billion']);
  });

  it('keeps a word with the marks folding keeps (Indic vowel signs, virama) as one token', () => {
    expect(tokenize('हिन्दी समाचार')).toEqual(['हिन्दी', 'समाचार']);
  });

  it('reports token positions in folded text and skips absurdly long runs', () => {
    const folded = `ab ${'x'.repeat(80)} cd`;
    expect(tokenizeWithPositions(folded)).toEqual([
      { term: 'ab', start: 0, end: 2 },
      { term: 'cd', start: 84, end: 86 },
    ]);
  });
});
