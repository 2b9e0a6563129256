/**
 * Capture by URL: prepare (fetch, decode, import, metadata), print, then store in one step — capture files written
 * durably before the one transaction that puts the source with its provenance record. Any failure stores nothing.
 */
import { performance } from 'node:perf_hooks';
import type { BlobRef, CaptureMethod, CaptureRecord } from '../../../shared/domain/capture';
import type { CaptureOutcome } from '../../../shared/contract/views-capture';
import { ok } from '../../../shared/domain/result';
import { hashText } from '../store/texts';
import { addDocument } from '../workbench/sources';
import type { ServiceResult, Workbench } from '../workbench/workbench';
import {
  captureTimings, prepareCapture, prepareFetched, printCapture, type CaptureDeps, type CaptureFailure, type PreparedCapture, type PrintedCopy,
} from './capture-prepare';
import type { FetchedPage } from './types';
import { importFileName } from './capture-names';
import type { Result } from '../../../shared/domain/result';

export type { CaptureDeps } from './capture-prepare';

/**
 * Writes the raw bytes and the printed copy (durably, content-addressed) and returns the provenance record that
 * refers to them. Call it only once the source is known to be new: these files are then referenced by the commit
 * that follows; if that commit fails they are at most unreferenced, never a source without its files.
 */
export function writeCaptureRecord(
  wb: Workbench, prepared: PreparedCapture, printed: PrintedCopy, textSha256: string,
  how: { method: CaptureMethod; userAgent: string } = { method: 'url', userAgent: '' },
): CaptureRecord {
  const { page } = prepared;
  const raw: BlobRef = wb.store.captures.put(page.bytes, page.contentType || mediaTypeOf(prepared));
  const rendered = printed.bytes ? wb.store.captures.put(printed.bytes, 'application/pdf') : null;
  const headers = Object.fromEntries(Object.entries(page.headers).filter(([k]) => k.toLowerCase() !== 'set-cookie'));
  return {
    method: how.method, requestedUrl: page.requestedUrl, finalUrl: page.finalUrl, redirects: page.redirects.map((r) => ({ ...r })),
    status: page.status, headers, capturedAt: page.receivedAt, contentType: page.contentType || mediaTypeOf(prepared),
    charset: prepared.charset, charsetSource: prepared.charsetSource, raw, textSha256, rendered,
    ...(printed.error ? { renderError: printed.error } : {}),
    page: prepared.pageMeta, userAgent: how.userAgent,
  };
}

/** A server that named no media type: what the bytes were imported as. */
function mediaTypeOf(prepared: PreparedCapture): string {
  switch (prepared.doc.kind) {
    case 'pdf': return 'application/pdf';
    case 'html': return 'text/html';
    case 'markdown': return 'text/markdown';
    default: return 'text/plain';
  }
}

/**
 * Captures one URL as a new source. Identical text already in the workspace → that source, duplicate: true, and
 * nothing stored (checked before printing, and again at the commit) — except a PDF that is an older text-only source
 * (same text, or same name and nearly the same text: pdf-upgrade.ts), which gives that source its pages and this
 * capture's record (duplicate: true, `upgraded` set). Errors: capture_failed (CaptureFailureDetails),
 * import_rejected, storage_failed — each with nothing stored.
 */
export async function captureUrl(
  wb: Workbench, url: string, deps: CaptureDeps,
): Promise<ServiceResult<CaptureOutcome, 'capture_failed' | 'import_rejected'>> {
  const t0 = performance.now();
  return storeCapture(wb, await prepareCapture(url, deps), t0, { method: 'url', userAgent: '' }, deps);
}

/**
 * A page already in hand (the browser extension's posted DOM) as a new source, by the same path as captureUrl.
 * Matches extension-capture.ts's CaptureFetched; `deps` carries the page printer.
 */
export async function captureFetched(
  wb: Workbench, page: FetchedPage,
  opts: { method: CaptureMethod; userAgent: string; deps?: Omit<CaptureDeps, 'fetcher'> },
): Promise<ServiceResult<CaptureOutcome, 'capture_failed' | 'import_rejected'>> {
  const t0 = performance.now();
  const deps = opts.deps ?? {};
  return storeCapture(wb, await prepareFetched(page, 0, deps), t0, opts, deps);
}

async function storeCapture(
  wb: Workbench, prepared: Result<PreparedCapture, CaptureFailure>, t0: number,
  how: { method: CaptureMethod; userAgent: string }, deps: Omit<CaptureDeps, 'fetcher'>,
): Promise<ServiceResult<CaptureOutcome, 'capture_failed' | 'import_rejected'>> {
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const textSha256 = hashText(p.doc.text);
  const timings = (renderMs: number) => captureTimings(p, t0, renderMs);
  const existing = wb.state.all('sources').find((s) => s.contentHash === textSha256);
  // A PDF whose text is an older text-only PDF source gives that source its pages (addDocument → pdf-upgrade.ts).
  const upgrades = existing?.kind === 'pdf' && !existing.pdf && p.doc.pdf !== undefined;
  if (existing && !upgrades) return ok({ source: existing, duplicate: true, timings: timings(0) });
  const printed = await printCapture(p, deps);
  const added = addDocument(wb, p.doc, '', {
    attach: (hash) => ({ capture: writeCaptureRecord(wb, p, printed, hash, { method: how.method, userAgent: how.userAgent }) }),
    // The name the import saw (the URL's last segment): matched against the old source's file name, as a re-import is.
    upgradeName: importFileName(p.page.finalUrl, p.doc.kind),
  });
  if (!added.ok) return added;
  return ok({ ...added.value, timings: timings(printed.renderMs) });
}
