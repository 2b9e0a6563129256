/** A PDF import keeps its pages: the page map matches the text, sizes and rotation are the displayed ones, scans go to OCR. */
import { describe, expect, it, vi } from 'vitest';
import { importBytes, type ImportResult } from './importBytes';
import { joinPages } from './pdfPages';
import type { PdfOcr } from './types';
import { ok, err } from '../../../shared/domain/result';
import {
  buildPlainPagesPdf,
  ROTATED_PAGE, SCANNED_LINES, UNICODE_WORDS, buildMixedPdf, buildMultiPagePdf, buildRotatedPdf, multiPageContent,
} from '../../../tests/support/pdf-fixtures';

function accepted(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.message}`);
  return result.value;
}

/** Never called: a PDF with a text layer on every page must not reach text recognition. */
const noOcr: PdfOcr = () => Promise.reject(new Error('OCR must not be called'));


describe('joinPages (the page text rule)', () => {
  it('joins tidied pages with a blank line; an empty page sits where the next text begins, or at the end', () => {
    const size = { width: 100, height: 200, rotation: 0 };
    const { text, pages } = joinPages([
      { text: '', ...size }, { text: 'One  \n\n\n\nmore ', ...size }, { text: '   ', ...size }, { text: 'Two', ...size }, { text: '', ...size },
    ]);
    expect(text).toBe('One\n\nmore\n\nTwo');
    expect(pages.map((p) => [p.start, p.end])).toEqual([[0, 0], [0, 9], [11, 11], [11, 14], [14, 14]]);
  });
});

describe('importBytes: a PDF keeps its pages', () => {
  it('maps each page of a multi-page PDF to its own text, Unicode included, and keeps the original bytes', async () => {
    const bytes = await buildMultiPagePdf({ pages: 3 });
    const doc = accepted(await importBytes('report.pdf', bytes.slice(), { ocr: noOcr }));
    const pdf = doc.pdf!;
    expect(pdf.pageCount).toBe(3);
    expect(Buffer.from(pdf.original).equals(Buffer.from(bytes))).toBe(true);
    for (const [i, page] of pdf.pages.entries()) {
      const slice = doc.text.slice(page.start, page.end);
      const content = multiPageContent(i + 1);
      expect(slice.startsWith(content.heading)).toBe(true);
      for (const sentence of content.sentences) expect(slice).toContain(sentence);
      expect(page).toMatchObject({ width: 612, height: 792, rotation: 0 });
      expect(page.ocr).toBeUndefined();
    }
    // Page 2 carries the three Unicode words, whole (NFC, no split letters).
    const second = doc.text.slice(pdf.pages[1]!.start, pdf.pages[1]!.end);
    for (const word of UNICODE_WORDS) expect(second).toContain(word);
    expect(doc.text.slice(pdf.pages[0]!.end, pdf.pages[1]!.start)).toBe('\n\n');
    expect(pdf.ocr).toBeUndefined();
  });

  it('gives a rotated page its displayed size and its /Rotate', async () => {
    const doc = accepted(await importBytes('annex.pdf', await buildRotatedPdf(), { ocr: noOcr }));
    const [first, rotated] = doc.pdf!.pages;
    expect(first).toMatchObject({ width: 612, height: 792, rotation: 0 });
    expect(rotated).toMatchObject({ width: 792, height: 612, rotation: 90 });
    const slice = doc.text.slice(rotated!.start, rotated!.end);
    for (const sentence of ROTATED_PAGE.sentences) expect(slice).toContain(sentence);
    expect(rotated!.end).toBe(doc.text.length);
  });

  it('gives a blank page an empty range where the next page begins, without asking OCR (nothing is painted on it)', async () => {
    const doc = accepted(await importBytes('gaps.pdf', await buildPlainPagesPdf(['First page words.', '', 'Third page words.']), { ocr: noOcr }));
    expect(doc.text).toBe('First page words.\n\nThird page words.');
    expect(doc.pdf!.pages.map((p) => [p.start, p.end])).toEqual([[0, 17], [19, 19], [19, 36]]);
    expect(doc.pdf!.pages[1]!.ocr).toBeUndefined();
  });
});

describe('importBytes: scanned pages', () => {
  it('sends only the scanned page (5 of the mixed PDF) to OCR and puts its text at its place in the page map', async () => {
    const ocr = vi.fn<PdfOcr>(async (_bytes, pages) => ok({
      engine: 'mock 1', languages: ['eng'], meanConfidence: 91,
      pages: pages.map((page) => ({ page, text: `${SCANNED_LINES[1]}\n\n${SCANNED_LINES[2]}`, confidence: 91 })),
    }));
    const bytes = await buildMixedPdf();
    const doc = accepted(await importBytes('mixed.pdf', bytes, { ocr }));
    expect(ocr).toHaveBeenCalledTimes(1);
    expect(ocr.mock.calls[0]![1]).toEqual([5]);
    const pdf = doc.pdf!;
    expect(pdf.pageCount).toBe(6);
    expect(pdf.pages.map((p) => p.ocr === true)).toEqual([false, false, false, false, true, false]);
    expect(doc.text.slice(pdf.pages[4]!.start, pdf.pages[4]!.end)).toBe(`${SCANNED_LINES[1]}\n\n${SCANNED_LINES[2]}`);
    expect(pdf.ocr).toEqual({ engine: 'mock 1', languages: ['eng'], meanConfidence: 91 });
    expect(doc.text.slice(pdf.pages[5]!.start, pdf.pages[5]!.end).startsWith(multiPageContent(6).heading)).toBe(true);
  });

  it("refuses the PDF as 'scanned_pdf' naming the page and the OCR failure when recognition fails", async () => {
    const ocr: PdfOcr = async () => err({ reason: 'ocr_unavailable', detail: 'no language data for eng' });
    const result = await importBytes('mixed.pdf', await buildMixedPdf(), { ocr });
    expect(result.ok ? null : result.error).toEqual({
      reason: 'scanned_pdf', fileName: 'mixed.pdf',
      message: 'mixed.pdf: page 5 is a scanned image with no text layer, and the text could not be recognised ' +
        '(text recognition is unavailable: no language data for eng); nothing was imported',
    });
  });

  it("refuses as 'scanned_pdf' when the recogniser throws or leaves a page out", async () => {
    const thrown = await importBytes('mixed.pdf', await buildMixedPdf(), { ocr: () => Promise.reject(new Error('worker died')) });
    expect(thrown.ok ? null : thrown.error.message).toMatch(/page 5 .*text recognition failed: worker died/);
    const partial: PdfOcr = async () => ok({ engine: 'mock', languages: ['eng'], meanConfidence: 0, pages: [] });
    const missing = await importBytes('mixed.pdf', await buildMixedPdf(), { ocr: partial });
    expect(missing.ok ? null : missing.error.message).toMatch(/the recogniser returned nothing for page 5/);
  });
});
