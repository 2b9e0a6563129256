/** What a printed capture may fetch, its time limit and its PDF settings: one policy for the Electron and headless-Chromium printers. */

/** The whole print (browser start, sub-resources, layout, PDF) gives up after this long unless the caller says otherwise. */
export const PAGE_PRINT_TIMEOUT_MS = 20_000;

/**
 * Share of the time limit spent waiting for sub-resources; after it the load is stopped and what arrived is printed,
 * so one image that never answers cannot cost the whole print.
 */
const LOAD_SHARE = 0.6;

/** How long to wait for sub-resources within a print of `timeoutMs` that started `elapsedMs` ago (never negative). */
export const loadBudgetMs = (timeoutMs: number, elapsedMs = 0): number => Math.max(0, Math.round(timeoutMs * LOAD_SHARE) - elapsedMs);

/**
 * The only sub-resources a printed page loads: what draws it. Scripts are off, so script/xhr/fetch/websocket would be
 * dead weight at best; frames (ad slots and players, blank with scripts off), media, pings and prefetches are left out.
 * Names are Chromium's (Playwright's resourceType and Electron's webRequest agree on these three).
 */
const DRAWING = new Set(['stylesheet', 'image', 'font']);

/** Loopback, private (RFC 1918), link-local, unique-local and unspecified hosts, by name or IP literal. */
export function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::' || h === '::1' || h === '0.0.0.0') return true;
  if (/^(fc|fd)[0-9a-f]{0,2}:/.test(h) || /^fe[89ab][0-9a-f]?:/.test(h)) return true;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
};

export interface PrintRequest {
  url: string;
  method: string;
  /** Chromium's resource type: 'image', 'stylesheet', 'font', 'document'/'mainFrame', 'script', … */
  resourceType: string;
}

/**
 * May the printed copy of the page at `pageUrl` make this request? data: always (inline images cost nothing and go
 * nowhere); otherwise only an http(s) GET for a stylesheet, image or font. A page from a public host may not reach
 * loopback or private addresses (the app's own API in browser mode, a router's admin page): only a page that itself
 * came from such a host (a local test server, an intranet page) may load its sub-resources from there.
 */
export function printRequestAllowed(pageUrl: string, req: PrintRequest): boolean {
  if (req.url.startsWith('data:')) return true;
  if (req.method.toUpperCase() !== 'GET' || !DRAWING.has(req.resourceType)) return false;
  if (!/^https?:\/\//i.test(req.url)) return false;
  const target = hostOf(req.url);
  if (target === null) return false;
  const page = hostOf(pageUrl);
  return !isLocalHost(target) || (page !== null && isLocalHost(page));
}

// ---- PDF settings: A4 with backgrounds, the page's address on top and "Page N of M" below (Chromium's templates). ----

const MARGINS_MM = { top: 14, bottom: 14, left: 10, right: 10 } as const;
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const BAR = 'width:100%;box-sizing:border-box;padding:0 10mm;font-family:\'DejaVu Sans\',\'Liberation Sans\',Arial,sans-serif;'
  + 'font-size:7pt;color:#555;display:flex;justify-content:space-between;gap:4mm;';

/** Header: the address the page came from (escaped: templates are HTML) and what this copy is. */
export function pageHeaderTemplate(url: string): string {
  const cut = url.length > 110 ? `${url.slice(0, 109)}…` : url;
  return `<div style="${BAR}margin-top:5mm;"><span style="overflow:hidden;white-space:nowrap">${escape(cut)}</span>`
    + '<span style="white-space:nowrap">Printed capture, scripts off</span></div>';
}

export function pageFooterTemplate(): string {
  return `<div style="${BAR}margin-bottom:5mm;justify-content:center;"><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** Options for Playwright's page.pdf. */
export function chromiumPagePdfOptions(url: string) {
  const mm = (n: number): string => `${n}mm`;
  return {
    format: 'A4', printBackground: true, displayHeaderFooter: true,
    headerTemplate: pageHeaderTemplate(url), footerTemplate: pageFooterTemplate(),
    margin: { top: mm(MARGINS_MM.top), bottom: mm(MARGINS_MM.bottom), left: mm(MARGINS_MM.left), right: mm(MARGINS_MM.right) },
  };
}

/** The same for Electron's webContents.printToPDF (margins in inches there). */
export function electronPagePdfOptions(url: string) {
  const inches = (n: number): number => n / 25.4;
  return {
    pageSize: 'A4' as const, printBackground: true, displayHeaderFooter: true,
    headerTemplate: pageHeaderTemplate(url), footerTemplate: pageFooterTemplate(),
    margins: { top: inches(MARGINS_MM.top), bottom: inches(MARGINS_MM.bottom), left: inches(MARGINS_MM.left), right: inches(MARGINS_MM.right) },
  };
}
