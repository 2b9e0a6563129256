/** How the CLI describes a PDF's pages and an older text-only source given its pages (file import and URL capture alike). */
import type { Source } from '../../../shared/domain/types';
import type { PdfUpgrade } from '../../../shared/contract/views-pdf';

/** What a PDF brought: "12 pages" or "12 pages, 3 recognised by OCR (tesseract.js 7.0.0, eng+tur)". */
export function pagesNote(source: Source): string {
  const pdf = source.pdf;
  if (!pdf) return '';
  const recognised = pdf.pages.filter((p) => p.ocr).length;
  const pages = `${pdf.pageCount} page${pdf.pageCount === 1 ? '' : 's'}`;
  return recognised === 0 || !pdf.ocr ? pages
    : `${pages}, ${recognised} recognised by OCR (${pdf.ocr.engine}, ${pdf.ocr.languages.join('+')}, mean confidence ${Math.round(pdf.ocr.meanConfidence)}%)`;
}

/**
 * "<what>: gave “title” (id) its pages (N pages); C highlights carried, O orphaned<tail>", then one line per orphan.
 * `what` is the file or the URL; `tail` e.g. a capture's " in 1.2 s".
 */
export function upgradedLines(what: string, source: Source, upgraded: PdfUpgrade, tail = ''): string {
  const { carried, orphans } = upgraded;
  const lines = [`${what}: gave “${source.meta.title}” (${source.id}) its pages (${pagesNote(source)}); ` +
    `${carried} highlight${carried === 1 ? '' : 's'} carried, ${orphans.length} orphaned${tail}`];
  // Orphans are kept, not lost: name them so the analyst can find them in the reader.
  for (const o of orphans) lines.push(`  orphan ${o.id}: “${o.exact.length > 80 ? `${o.exact.slice(0, 79)}…` : o.exact}”`);
  return lines.join('\n');
}
