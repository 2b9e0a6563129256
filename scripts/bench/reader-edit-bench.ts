/** New highlights in the reader (browser mode): selection → the new mark painted, and the bytes every API call of the edit moved. */
import type { Browser, Page, Request } from 'playwright-core';
import type { BenchServer } from './browser';
import { roundSummary, summarize, type Summary } from './stats';

export interface ReaderEditBenchResult {
  /** Selection made → H pressed → the new mark in the DOM and one frame rendered. */
  paint: Summary;
  /** Request + response body bytes of every API call an edit caused, per edit (median and p95 of the edits). */
  bytes: Summary;
  /** Medians: H pressed → highlights.create sent; that request (server + transfer); the rest is the renderer. */
  breakdown: { requestSentMs: number; createRequestMs: number; renderAfterResponseMs: number };
  /** The API calls one edit made (the last measured one), e.g. ["highlights.create", "history.state"]. */
  calls: string[];
  /** How many edits asked for the whole source again (sources.open). */
  sourcesOpenCalls: number;
  edits: number;
}

/**
 * Runs in the page: selects a few unhighlighted words in a painted paragraph, presses H, and resolves (after
 * the frame holding it) with the time until a mark with a new highlight id is in the DOM.
 */
const EDIT_PROBE = `(async () => {
  const root = document.querySelector('[data-testid="reader-text"]');
  const seen = new Set([...root.querySelectorAll('mark')].map((m) => m.dataset.highlightId));
  const rect = root.closest('[data-testid="reader"]').getBoundingClientRect();
  // A plain (unmarked) run with room for a few words, in a paragraph on screen (else the first rendered one, scrolled to).
  const runs = [...root.querySelectorAll('p > span')].filter((s) => (s.textContent || '').length > 60);
  let span = runs.find((s) => { const r = s.getBoundingClientRect(); return r.top >= rect.top && r.bottom <= rect.bottom; });
  if (!span && runs[0]) {
    runs[0].scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    span = runs[0].isConnected ? runs[0] : undefined;
  }
  if (!span) return { error: 'no unhighlighted run rendered' };
  const node = span.firstChild;
  const text = node.data;
  const from = Math.max(0, text.indexOf(' ', 10) + 1);
  const to = Math.min(text.length, text.indexOf(' ', from + 25) > 0 ? text.indexOf(' ', from + 25) : from + 25);
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  const t0 = performance.now();
  const painted = new Promise((resolve) => {
    const found = () => [...root.querySelectorAll('mark')].some((m) => !seen.has(m.dataset.highlightId));
    const done = () => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/highlights.create') && e.startTime >= t0).pop();
        resolve({ ms: performance.now() - t0, sentMs: api ? api.startTime - t0 : null, apiMs: api ? api.responseEnd - api.startTime : null });
      };
      ch.port2.postMessage(0);
    });
    const mo = new MutationObserver(() => { if (found()) { mo.disconnect(); done(); } });
    mo.observe(root, { childList: true, subtree: true, attributes: true });
  });
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
  return await painted;
})()`;

/** Counts API traffic (request + response bodies) between `start()` and the moment no call has been in flight for a while. */
function wireMeter(page: Page) {
  let calls: { method: string; bytes: number }[] = [];
  let pending = 0;
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/');
  page.on('request', (r) => { if (isApi(r)) pending += 1; });
  const finished = async (r: Request) => {
    if (!isApi(r)) return;
    const s = await r.sizes().catch(() => ({ requestBodySize: 0, responseBodySize: 0 }));
    calls.push({ method: new URL(r.url()).pathname.slice(5), bytes: s.requestBodySize + s.responseBodySize });
    pending -= 1;
  };
  page.on('requestfinished', (r) => void finished(r));
  page.on('requestfailed', (r) => void finished(r));
  return {
    start: () => { calls = []; },
    async settle(quietMs = 300) {
      let quietSince = Date.now();
      while (Date.now() - quietSince < quietMs) {
        if (pending > 0) quietSince = Date.now();
        await page.waitForTimeout(25);
      }
      return calls;
    },
  };
}

export async function benchReaderEdits(server: BenchServer, browser: Browser, sourceId: string, edits = 24): Promise<ReaderEditBenchResult> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const meter = wireMeter(page);
    await page.goto(`${server.url}#/reader/${encodeURIComponent(sourceId)}`);
    await page.waitForSelector('[data-testid="reader-text"] mark', { timeout: 60_000 });
    await meter.settle(500);
    const paint: number[] = [];
    const bytes: number[] = [];
    const sent: number[] = [];
    const api: number[] = [];
    let calls: string[] = [];
    let sourcesOpenCalls = 0;
    // Edit 0 warms up (JIT, the side panel's first queries); it is not counted.
    for (let i = 0; i <= edits; i++) {
      meter.start();
      const r = (await page.evaluate(EDIT_PROBE)) as { ms?: number; sentMs?: number | null; apiMs?: number | null; error?: string };
      if (r.ms === undefined) throw new Error(`bench: reader edit ${i}: ${r.error}`);
      const made = await meter.settle();
      if (!made.some((c) => c.method === 'highlights.create')) throw new Error(`bench: reader edit ${i} made no highlights.create call`);
      if (i === 0) continue;
      paint.push(r.ms);
      if (typeof r.sentMs === 'number' && typeof r.apiMs === 'number') {
        sent.push(r.sentMs);
        api.push(r.apiMs);
      }
      bytes.push(made.reduce((s, c) => s + c.bytes, 0));
      if (made.some((c) => c.method === 'sources.open')) sourcesOpenCalls += 1;
      calls = made.map((c) => c.method);
    }
    const median = (xs: number[]) => Math.round(summarize(xs).median * 10) / 10;
    const breakdown = {
      requestSentMs: median(sent), createRequestMs: median(api), renderAfterResponseMs: Math.round((median(paint) - median(sent) - median(api)) * 10) / 10,
    };
    return { paint: roundSummary(summarize(paint), 1), bytes: roundSummary(summarize(bytes), 0), breakdown, calls, sourcesOpenCalls, edits };
  } finally {
    await page.close();
  }
}

