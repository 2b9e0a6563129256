/** Tests of the folded form and its map back to original offsets. */
import { describe, expect, it } from 'vitest';
import { coversWholeClusters, foldText } from './fold';

describe('foldText', () => {
  it('makes NFC and NFD spellings equal', () => {
    const nfc = 'Erdoğan café 서울';
    expect(foldText(nfc).text).toBe(foldText(nfc.normalize('NFD')).text);
  });
  it('collapses whitespace runs and line endings, drops BOMs', () => {
    expect(foldText('\uFEFFa \t b\r\n\r\nc\u00a0d').text).toBe('a b c d');
  });
  it('maps folded units back to the original text', () => {
    const original = 'x\r\n  café';
    const folded = foldText(original);
    expect(folded.text).toBe('x cafe\u0301');
    expect(Array.from(folded.originStart)).toEqual([0, 1, 5, 6, 7, 8, 8]);
    expect(Array.from(folded.originEnd)).toEqual([1, 5, 6, 7, 8, 9, 9]);
  });
  it('keeps surrogate pairs and ZWJ sequences intact', () => {
    const original = 'a 👩‍🔬 b';
    expect(foldText(original).text).toBe(original);
  });
  it('knows when a folded range would cut a letter', () => {
    const folded = foldText('é'); // folds to e + U+0301
    expect(coversWholeClusters(folded, 0, 2)).toBe(true);
    expect(coversWholeClusters(folded, 0, 1)).toBe(false);
    expect(coversWholeClusters(folded, 1, 2)).toBe(false);
  });
});
