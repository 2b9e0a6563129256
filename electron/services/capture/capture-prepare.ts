/**
 * Everything a capture does before the workspace is touched: fetch, decode, the import pipeline, page metadata and
 * the printed copy. Pure of storage, so a failure anywhere leaves nothing behind; re-capture reuses it.
 */
import { performance } from 'node:perf_hooks';
import type { CaptureOutcome } from '../../../shared/contract/views-capture';
import type { CaptureFailureDetails, PageMetadata } from '../../../shared/domain/capture';
import type { SourceMeta } from '../../../shared/domain/types';
import { ok, type Result } from '../../../shared/domain/result';
import type { ApiError } from '../../../shared/contract/define';
import { importBytes, type ImportOptions, type ImportedDocument } from '../import';
import { fail } from '../workbench/workbench';
import type { CaptureError, DecodedPage, FetchOptions, FetchedPage, PageFetcher, PagePrinter } from './types';
import { decodePage } from './decode-page';
import { readPageMetadata } from './page-metadata';
import { withHeadDocument } from './page-head';
import { importFileName, kindOfMediaType } from './capture-names';

export interface CaptureDeps {
  fetcher: PageFetcher;
  /** Absent where the host cannot print: the capture is kept without a printed copy (renderError says why). */
  pagePrinter?: PagePrinter;
  fetch?: FetchOptions;
  import?: ImportOptions;
  /** How long printing may take before the capture goes on without a printed copy; default 60 s. */
  printTimeoutMs?: number;
}

export const NO_PRINTER = 'printing is not available in this host';

/** A page fetched and extracted, not yet printed or stored. */
export interface PreparedCapture {
  page: FetchedPage;
  /** The text and metadata as the source will hold them (meta.url = canonical || final URL). */
  doc: ImportedDocument;
  charset: string;
  charsetSource: DecodedPage['charsetSource'];
  pageMeta: PageMetadata;
  fetchMs: number;
  extractMs: number;
}

export interface PrintedCopy {
  bytes: Uint8Array | null;
  error?: string;
  renderMs: number;
}

export type CaptureFailure = ApiError<'capture_failed' | 'import_rejected'>;

/** Where a capture's time went, from `t0` (when it started) to now; the printing time is measured by printCapture. */
export function captureTimings(p: PreparedCapture, t0: number, renderMs: number): CaptureOutcome['timings'] {
  return {
    fetchMs: Math.round(p.fetchMs), extractMs: Math.round(p.extractMs), renderMs: Math.round(renderMs),
    totalMs: Math.round(performance.now() - t0),
  };
}

export const emptyPageMetadata = (): PageMetadata => ({
  title: '', authors: [], publisher: '', publishedAt: '', modifiedAt: '', language: '', canonicalUrl: '', found: [],
});

export function captureFailed(e: Omit<CaptureError, 'message'> & { message: string }): { ok: false; error: CaptureFailure } {
  const details: CaptureFailureDetails = { reason: e.reason, url: e.url, ...(e.status !== undefined ? { status: e.status } : {}) };
  return fail('capture_failed', e.message, details);
}

/** The URL as WHATWG parses it, or the capture_failed the fetcher would give (checked here so nothing is fetched). */
export function parseCaptureUrl(raw: string): Result<string, CaptureFailure> {
  const text = raw.trim();
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return captureFailed({ reason: 'invalid_url', url: text, message: `${text}: not a valid web address` });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return captureFailed({ reason: 'unsupported_scheme', url: u.href, message: `${u.href}: only http and https addresses can be captured` });
  }
  return ok(u.href);
}

/** Fills what the import left empty from what the page says about itself; the address is always the page's own. */
function mergeMeta(imported: SourceMeta, page: PageMetadata, finalUrl: string): SourceMeta {
  return {
    title: imported.title || page.title,
    authors: imported.authors.length ? [...imported.authors] : [...page.authors],
    publisher: imported.publisher || page.publisher,
    publishedAt: imported.publishedAt || page.publishedAt,
    language: imported.language || page.language,
    url: page.canonicalUrl || finalUrl,
  };
}

