/** Word boxes of scanned pages: real recognition keeps words that slice the stored text and sit on the page; the placing rule. */
import { describe, expect, it } from 'vitest';
import { importBytes } from './importBytes';
import { locateWords } from './pdfOcrWords';
import { OCR_WORD_STRIDE } from '../../../shared/pdf/ocr-words';
import { buildScannedPdf, buildMultiPagePdf } from '../../../tests/support/pdf-fixtures';

/** Two short lines in a large font: recognised in a few seconds. */
const LINES = ['HARBOUR MEMO', 'The committee approved the budget.'];

describe('importBytes: word boxes of an OCR page', () => {
  it('stores, for the scanned page only, words whose offsets slice exactly the words of its stored text and whose boxes lie inside the page', async () => {
    const result = await importBytes('scan.pdf', await buildScannedPdf({ lines: LINES }));
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    if (!result.ok) return;
    const { text, pdf } = result.value;
    const page = pdf!.pages[0]!;
    expect(page.ocr).toBe(true);
    const flat = page.words!;
    expect(flat.length % OCR_WORD_STRIDE).toBe(0);
    const pageText = text.slice(page.start, page.end);
    const sliced: string[] = [];
    for (let i = 0; i < flat.length; i += OCR_WORD_STRIDE) {
      const [start, end, x0, y0, x1, y1] = flat.slice(i, i + OCR_WORD_STRIDE) as number[];
      sliced.push(pageText.slice(start, end));
      expect(0 <= x0! && x0! < x1! && x1! <= page.width, `x ${x0}–${x1} of ${page.width}`).toBe(true);
      expect(0 <= y0! && y0! < y1! && y1! <= page.height, `y ${y0}–${y1} of ${page.height}`).toBe(true);
    }
    // Every word of the page, in order, and nothing else: the layer over the scan covers the whole text.
    expect(sliced).toEqual(pageText.split(/\s+/));
    expect(sliced).toContain('committee');
    // "committee" is on the second line: drawn at 200 + 60 px baselines of a 150 dpi page, i.e. about 112–129 pt down.
    const k = sliced.indexOf('committee') * OCR_WORD_STRIDE;
    expect(flat[k + 3]!).toBeGreaterThan(105);
    expect(flat[k + 5]!).toBeLessThan(135);
  });

  it('keeps no words on pages that have a text layer', async () => {
    const result = await importBytes('report.pdf', await buildMultiPagePdf({ pages: 1 }));
    expect(result.ok && result.value.pdf!.pages[0]!.words).toBeUndefined();
  });
});

describe('locateWords', () => {
  it('places words in order (a repeated word at its own place), NFC-normalises them, clamps boxes and skips a word not in the text', () => {
    const text = 'the cat and the café';
    const words = [
      { text: 'the', box: [1, 2, 3, 4] as [number, number, number, number] },
      { text: 'cat', box: [5, 2, 900, 4] as [number, number, number, number] },
      { text: 'dog', box: [0, 0, 1, 1] as [number, number, number, number] },
      { text: 'and', box: [-3, 2, 9, 4] as [number, number, number, number] },
      { text: 'the', box: [1, 2, 3, 4] as [number, number, number, number] },
      { text: 'cafe\u0301', box: [1, 2, 3, 4] as [number, number, number, number] },
    ];
    expect(locateWords(text, words, 600, 800)).toEqual([
      0, 3, 1, 2, 3, 4,
      4, 7, 5, 2, 600, 4,
      8, 11, 0, 2, 9, 4,
      12, 15, 1, 2, 3, 4,
      16, 20, 1, 2, 3, 4,
    ]);
  });
});
