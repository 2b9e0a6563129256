/** Reader first paint in browser mode: the 1 MB source with its highlights, from route change until paragraphs and marks are painted. */
import type { Browser, Page } from 'playwright-core';
import type { BenchServer } from './browser';
import { roundSummary, summarize, type Summary } from './stats';
import { benchReaderEdits, type ReaderEditBenchResult } from './reader-edit-bench';

export interface ReaderBenchResult {
  /** In-app navigation (library → reader route), fresh page each time: the figure held against the target. */
  firstPaint: Summary;
  /** Cold load of the reader URL in a new page: navigation start → marks painted (includes loading the app). */
  coldLoad: Summary;
  /** Where the time goes (medians): route change → sources.open request sent; the request (server + transfer); the rest is rendering. */
  breakdown: { requestSentMs: number; sourcesOpenRequestMs: number; renderAfterResponseMs: number };
  /** Diagnostic: new page on the app URL until the library table (all sources) is shown. */
  libraryLoad: Summary;
  marksPainted: number;
  paragraphsInDom: number;
  highlights: number;
  textLength: number;
  /** New highlights made in the open reader (selection → mark painted, bytes over the wire per edit). */
  edits: ReaderEditBenchResult;
}

/**
 * Installed before the app's scripts. `watch()` waits (MutationObserver) for the first
 * `[data-testid="reader-text"] mark`, then for one requestAnimationFrame and a message posted from it:
 * that message runs after the frame holding the marks was rendered, so it approximates "painted".
 * A load straight to a reader URL is timed from navigation start (performance.now() origin).
 */
const PAINT_PROBE = `
(() => {
  const SEL = '[data-testid="reader-text"] mark';
  const state = { t0: 0, done: null, marks: 0, paragraphs: 0, apiStart: null, apiEnd: null };
  window.__readerBench = state;
  const finish = () => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      state.done = performance.now() - state.t0;
      state.marks = document.querySelectorAll(SEL).length;
      state.paragraphs = document.querySelectorAll('[data-testid="reader-text"] p').length;
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/sources.open') && e.startTime >= state.t0).pop();
      if (api) { state.apiStart = api.startTime - state.t0; state.apiEnd = api.responseEnd - state.t0; }
    };
    ch.port2.postMessage(0);
  });
  const watch = () => {
    if (document.querySelector(SEL)) return finish();
    const mo = new MutationObserver(() => { if (document.querySelector(SEL)) { mo.disconnect(); finish(); } });
    mo.observe(document, { childList: true, subtree: true });
  };
  window.__readerBenchStart = (hash) => { state.t0 = performance.now(); state.done = null; watch(); location.hash = hash; };
  if (location.hash.startsWith('#/reader/')) watch();
})();
`;

type ProbeState = { done: number | null; marks: number; paragraphs: number; apiStart: number | null; apiEnd: number | null };

async function waitProbe(page: Page): Promise<ProbeState> {
  await page.waitForFunction(() => (window as unknown as { __readerBench: ProbeState }).__readerBench.done !== null, null, { timeout: 60_000, polling: 50 });
  return page.evaluate(() => (window as unknown as { __readerBench: ProbeState }).__readerBench);
}

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(PAINT_PROBE);
  return page;
}

export async function benchReader(
  server: BenchServer, browser: Browser, source: { id: string; highlights: number; textLength: number }, runs = 5, coldRuns = 3,
): Promise<ReaderBenchResult> {
  const hash = `#/reader/${encodeURIComponent(source.id)}`;
  const warm: number[] = [];
  const cold: number[] = [];
  let last: ProbeState = { done: null, marks: 0, paragraphs: 0, apiStart: null, apiEnd: null };
  const apiStart: number[] = [];
  const apiMs: number[] = [];
  // Run 0 warms the server (text cache, JIT) and the browser's HTTP cache of the app bundle; it is not counted.
  const library: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const page = await newPage(browser);
    try {
      const t0 = Date.now();
      await page.goto(server.url);
      await page.waitForSelector('[data-testid="library-table"]', { timeout: 60_000 });
      if (run > 0) library.push(Date.now() - t0);
      await page.waitForTimeout(300); // the library settles (its list request done) before the user clicks
      await page.evaluate((h) => (window as unknown as { __readerBenchStart: (h: string) => void }).__readerBenchStart(h), hash);
      last = await waitProbe(page);
      if (run > 0) {
        warm.push(last.done!);
        if (last.apiStart !== null && last.apiEnd !== null) {
          apiStart.push(last.apiStart);
          apiMs.push(last.apiEnd - last.apiStart);
        }
      }
    } finally {
      await page.close();
    }
    if (run === 0 || run > coldRuns) continue;
    const coldPage = await newPage(browser);
    try {
      await coldPage.goto(`${server.url}${hash}`, { waitUntil: 'commit' });
      const state = await waitProbe(coldPage);
      cold.push(state.done!);
    } finally {
      await coldPage.close();
    }
  }
  if (last.marks === 0) throw new Error('bench: the reader painted no highlight marks');
  const edits = await benchReaderEdits(server, browser, source.id);
  return {
    firstPaint: roundSummary(summarize(warm), 1), coldLoad: roundSummary(summarize(cold), 1),
    breakdown: {
      requestSentMs: Math.round(summarize(apiStart).median),
      sourcesOpenRequestMs: Math.round(summarize(apiMs).median),
      renderAfterResponseMs: Math.round(summarize(warm).median - summarize(apiStart).median - summarize(apiMs).median),
    },
    libraryLoad: roundSummary(summarize(library), 0),
    marksPainted: last.marks, paragraphsInDom: last.paragraphs, highlights: source.highlights, textLength: source.textLength, edits,
  };
}