/** Fetch → decode → re-encode as UTF-8 → importBytes → page metadata. Nothing is written anywhere. */
export async function prepareCapture(url: string, deps: CaptureDeps): Promise<Result<PreparedCapture, CaptureFailure>> {
  const parsed = parseCaptureUrl(url);
  if (!parsed.ok) return parsed;
  const t0 = performance.now();
  const fetched = await deps.fetcher(parsed.value, deps.fetch);
  if (!fetched.ok) return captureFailed(fetched.error);
  return prepareFetched(fetched.value, performance.now() - t0, deps);
}

/**
 * The part after the bytes are in hand (shared with the browser extension, whose page arrives posted): dispatch on
 * the media type, decode, import, read the page's metadata.
 */
export async function prepareFetched(
  page: FetchedPage, fetchMs: number, deps: Pick<CaptureDeps, 'import'>,
): Promise<Result<PreparedCapture, CaptureFailure>> {
  const t1 = performance.now();
  const kind = kindOfMediaType(page.contentType, page.bytes);
  if (kind === null) {
    return captureFailed({ reason: 'unsupported_type', url: page.finalUrl,
      message: `${page.finalUrl}: the server sent ${page.contentType}, which cannot be imported (HTML, PDF and plain text can)` });
  }
  let decoded: DecodedPage | null = null;
  let input: Uint8Array;
  if (kind === 'pdf') {
    // importBytes may take ownership of (detach) what it is given; the raw bytes must stay intact for the blob.
    input = page.bytes.slice();
  } else {
    try {
      decoded = decodePage(page.bytes, page.contentType, page.headerCharset);
    } catch (e) {
      return captureFailed({ reason: 'decode', url: page.finalUrl, message: `${page.finalUrl}: the page could not be decoded (${(e as Error).message})` });
    }
    input = new TextEncoder().encode(decoded.text);
  }
  const fileName = importFileName(page.finalUrl, kind);
  const imported = await importBytes(fileName, input, deps.import);
  if (!imported.ok) {
    // The pipeline names the file it was given; the analyst gave an address.
    const detail = imported.error.message.startsWith(`${fileName}: `) ? imported.error.message.slice(fileName.length + 2) : imported.error.message;
    return fail('import_rejected', `${page.finalUrl}: ${detail}`, { reason: imported.error.reason, fileName: '' });
  }
  // Metadata from a document of the head only (see page-head.ts): the whole page was already parsed once, inside the
  // import worker's limits; parsing it again here, on the host's thread, could take seconds for a large page.
  const html = kind === 'html' ? decoded?.text ?? '' : '';
  const pageMeta = html ? await withHeadDocument(html, (doc) => readPageMetadata(doc, page.finalUrl)) : emptyPageMetadata();
  const doc: ImportedDocument = { ...imported.value, meta: mergeMeta(imported.value.meta, pageMeta, page.finalUrl) };
  return ok({
    page, doc, pageMeta,
    charset: decoded?.charset ?? '', charsetSource: decoded?.charsetSource ?? 'none',
    fetchMs, extractMs: performance.now() - t1,
  });
}

/** The printed copy, or why there is none: printing failing never fails the capture. */
export async function printCapture(prepared: PreparedCapture, deps: Pick<CaptureDeps, 'pagePrinter' | 'printTimeoutMs'>): Promise<PrintedCopy> {
  const t0 = performance.now();
  if (prepared.doc.kind === 'pdf') return { bytes: null, error: 'the page is a PDF: its raw bytes are what the analyst saw', renderMs: 0 };
  if (!deps.pagePrinter) return { bytes: null, error: NO_PRINTER, renderMs: 0 };
  const { page } = prepared;
  try {
    const bytes = await deps.pagePrinter(
      { url: page.finalUrl, contentType: page.contentType || 'text/html', bytes: page.bytes, headerCharset: page.headerCharset },
      { timeoutMs: deps.printTimeoutMs ?? 60_000 },
    );
    return { bytes, renderMs: performance.now() - t0 };
  } catch (e) {
    return { bytes: null, error: `printing failed: ${(e as Error).message}`, renderMs: performance.now() - t0 };
  }
}


