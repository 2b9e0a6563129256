import { describe, expect, it } from 'vitest';
import type { PdfPageInfo } from '../domain/pdf';
import { OcrWordMap, ocrWordBoxes, ocrWordRects } from './ocr-words';

// Page 2 of a source: "Intro.\n\n" then this page's text "The cat sat." at offset 8; a 200 × 100 pt page.
const TEXT = 'Intro.\n\nThe cat sat.';
const INFO: PdfPageInfo = {
  start: 8, end: 20, width: 200, height: 100, rotation: 0, ocr: true,
  //       The               cat                 sat.
  words: [0, 3, 10, 10, 40, 20, 4, 7, 50, 10, 80, 20, 8, 12, 90, 10, 130, 20],
};

describe('ocrWordBoxes', () => {
  it('decodes words to absolute offsets and page fractions', () => {
    const words = ocrWordBoxes(INFO);
    expect(words.map((w) => TEXT.slice(w.start, w.end))).toEqual(['The', 'cat', 'sat.']);
    const r = words[1]!.rect;
    expect([r.x, r.y, r.w, r.h].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0.25, 0.1, 0.15, 0.1]);
  });

  it('gives nothing for a page without words (older sources) and leaves out a word outside the page text', () => {
    expect(ocrWordBoxes({ ...INFO, words: undefined })).toEqual([]);
    expect(ocrWordBoxes({ ...INFO, words: [0, 3, 10, 10, 40, 20, 10, 30, 0, 0, 1, 1] })).toHaveLength(1);
  });
});

describe('ocrWordRects', () => {
  const words = ocrWordBoxes(INFO);
  it('merges the boxes of whole words on one line into one rectangle', () => {
    const [r, ...rest] = ocrWordRects(words, TEXT, 8, 15, 0.5); // "The cat"
    expect(rest).toEqual([]);
    expect(r!.x).toBeCloseTo(0.05);
    expect(r!.x + r!.w).toBeCloseTo(0.4);
  });

  it('cuts a word partly in the range by its letters, a full stop counting narrow', () => {
    const [r] = ocrWordRects(words, TEXT, 16, 19, 0.5); // "sat" of "sat."
    expect(r!.x).toBeCloseTo(0.45);
    expect(r!.x + r!.w).toBeCloseTo(0.45 + 0.2 * (3 / 3.4));
    expect(ocrWordRects(words, TEXT, 0, 6, 0.5)).toEqual([]); // page 1's text
  });
});

describe('OcrWordMap', () => {
  const map = new OcrWordMap(ocrWordBoxes(INFO), TEXT);
  it('has one span per word, each the word itself', () => {
    expect(map.spans).toEqual(['The', 'cat', 'sat.']);
  });
  it('turns a point in a word into its source offset and a source range into word pieces', () => {
    expect(map.sourceOffset(1, 1, 'start')).toBe(13);
    expect(map.sourceOffset(2, 99, 'end')).toBe(20);
    expect(() => map.sourceOffset(3, 0, 'start')).toThrow(RangeError);
    expect(map.pieces(13, 18)).toEqual([{ span: 1, start: 1, end: 3 }, { span: 2, start: 0, end: 2 }]);
  });
});
