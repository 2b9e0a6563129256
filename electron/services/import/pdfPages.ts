/** A PDF's source text and page map from its pages (the page-text rule of ADR 0015), scanned pages recognised first. */
import type { PdfPageInfo } from '../../../shared/domain/pdf';
import { err, ok, type Result } from '../../../shared/domain/result';
import { normaliseText, tidyParagraphs } from './normalise';
import type { OcrWord } from './ocr/ocrText';
import { locateWords } from './pdfOcrWords';
import type { PdfPageRead } from './pdf';
import { rejection, type ImportRejection, type ImportedPdf, type PdfOcr } from './types';

/** A page's text before shaping, with how it is displayed. */
export interface PageToJoin {
  text: string;
  width: number;
  height: number;
  rotation: number;
  ocr?: boolean;
  /** A scanned page's recognised words in text order, boxes in points (kept as PdfPageInfo.words). */
  ocrWords?: readonly OcrWord[];
}

/**
 * The rule everyone relies on: each page's text normalised and tidied on its own, pages joined by a blank line, an
 * empty page contributing nothing. pages[i].start/end are page i + 1's range in the result; an empty page's range is
 * empty and sits where the next page's text begins (the end of the text when none follows).
 */
export function joinPages(pages: readonly PageToJoin[]): { text: string; pages: PdfPageInfo[] } {
  let text = '';
  const infos: PdfPageInfo[] = [];
  const empty: number[] = [];
  for (const page of pages) {
    const shaped = tidyParagraphs(normaliseText(page.text));
    const info: PdfPageInfo = {
      start: 0, end: 0, width: page.width, height: page.height, rotation: page.rotation, ...(page.ocr ? { ocr: true } : {}),
    };
    // Offsets relative to the page's own text, so they hold wherever the page lands in the joined text.
    if (page.ocr && page.ocrWords && shaped !== '') info.words = locateWords(shaped, page.ocrWords, page.width, page.height);
    if (shaped === '') {
      empty.push(infos.length);
    } else {
      if (text !== '') text += '\n\n';
      info.start = text.length;
      text += shaped;
      info.end = text.length;
      // Empty pages before this one are placed where this page's text begins.
      for (const i of empty.splice(0)) infos[i]!.start = infos[i]!.end = info.start;
    }
    infos.push(info);
  }
  for (const i of empty) infos[i]!.start = infos[i]!.end = text.length;
  return { text, pages: infos };
}

/** "page 3", "pages 2 and 5", "pages 1, 2 and 7". */
export function pageList(numbers: readonly number[]): string {
  if (numbers.length === 1) return `page ${numbers[0]}`;
  return `pages ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/**
 * Joins the pages read by pdf.js, first recognising the text of scanned pages (no text layer, an image painted). A
 * scanned page whose text cannot be recognised refuses the whole import ('scanned_pdf'): a PDF is never kept with
 * pages silently empty. Runs on the calling thread; the recogniser runs its own worker.
 */
export async function completePdf(
  fileName: string, read: readonly PdfPageRead[], original: Uint8Array, ocr: PdfOcr,
): Promise<Result<{ text: string; pdf: ImportedPdf }, ImportRejection>> {
  const scanned = read.flatMap((p, i) => (p.scanned ? [i + 1] : []));
  const pages: PageToJoin[] = read.map((p) => ({ text: p.text, width: p.width, height: p.height, rotation: p.rotation }));
  let ocrRecord: ImportedPdf['ocr'];
  if (scanned.length > 0) {
    const refuse = (why: string) => err(rejection('scanned_pdf', fileName,
      `${pageList(scanned)} ${scanned.length === 1 ? 'is a scanned image' : 'are scanned images'} with no text layer, and ` +
      `the text could not be recognised (${why}); nothing was imported`));
    let outcome: Awaited<ReturnType<PdfOcr>>;
    try {
      // A copy: the recogniser may hand its bytes to a worker (transfer), and `original` is still to be stored.
      outcome = await ocr(new Uint8Array(original), scanned);
    } catch (e) {
      return refuse(`text recognition failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!outcome.ok) {
      const what = { ocr_unavailable: 'text recognition is unavailable', ocr_failed: 'text recognition failed', ocr_timeout: 'text recognition timed out' };
      return refuse(`${what[outcome.error.reason] ?? outcome.error.reason}: ${outcome.error.detail}`);
    }
    const byPage = new Map(outcome.value.pages.map((p) => [p.page, p]));
    const missing = scanned.filter((n) => !byPage.has(n));
    if (missing.length > 0) return refuse(`the recogniser returned nothing for ${pageList(missing)}`);
    for (const n of scanned) {
      const recognised = byPage.get(n)!;
      pages[n - 1] = { ...pages[n - 1]!, text: recognised.text, ocr: true, ocrWords: recognised.words ?? [] };
    }
    const { engine, languages, meanConfidence } = outcome.value;
    ocrRecord = { engine, languages: [...languages], meanConfidence };
  }
  const joined = joinPages(pages);
  if (joined.text.trim() === '' && scanned.length > 0) {
    return err(rejection('no_text', fileName, `no readable text was found (text recognition found none on ${pageList(scanned)})`));
  }
  return ok({
    text: joined.text,
    pdf: { original, pageCount: pages.length, pages: joined.pages, ...(ocrRecord ? { ocr: ocrRecord } : {}) },
  });
}
