/** Exports a dossier as PDF, Markdown, HTML or JSON. The snapshot is taken at once; only printing is asynchronous. */
import { ok } from '../../../shared/domain/result';
import {
  exportFileName, renderDossierHtml, renderDossierJson, renderDossierMarkdown, sectionHeading, type ResolvedDossier,
} from '../../../shared/dossier';
import { dossierData, resolveForExport } from '../workbench/dossiers';
import { fail, type ServiceResult, type Workbench } from '../workbench/workbench';
import type { PdfPrinter } from './pdf-printer';
import { headingPages } from './toc-pages';

export const DOSSIER_FORMATS = ['pdf', 'md', 'html', 'json'] as const;
export type DossierFormat = (typeof DOSSIER_FORMATS)[number];

const MIME: Record<DossierFormat, string> = {
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
};

export type Progress = (fraction: number, stage: string) => void;

/** A dossier export ready to produce its bytes; everything it needs from the workspace is already captured. */
export interface PreparedExport {
  fileName: string;
  mimeType: string;
  produce(printer: PdfPrinter, progress?: Progress): Promise<Uint8Array>;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function prepareDossierExport(wb: Workbench, dossierId: string, format: DossierFormat): ServiceResult<PreparedExport, 'not_found'> {
  const dossier = wb.state.get('dossiers', dossierId);
  if (!dossier) return fail('not_found', `No dossier with id ${dossierId}.`);
  const resolved = resolveForExport(wb, dossier);
  const fileName = exportFileName(dossier.title, format);
  // Text formats are rendered now, against the state as it is at the moment of the request.
  const text = format === 'md' ? renderDossierMarkdown(resolved)
    : format === 'json' ? renderDossierJson(resolved, dossierData(wb))
    : format === 'html' ? renderDossierHtml(resolved) : null;
  return ok({
    fileName,
    mimeType: MIME[format],
    produce: async (printer, progress) => (text !== null ? utf8(text) : printDossierPdf(resolved, printer, progress)),
  });
}

/**
 * Prints twice: the first pass finds where each section starts (from the PDF outline), the second
 * prints the contents page with those page numbers. The contents have a page of their own and keep their
 * size, so the body lays out the same in both passes (sections flowing or a page each) and the numbers stay
 * true; if they cannot be found the first print is used.
 */
async function printDossierPdf(d: ResolvedDossier, printer: PdfPrinter, progress: Progress = () => {}): Promise<Uint8Array> {
  const meta = { title: d.dossier.title, author: d.dossier.author };
  progress(0.05, 'Rendering');
  const html = renderDossierHtml(d);
  const first = await printer(html, { ...meta, onProgress: (f) => progress(0.1 + 0.4 * f, 'Printing') });
  const headings = [
    ...d.sections.map((s, i) => ({ key: s.anchor, text: sectionHeading(i + 1, s.title) })),
    { key: 'notes', text: 'Notes' }, { key: 'sources', text: 'Sources' },
  ];
  progress(0.5, 'Printing');
  const found = await headingPages(first, headings).catch(() => null);
  if (!found) return first;
  const second = await printer(renderDossierHtml(d, { tocPages: found.pages }), { ...meta, onProgress: (f) => progress(0.55 + 0.4 * f, 'Printing') });
  progress(0.95, 'Writing');
  return second;
}
