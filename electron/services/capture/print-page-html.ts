/**
 * The document both page printers load: the captured bytes decoded, with a <base> so relative links reach the site,
 * a Content-Security-Policy that lets only stylesheets, images and fonts load, and redirects switched off.
 */
import type { PrintablePage } from './types';
import { decodeForPrint } from './print-page-decode';

/** Thrown before any browser is started when the page is not something to print (a PDF is its own rendered copy). */
export class PrintRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintRefusedError';
  }
}

/**
 * Enforced by Blink itself, whatever the host's request filter does: no script, frame, plugin, media, form or
 * connection, and sub-resources only over http(s) or data: — never file:, so a hostile page cannot draw a local
 * file into its printed copy. A page's own CSP (meta) can only narrow this further.
 */
export const PRINT_CSP = [
  "default-src 'none'", 'img-src http: https: data:', "style-src http: https: 'unsafe-inline'", 'font-src http: https: data:',
  "script-src 'none'", "object-src 'none'", "frame-src 'none'", "child-src 'none'", "worker-src 'none'", "connect-src 'none'",
  "media-src 'none'", "manifest-src 'none'", "form-action 'none'",
].join('; ');

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** What to print the bytes as: from the media type ('' is sniffed as the import pipeline does), or a clear refusal. */
export function printKind(page: Pick<PrintablePage, 'url' | 'contentType' | 'bytes'>): 'html' | 'text' {
  const type = page.contentType.split(';')[0]!.trim().toLowerCase();
  if (HTML_TYPES.has(type)) return 'html';
  if (TEXT_TYPES.has(type)) return 'text';
  if (type === '') {
    const head = Buffer.from(page.bytes.subarray(0, 512)).toString('latin1').trimStart();
    if (!head.startsWith('%PDF-')) return head.startsWith('<') ? 'html' : 'text';
  }
  const what = type === 'application/pdf' || type === '' ? 'a PDF, which is its own rendered copy' : `of type ${type}`;
  throw new PrintRefusedError(`${page.url}: only HTML and plain-text pages are printed; this one is ${what}.`);
}

/** The base the analyst's browser resolved relative links against: the page's own <base href> if valid, else its URL. */
function baseHref(html: string, pageUrl: string): string {
  const own = /<base\b[^>]{0,2000}?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html.slice(0, 256 * 1024));
  const href = own ? (own[1] ?? own[2] ?? own[3] ?? '') : '';
  try {
    const resolved = new URL(href.trim(), pageUrl).href;
    return /^https?:/i.test(resolved) ? resolved : pageUrl;
  } catch {
    return pageUrl;
  }
}

/** Our head goes after a leading doctype (and comments or an XML declaration): before it would switch to quirks mode. */
const PROLOGUE = /^\s*(?:(?:<!--[\s\S]*?-->|<\?[^>]*>)\s*)*(?:<!doctype[^>]*>)?/i;

function guardHead(base: string | null): string {
  return `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(PRINT_CSP)}">`
    + (base ? `<base href="${escapeHtml(base)}">` : '');
}

/** A meta refresh would navigate the print away (the host blocks that too, but then prints an aborted load). */
const neutraliseRefresh = (html: string): string => html.replace(/(<meta\b[^>]{0,2000}?\bhttp-equiv\s*=\s*["']?)refresh/gi, '$1x-refresh-off');

/** The HTML to load for `page`: throws PrintRefusedError for anything but HTML and text. */
export function printableHtml(page: PrintablePage): string {
  const kind = printKind(page);
  const text = decodeForPrint(page, kind);
  const web = /^https?:/i.test(page.url);
  if (kind === 'text') {
    return `<!doctype html><html><head>${guardHead(null)}<title>${escapeHtml(page.url)}</title></head><body>`
      + `<pre style="white-space:pre-wrap;overflow-wrap:anywhere;font:10pt/1.45 'DejaVu Sans Mono','Liberation Mono',monospace">`
      + `${escapeHtml(text)}</pre></body></html>`;
  }
  const html = neutraliseRefresh(text);
  const prologue = PROLOGUE.exec(html)![0];
  return `${prologue}${guardHead(web ? baseHref(html, page.url) : null)}${html.slice(prologue.length)}`;
}
