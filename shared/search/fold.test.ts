/** Tests: Turkish-aware diacritic/case folding and the map back to original offsets. */
import { describe, expect, it } from 'vitest';
import { foldText, foldWithMap, toOriginalRange, tokenize, tokenizeWithPositions } from './fold';

describe('foldText', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['Türkiye', 'turkiye'],
    ['Çavuşoğlu', 'cavusoglu'],
    ['İstanbul', 'istanbul'],
    ['ISTANBUL', 'istanbul'],
    ['Istanbul', 'istanbul'],
    ['ıstanbul', 'istanbul'],
    ['DİYARBAKIR', 'diyarbakir'],
    ['Mevlüt', 'mevlut'],
    ['Straße', 'strasse'],
    ['Øresund', 'oresund'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('drops combining marks of decomposed input', () => {
    expect(foldText('Erdog\u0306an')).toBe('erdogan');
  });

  it('agrees with the mapped variant', () => {
    const text = 'Çavuşoğlu met Erdoğan in İstanbul; STRAẞE, Øre.';
    expect(foldWithMap(text).folded).toBe(foldText(text));
  });
});

describe('foldWithMap', () => {
  it('maps folded ranges back to the original characters', () => {
    const text = 'Mr. Çavuşoğlu and Erdoğan';
    const map = foldWithMap(text);
    const at = map.folded.indexOf('erdogan');
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
    const at = map.folded.indexOf('strasse');
    const range = toOriginalRange(map, at, at + 'strasse'.length);
    expect(text.slice(range.start, range.end)).toBe('Straße');
  });
});

describe('tokenize', () => {
  it('splits on non-letters and folds', () => {
    expect(tokenize("Erdoğan's cease-fire: $10 billion")).toEqual(['erdogan', 's', 'cease', 'fire', '10', 'billion']);
  });

  it('reports token positions in folded text and skips absurdly long runs', () => {
    const folded = `ab ${'x'.repeat(80)} cd`;
    expect(tokenizeWithPositions(folded)).toEqual([
      { term: 'ab', start: 0, end: 2 },
      { term: 'cd', start: 84, end: 86 },
    ]);
  });
});
