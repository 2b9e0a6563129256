/** Tests that the q-gram index finds exactly what a plain scan finds. */
import { describe, expect, it } from 'vitest';
import { adaptiveFinder, indexedFinder, scanningFinder } from './occurrences';
import { createPrng, randomInt, syntheticText } from '../../tests/support/synthetic-text';

describe('occurrence finders', () => {
  it('finds overlapping occurrences in ascending order', () => {
    for (const find of [scanningFinder('aaaaaa'), indexedFinder('aaaaaa')]) {
      expect(find('aaaa')).toEqual([0, 1, 2]);
      expect(find('aa')).toEqual([0, 1, 2, 3, 4]);
      expect(find('b')).toEqual([]);
      expect(find('')).toEqual([]);
    }
  });

  it('handles a haystack shorter than a gram', () => {
    expect(indexedFinder('ab')('ab')).toEqual([0]);
    expect(indexedFinder('ab')('abcde')).toEqual([]);
  });

  it('agrees with a plain scan on random needles over multilingual text', () => {
    const text = syntheticText(99, 30_000);
    const scan = scanningFinder(text);
    const indexed = indexedFinder(text);
    const adaptive = adaptiveFinder(text, 3);
    const random = createPrng(5);
    for (let i = 0; i < 300; i += 1) {
      const start = randomInt(random, 0, text.length - 1);
      const needle = i % 10 === 0 ? 'zz-not-there' : text.slice(start, start + randomInt(random, 1, 60));
      const expected = scan(needle);
      expect(indexed(needle)).toEqual(expected);
      expect(adaptive(needle)).toEqual(expected);
    }
  });
});
