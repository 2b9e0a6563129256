/** What the extension posts becomes a capture: the page through the URL-capture path, the selection a highlight. */
import { z } from 'zod';
import { anchorHighlight } from '../../../shared/anchoring';
import type { CaptureMethod } from '../../../shared/domain/capture';
import type { CaptureOutcome } from '../../../shared/contract/views-capture';
import type { Workbench, ServiceResult } from '../workbench/workbench';
import { createHighlight } from '../workbench/highlights';
import type { FetchedPage, PagePrinter } from './types';
import { captureFetched } from './capture-url';

/** The capture path shared with "Import from URL": everything after the bytes are in hand (capture-url.ts). */
export type CaptureFetched = (
  wb: Workbench, page: FetchedPage, opts: { method: CaptureMethod; userAgent: string },
) => Promise<ServiceResult<CaptureOutcome>>;

/** The URL-capture path (capture-url.ts: decode, import checks and limits, metadata, print, one commit) for a page in hand. */
export function captureFetchedWith(deps: { pagePrinter?: PagePrinter }): CaptureFetched {
  return (wb, page, how) => captureFetched(wb, page, { ...how, deps });
}

const httpUrl = z.string().max(8000, 'the page address is longer than 8,000 characters').refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'only http and https pages can be sent (not browser pages, files or data: URLs)');

/** The extension's request body; anything else is refused before the import starts. */
export const postedPageSchema = z.object({
  url: httpUrl,
  title: z.string().max(2000),
  html: z.string().min(1, 'the page is empty'),
  userAgent: z.string().max(1000).optional(),
  selection: z.object({
    exact: z.string().min(1, 'the selection is empty').max(100_000, 'the selection is longer than 100,000 characters'),
    prefix: z.string().max(1000),
    suffix: z.string().max(1000),
  }).strict().nullable().optional(),
}).strict();

export type PostedPage = z.infer<typeof postedPageSchema>;

export type HighlightOutcome = { ok: true; id: string } | { ok: false; message: string };

export interface ExtensionCaptureReply {
  ok: true;
  source: { id: string; title: string };
  duplicate: boolean;
  /** Null when no selection was sent. A selection that cannot be placed is reported here; the page stays imported. */
  highlight: HighlightOutcome | null;
}

/**
 * The posted DOM as a fetched page: its bytes are the serialised DOM (UTF-8, text/html), its address the tab's, and
 * it has no HTTP status or headers. It then takes the same path as a page the workbench fetched itself.
 */
export function postedAsFetched(page: PostedPage, receivedAt: string): FetchedPage {
  return {
    requestedUrl: page.url, finalUrl: page.url, redirects: [], status: 0, headers: {},
    contentType: 'text/html', headerCharset: 'utf-8', bytes: new TextEncoder().encode(page.html), receivedAt,
  };
}

const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Places the selection in the text extracted from the page (quote and context, the anchoring rules) and highlights it. */
export function highlightSelection(wb: Workbench, sourceId: string, selection: NonNullable<PostedPage['selection']>): HighlightOutcome {
  const source = wb.state.get('sources', sourceId);
  const text = source ? wb.store.texts.get(source.contentHash) : null;
  if (!source || text === null) return { ok: false, message: 'the imported text could not be read back.' };
  const quote = { type: 'TextQuoteSelector' as const, ...selection };
  const at = anchorHighlight(text, { quote });
  if (at.status === 'orphan') {
    return {
      ok: false,
      message: `the selected text “${clip(selection.exact.trim())}” is not in the text the workbench kept from this page `
        + '(it keeps the article, not menus, captions or comments). Select it in the workbench\'s reader instead.',
    };
  }
  const made = createHighlight(wb, { sourceId, start: at.start, end: at.end, color: 'yellow', tagIds: [], note: '' });
  return made.ok ? { ok: true, id: made.value.id } : { ok: false, message: made.error.message };
}

/** Imports a posted page (and highlights its selection); a failed import stores nothing and is returned as is. */
export async function importPostedPage(
  wb: Workbench, page: PostedPage, opts: { captureFetched: CaptureFetched; userAgentHeader?: string },
): Promise<ServiceResult<ExtensionCaptureReply>> {
  const fetched = postedAsFetched(page, new Date().toISOString());
  const userAgent = page.userAgent ?? opts.userAgentHeader ?? '';
  const captured = await opts.captureFetched(wb, fetched, { method: 'extension', userAgent });
  if (!captured.ok) return captured;
  const { source, duplicate } = captured.value;
  const highlight = page.selection ? highlightSelection(wb, source.id, page.selection) : null;
  return { ok: true, value: { ok: true, source: { id: source.id, title: source.meta.title }, duplicate, highlight } };
}
