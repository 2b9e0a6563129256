import { describe, expect, it } from 'vitest';
import { importBytes } from './index';
import type { ImportResult } from './importBytes';
import { makeTestPdf } from '../../../tests/support/test-pdf';
import { importPdf } from './pdf';
import { pdfBytesMentionJavaScript } from './pdfJavaScript';
import { pageItemsToText, type PdfTextItem } from './pdfText';
import { pseudoRandomBytes, utf8 } from '../../../tests/support/import-files';

function accepted(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.message}`);
  return result.value;
}

describe('importBytes: pdf', () => {
  it('extracts WinAnsi text from a standard font and the info-dict metadata', async () => {
    const pdf = makeTestPdf({ pages: [['Hello T\xfcrkiye']], info: { title: 'Greeting (draft)', author: 'Jane Roe; John Doe' } });
    const doc = accepted(await importBytes('hello.PDF', pdf));
    expect(doc.kind).toBe('pdf');
    expect(doc.text).toBe('Hello Türkiye');
    expect(doc.meta).toMatchObject({ title: 'Greeting (draft)', authors: ['Jane Roe', 'John Doe'] });
  });

  it('joins wrapped lines, splits paragraphs at wide gaps and pages with a blank line', async () => {
    const pdf = makeTestPdf({
      pages: [['First paragraph starts here', 'and wraps onto a second line.', '', 'Second paragraph.'], ['Page two text.']],
    });
    const doc = accepted(await importBytes('doc.pdf', pdf));
    expect(doc.text).toBe('First paragraph starts here and wraps onto a second line.\n\nSecond paragraph.\n\nPage two text.');
    // No title in the info dict: guessed from the text.
    expect(doc.meta.title).toBe('First paragraph starts here and wraps onto a second line.');
  });

  it("refuses a PDF with an /OpenAction JavaScript as 'pdf_javascript'", async () => {
    const pdf = makeTestPdf({ pages: [['Innocent text']], openActionJavaScript: 'app.alert("hi")' });
    const result = await importBytes('macro.pdf', pdf);
    expect(result).toEqual({
      ok: false,
      error: { reason: 'pdf_javascript', fileName: 'macro.pdf', message: 'macro.pdf: the PDF contains JavaScript, which is not accepted' },
    });
  });

  it('also finds the JavaScript through pdf.js when the byte scan is bypassed', async () => {
    const pdf = makeTestPdf({ pages: [['Innocent text']], openActionJavaScript: 'app.alert("hi")' });
    const result = await importPdf(pdf, 5_000, { skipByteScan: true });
    expect(result.ok ? null : result.error.reason).toBe('pdf_javascript');
    expect((await importPdf(makeTestPdf({ pages: [['Fine']] }), 5_000, { skipByteScan: true })).ok).toBe(true);
  });

  it("rejects a PDF with no extractable text as 'no_text'", async () => {
    const result = await importBytes('scan.pdf', makeTestPdf({ pages: [['']], noText: true }));
    expect(result.ok ? null : result.error).toMatchObject({ reason: 'no_text', message: 'scan.pdf: no readable text was found' });
  });

  it("rejects random bytes named .pdf as 'malformed_pdf' without a header", async () => {
    const result = await importBytes('report.pdf', pseudoRandomBytes(4096));
    expect(result.ok ? null : result.error).toEqual({
      reason: 'malformed_pdf', fileName: 'report.pdf', message: 'report.pdf: not a valid PDF (no %PDF- header)',
    });
  });

  it("rejects a %PDF- header followed by garbage as 'malformed_pdf'", async () => {
    const garbage = new Uint8Array([...utf8('%PDF-1.7\n'), ...pseudoRandomBytes(2048, 7)]);
    const result = await importBytes('broken.pdf', garbage);
    expect(result.ok ? null : result.error).toMatchObject({ reason: 'malformed_pdf', fileName: 'broken.pdf' });
    expect(result.ok ? '' : result.error.message).toMatch(/^broken\.pdf: not a valid PDF \(.+\)$/);
  });

  it('rejects a truncated PDF without hanging', async () => {
    const pdf = makeTestPdf({ pages: [['Some text']] });
    const result = await importBytes('cut.pdf', pdf.subarray(0, 60));
    expect(result.ok ? null : result.error.reason).toBe('malformed_pdf');
  });
});

describe('pdfBytesMentionJavaScript', () => {
  const has = (text: string): boolean => pdfBytesMentionJavaScript(utf8(text));
  it('finds /JS and /JavaScript names, also #-escaped, but not look-alikes', () => {
    expect(has('<< /S /JavaScript /JS (x) >>')).toBe(true);
    expect(has('<< /JS(x) >>')).toBe(true);
    expect(has('<< /#4AS (x) >>')).toBe(true);
    expect(has('<< /Java#53cript >>')).toBe(true);
    expect(has('<< /JSON 1 /Journal /JBIG2Decode >>')).toBe(false);
  });
});

describe('pageItemsToText', () => {
  const item = (str: string, x: number, y: number, hasEOL = false, width = str.length * 6): PdfTextItem =>
    ({ str, x, hasEOL, transform: [12, 0, 0, 12, x, y], width, height: 12 }) as PdfTextItem;

  it('inserts a space between positioned words, joins hyphenated wraps and breaks on a column jump', () => {
    const items = [
      item('Left', 72, 700), item('column', 110, 700, true),
      item('continu-', 72, 686, true), item('ation here', 72, 672, true),
      item('Right column', 320, 700, true),
    ];
    expect(pageItemsToText(items)).toBe('Left column continu-ation here\n\nRight column');
  });
});
