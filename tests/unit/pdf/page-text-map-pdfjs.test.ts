/**
 * PageTextMap against real pdf.js output: generated PDFs (two columns, a table, a rotated page, Türkiye/Erdoğan/
 * Қазақстан) read with the same getTextContent defaults the import and the page view's TextLayer use; the stored
 * text is built by the import's own rule (pageItemsToText per page, then joinPages). Every page maps fully, and each
 * known sentence comes back as the span pieces that show it.
 */
import { describe, expect, it } from 'vitest';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { PageTextMap } from '../../../shared/pdf/page-text-map';
import { pageItemsToText } from '../../../electron/services/import/pdfText';
import { joinPages } from '../../../electron/services/import/pdfPages';
import {
  buildMixedPdf, buildMultiPagePdf, multiPageContent, ROTATED_PAGE, TABLE_PAGE, TWO_COLUMN_PAGE,
} from '../../support/pdf-fixtures';

async function readSpans(bytes: Uint8Array) {
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  const pages: Array<{ items: TextItem[]; width: number; height: number; rotation: number }> = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const viewport = page.getViewport({ scale: 1 });
    pages.push({
      items: content.items.filter((i: TextItem | TextMarkedContent): i is TextItem => 'str' in i),
      width: viewport.width, height: viewport.height, rotation: page.rotate,
    });
  }
  await doc.destroy();
  const joined = joinPages(pages.map((p) => ({ text: pageItemsToText(p.items), width: p.width, height: p.height, rotation: p.rotation })));
  // The TextLayer makes one span per text item, in order.
  const maps = pages.map((p, i) => {
    const info = joined.pages[i]!;
    return new PageTextMap(p.items.map((item) => item.str), joined.text.slice(info.start, info.end), info.start);
  });
  return { text: joined.text, maps, pages: joined.pages };
}

/** The text the pieces of [start, end) show, whitespace dropped (the layer spaces words by position). */
function shownLetters(map: PageTextMap, start: number, end: number): string {
  return map.pieces(start, end).map((p) => map.spans[p.span]!.slice(p.start, p.end)).join('').replace(/\s+/g, '').normalize('NFC');
}

const letters = (s: string) => s.replace(/\s+/g, '');

describe('PageTextMap on pdf.js text layers', () => {
  it('maps every page of the Unicode multi-page document, sentence by sentence', async () => {
    const { text, maps } = await readSpans(await buildMultiPagePdf({ pages: 3 }));
    for (let n = 1; n <= 3; n++) {
      const map = maps[n - 1]!;
      expect(map.coverage).toBe(1);
      for (const sentence of multiPageContent(n).sentences) {
        const at = text.indexOf(sentence);
        expect(at, sentence).toBeGreaterThanOrEqual(0);
        expect(shownLetters(map, at, at + sentence.length)).toBe(letters(sentence));
      }
    }
  });

  it('keeps two columns, table cells and a rotated page apart and whole', async () => {
    const { text, maps, pages } = await readSpans(await buildMixedPdf());
    const check = (page: number, passage: string) => {
      const at = text.indexOf(passage, pages[page - 1]!.start);
      expect(at, passage).toBeGreaterThanOrEqual(0);
      expect(shownLetters(maps[page - 1]!, at, at + passage.length)).toBe(letters(passage));
    };
    for (const page of [2, 3, 4]) expect(maps[page - 1]!.coverage).toBe(1);
    for (const s of [...TWO_COLUMN_PAGE.left, ...TWO_COLUMN_PAGE.right]) check(2, s);
    for (const cell of TABLE_PAGE.rows.flat()) check(3, cell);
    for (const s of ROTATED_PAGE.sentences) check(4, s);
  });
});
