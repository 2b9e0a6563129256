/** PDF import via pdf.js (legacy build, main-thread "fake" worker): text, size and rotation page by page, info-dict metadata. */
import type { PDFDocumentProxy, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import type { SourceMeta } from '../../../shared/domain/types';
import { err, ok, type Result } from '../../../shared/domain/result';
import { emptyMeta } from './types';
import { pageItemsToText } from './pdfText';
import { pdfBytesMentionJavaScript } from './pdfJavaScript';

export type PdfFailure =
  | { reason: 'malformed_pdf'; detail: string }
  | { reason: 'pdf_javascript'; detail: string };

/** One page as read: its text (pageItemsToText, not yet normalised) and how it is displayed. */
export interface PdfPageRead {
  text: string;
  /** Displayed size in points, the page's /Rotate applied. */
  width: number;
  height: number;
  rotation: number;
  /** No text layer but images painted: a scanned page, for optical character recognition. */
  scanned: boolean;
}

export interface PdfImport {
  pages: PdfPageRead[];
  meta: SourceMeta;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<PdfJs> | null = null;

/** Loads pdf.js once; registering the worker module globally makes pdf.js run it in-process instead of fetching it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

class TimeoutError extends Error {}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const isTextItem = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

async function hasJavaScriptActions(doc: PDFDocumentProxy): Promise<boolean> {
  if (await doc.getJSActions()) return true;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    if (await page.getJSActions()) return true;
    const annotations: Array<{ actions?: unknown }> = await page.getAnnotations();
    if (annotations.some((a) => a.actions)) return true;
  }
  return false;
}

/** pdf.js operators that paint an image: a page with one of these and no text is a scan (a blank page is not). */
function imageOps(pdfjs: PdfJs): Set<number> {
  const o = pdfjs.OPS;
  return new Set([
    o.paintImageXObject, o.paintInlineImageXObject, o.paintImageMaskXObject, o.paintImageXObjectRepeat,
    o.paintInlineImageXObjectGroup, o.paintImageMaskXObjectGroup, o.paintImageMaskXObjectRepeat, o.paintSolidColorImageMask,
  ]);
}

async function readPages(doc: PDFDocumentProxy, pdfjs: PdfJs): Promise<PdfPageRead[]> {
  const pages: PdfPageRead[] = [];
  const paintsImage = imageOps(pdfjs);
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = pageItemsToText(content.items.filter(isTextItem));
    // getViewport applies the page's /Rotate by default: the size is that of the page as displayed.
    const { width, height } = page.getViewport({ scale: 1 });
    // Only text-less pages pay for the operator list (it is how a scan is told from a deliberately blank page).
    const scanned = text.trim() === '' && (await page.getOperatorList()).fnArray.some((fn) => paintsImage.has(fn));
    pages.push({ text, width, height, rotation: page.rotate, scanned });
    page.cleanup();
  }
  return pages;
}

async function readMeta(doc: PDFDocumentProxy): Promise<SourceMeta> {
  const meta = emptyMeta();
  const { info } = await doc.getMetadata();
  const dict = (info ?? {}) as Record<string, unknown>;
  const field = (key: string): string => (typeof dict[key] === 'string' ? (dict[key] as string).trim() : '');
  meta.title = field('Title');
  meta.authors = field('Author') === '' ? [] : field('Author').split(/\s*;\s*|\s+and\s+/).filter(Boolean);
  // CreationDate is deliberately not used as publishedAt: it is when the file was made, often not published.
  meta.language = field('Language');
  return meta;
}

/**
 * Opens and reads the PDF; malformed or stuck input is refused within `openTimeoutMs`.
 * `skipByteScan` exists so tests can reach the second line of defence (pdf.js's own action lists).
 */
export async function importPdf(
  bytes: Uint8Array,
  openTimeoutMs: number,
  { skipByteScan = false }: { skipByteScan?: boolean } = {},
): Promise<Result<PdfImport, PdfFailure>> {
  if (!skipByteScan && pdfBytesMentionJavaScript(bytes)) {
    return err({ reason: 'pdf_javascript', detail: 'the PDF contains JavaScript, which is not accepted' });
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A fresh plain Uint8Array: pdf.js refuses Node Buffers and takes ownership of (may detach) what it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    enableXfa: false,
  });
  try {
    const doc = await withTimeout(task.promise, openTimeoutMs, 'opening the PDF');
    // Reading is allowed more time than opening: large valid documents are slow, not broken.
    const read = async (): Promise<Result<PdfImport, PdfFailure>> => {
      if (await hasJavaScriptActions(doc)) {
        return err({ reason: 'pdf_javascript', detail: 'the PDF contains JavaScript, which is not accepted' });
      }
      return ok({ pages: await readPages(doc, pdfjs), meta: await readMeta(doc) });
    };
    return await withTimeout(read(), openTimeoutMs * 12, 'reading the PDF');
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const detail = name === 'PasswordException'
      ? 'the PDF is password-protected'
      : error instanceof Error ? error.message : String(error);
    return err({ reason: 'malformed_pdf', detail: `not a valid PDF (${detail})` });
  } finally {
    void task.destroy().catch(() => undefined);
  }
}
