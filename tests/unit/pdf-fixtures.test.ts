/** The generated test PDFs hold what tests/support/pdf-fixture-content.ts says they hold, read back with pdf.js. */
import { describe, expect, it } from 'vitest';
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import {
  MIXED_PAGES,
  ROTATED_PAGE,
  SCANNED_LINES,
  TABLE_PAGE,
  TWO_COLUMN_PAGE,
  UNICODE_WORDS,
  buildLargePdf,
  buildMixedPdf,
  buildMultiPagePdf,
  buildRotatedPdf,
  buildScannedPdf,
  buildTablePdf,
  buildTwoColumnPdf,
  multiPageContent,
  outlineTitle,
} from '../support/pdf-fixtures';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;
/** The same in-process worker trick as electron/services/import/pdf.ts. */
function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
}

/** A page's text items joined by spaces, whitespace collapsed (enough to find whole sentences). */
async function pageText(doc: PDFDocumentProxy, n: number): Promise<{ text: string; items: number }> {
  const content = await (await doc.getPage(n)).getTextContent();
  const items = content.items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
  return { text: items.map((item) => item.str).join(' ').replace(/\s+/g, ' '), items: items.length };
}

describe('generated test PDFs', () => {
  it('multi-page: page N has the heading "Page N" and exactly its own sentences, with Unicode on page 2', async () => {
    const doc = await open(await buildMultiPagePdf({ pages: 4 }));
    expect(doc.numPages).toBe(4);
    for (let n = 1; n <= 4; n++) {
      const { text } = await pageText(doc, n);
      expect(text.startsWith(`Page ${n} `)).toBe(true);
      for (const sentence of multiPageContent(n).sentences) expect(text).toContain(sentence);
      // No other page's sentence appears here (the refs keep them apart).
      for (let other = 1; other <= 4; other++) {
        if (other !== n) for (const sentence of multiPageContent(other).sentences) expect(text).not.toContain(sentence);
      }
    }
    const page2 = (await pageText(doc, 2)).text;
    for (const word of UNICODE_WORDS) expect(page2).toContain(word);
    await doc.destroy();
  });

  it('the same options give the same bytes (so re-importing hashes the same blob)', async () => {
    const [a, b] = [await buildMultiPagePdf({ pages: 2 }), await buildMultiPagePdf({ pages: 2 })];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('two columns: the left column text is drawn before the right column text', async () => {
    const doc = await open(await buildTwoColumnPdf());
    const { text } = await pageText(doc, 1);
    const left = text.indexOf('The left column opens');
    const right = text.indexOf('The right column turns');
    expect(left).toBeGreaterThan(-1);
    expect(right).toBeGreaterThan(left);
    expect(text).toContain('Türkiye');
    expect(TWO_COLUMN_PAGE.left.length + TWO_COLUMN_PAGE.right.length).toBe(4);
    await doc.destroy();
  });

  it('table: every cell string is on the page', async () => {
    const doc = await open(await buildTablePdf());
    const { text } = await pageText(doc, 1);
    for (const cell of TABLE_PAGE.rows.flat()) expect(text).toContain(cell);
    await doc.destroy();
  });

  it('rotated: page 2 is /Rotate 90, displayed landscape, and keeps its text', async () => {
    const doc = await open(await buildRotatedPdf());
    const page = await doc.getPage(2);
    expect(page.rotate).toBe(90);
    const viewport = page.getViewport({ scale: 1 });
    expect([viewport.width, viewport.height]).toEqual([792, 612]);
    expect((await doc.getPage(1)).rotate).toBe(0);
    const { text } = await pageText(doc, 2);
    for (const sentence of ROTATED_PAGE.sentences) expect(text).toContain(sentence);
    await doc.destroy();
  });

  it('scanned: the page paints an image and has no text items at all', async () => {
    const lib = await pdfjs();
    const doc = await open(await buildScannedPdf({ pages: 2 }));
    expect(doc.numPages).toBe(2);
    for (const n of [1, 2]) {
      expect((await pageText(doc, n)).items).toBe(0);
      const ops = await (await doc.getPage(n)).getOperatorList();
      expect(ops.fnArray).toContain(lib.OPS.paintImageXObject);
    }
    expect(SCANNED_LINES.length).toBeGreaterThan(0);
    await doc.destroy();
  });

  it('mixed: the six pages are text, two columns, table, rotated, scanned, text, with an outline', async () => {
    const doc = await open(await buildMixedPdf());
    expect(doc.numPages).toBe(MIXED_PAGES.length);
    expect((await pageText(doc, 1)).text).toContain(multiPageContent(1).sentences[0]);
    expect((await pageText(doc, 2)).text).toContain(TWO_COLUMN_PAGE.right[1]);
    expect((await pageText(doc, 3)).text).toContain('Қазақстан');
    expect((await doc.getPage(4)).rotate).toBe(90);
    expect((await pageText(doc, 5)).items).toBe(0);
    expect((await pageText(doc, 6)).text).toContain(multiPageContent(6).sentences[3]);
    const outline = await doc.getOutline();
    expect(outline.map((item) => item.title)).toEqual(MIXED_PAGES.map((_, i) => outlineTitle(i + 1)));
    await doc.destroy();
  });

  it('outline: each bookmark points at its own page', async () => {
    const doc = await open(await buildMultiPagePdf({ pages: 3, outline: true }));
    const outline = await doc.getOutline();
    expect(outline.map((item) => item.title)).toEqual([1, 2, 3].map(outlineTitle));
    for (const [i, item] of outline.entries()) {
      const dest = item.dest as unknown[];
      expect(await doc.getPageIndex(dest[0] as { num: number; gen: number })).toBe(i);
    }
    await doc.destroy();
  });

  it('large: 300 pages, page 300 holds its 30 sentences', async () => {
    const doc = await open(await buildLargePdf());
    expect(doc.numPages).toBe(300);
    const { text } = await pageText(doc, 300);
    for (const sentence of multiPageContent(300, 30).sentences) expect(text).toContain(sentence);
    await doc.destroy();
  });
});
