/** Finds the page each dossier section starts on, from the outline Chromium writes into the PDF (via pdf.js). */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;

/** pdf.js with its worker registered globally, so it runs in-process instead of fetching a worker file. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

interface OutlineEntry {
  title: string;
  page: number | null;
}

type OutlineNode = { title: string; dest: string | unknown[] | null; items: OutlineNode[] };

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

async function pageOf(doc: PDFDocumentProxy, dest: OutlineNode['dest']): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  const ref = explicit?.[0];
  if (ref && typeof ref === 'object') return (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
  if (typeof ref === 'number') return ref + 1;
  return null;
}

async function flatten(doc: PDFDocumentProxy, nodes: OutlineNode[], out: OutlineEntry[]): Promise<void> {
  for (const n of nodes) {
    out.push({ title: norm(n.title), page: await pageOf(doc, n.dest) });
    await flatten(doc, n.items ?? [], out);
  }
}

/**
 * The start page of each heading, matched in document order by its exact text. Returns null when any
 * heading is not found (the contents page then shows no numbers rather than wrong ones).
 */
export async function headingPages(pdf: Uint8Array, headings: Array<{ key: string; text: string }>): Promise<{ pages: Record<string, number>; pageCount: number } | null> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const doc = await pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const entries: OutlineEntry[] = [];
    await flatten(doc, ((await doc.getOutline()) ?? []) as OutlineNode[], entries);
    const pages: Record<string, number> = {};
    let from = 0;
    for (const h of headings) {
      const want = norm(h.text);
      const at = entries.findIndex((e, i) => i >= from && e.title === want && e.page !== null);
      if (at < 0) return null;
      pages[h.key] = entries[at]!.page!;
      from = at + 1;
    }
    return { pages, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
