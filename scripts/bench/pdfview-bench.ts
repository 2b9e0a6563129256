/**
 * The PDF page view in browser mode (issue 16): a generated 300-page PDF imported into a fresh workspace, opened to
 * page 1 (target ≤ 1 s), then scrolled through at a steady pace while frame times (p95 ≤ 33 ms), the JS heap and the
 * live canvases are sampled, to show memory stays bounded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { buildLargePdf } from '../../tests/support/pdf-fixtures';
import { withServerAndBrowser, type BenchServer } from './browser';
import { progress, roundSummary, summarize, type Summary } from './stats';
import { PDFVIEW_PROBE, PDFVIEW_SCROLL, type ProbeState, type ScrollResult } from './pdfview-probe';
import { rendererRssBytes } from './proc-rss';
import { workerHeapBytes } from './worker-heap';

export interface PdfViewBenchResult {
  pages: number;
  pdfBytes: number;
  importMs: number;
  /** In-app route change to the reader → page 1 drawn (`data-rendered=true`), the Pages toggle pressed as soon as it shows. */
  firstPage: Summary;
  /** From pressing the Pages toggle → page 1 drawn (0 when the reader opened in the page view by itself). */
  toggleToFirstPage: Summary;
  /** Medians: the sources.open reply, the PDF bytes (sources.pdfOriginal) reply, after the route change (ms). */
  breakdown: { openReplyMs: number | null; bytesReplyMs: number | null };
  /** requestAnimationFrame intervals while scrolling all pages at `pagesPerSecond`. */
  frames: Summary;
  longFrames: number;
  pagesPerSecond: number;
  scrollS: number;
  /** JSHeapUsedSize (MB): largest sample while scrolling; after a GC at page ~20 and after the last page. */
  heapMaxMb: number;
  heapAfter20PagesMb: number;
  heapAfterAllPagesMb: number;
  /** RSS of the renderer process (DOM, canvas pixels, pdf.js worker): largest sample, and after each GC (Linux only). */
  rendererRssMaxMb: number | null;
  rendererRssAfter20PagesMb: number | null;
  rendererRssAfterAllPagesMb: number | null;
  /** After a GC at each stop (pages 20, 100, 200, last): what stays live as more of the document has been seen. */
  checkpoints: Array<{ page: number; heapMb: number; rendererRssMb: number | null; domNodes: number; workerHeapMb: number | null }>;
  /** Canvases holding pixels (page drawings + thumbnails; and in pages only), and their pixels, at most while scrolling. */
  liveCanvasesMax: number;
  pageCanvasesMax: number;
  canvasMegapixelsMax: number;
  renderedPagesMax: number;
}

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

async function heapBytes(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function importPdf(server: BenchServer, bytes: Uint8Array): Promise<{ id: string; ms: number }> {
  const url = new URL(server.url);
  const t0 = performance.now();
  const r = await fetch(`${url.origin}/api/sources.importFile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-workbench-token': url.searchParams.get('token')! },
    body: JSON.stringify({ fileName: 'large-report.pdf', dataBase64: Buffer.from(bytes).toString('base64') }),
  });
  const j = (await r.json()) as { ok: boolean; value?: { source?: { id: string; pdf?: { pageCount: number } } }; error?: { message: string } };
  const source = j.value?.source;
  if (!j.ok || !source) throw new Error(`bench: importing the PDF failed: ${j.error?.message ?? JSON.stringify(j).slice(0, 300)}`);
  if (!source.pdf) throw new Error('bench: the imported PDF has no page record (source.pdf), so there is no page view to measure');
  return { id: source.id, ms: performance.now() - t0 };
}

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(PDFVIEW_PROBE);
  return page;
}

/** Opens the reader route from the library (after it settled) and waits for page 1 to be drawn. */
async function openToFirstPage(page: Page, server: BenchServer, hash: string): Promise<ProbeState> {
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="library-table"]', { timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.evaluate((h) => (window as unknown as { __pdfViewStart: (h: string) => void }).__pdfViewStart(h), hash);
  await page.waitForFunction(() => (window as unknown as { __pdfView: ProbeState }).__pdfView.done !== null, null, { timeout: 60_000, polling: 50 });
  return page.evaluate(() => (window as unknown as { __pdfView: ProbeState }).__pdfView);
}

/** Scrolls from the current position to `toY` in the page, sampling the heap from here every 500 ms meanwhile. */
async function scrollTo(page: Page, cdp: CDPSession, toY: number, pxPerMs: number, heap: number[], rss: number[]): Promise<ScrollResult> {
  let done = false;
  const run = page.evaluate(`window.__pdfScroll(${toY}, ${pxPerMs})`) as Promise<ScrollResult>;
  void run.finally(() => { done = true; }).catch(() => undefined);
  while (!done) {
    heap.push(await heapBytes(cdp));
    const r = rendererRssBytes();
    if (r !== null) rss.push(r);
    await new Promise((r) => setTimeout(r, 500));
  }
  return run;
}

export async function benchPdfView(browser: Browser, server: BenchServer, pageCount = 300, runs = 5, pagesPerSecond = 4): Promise<PdfViewBenchResult> {
  progress(`  generating a ${pageCount}-page PDF…`);
  const bytes = await buildLargePdf(pageCount);
  const imported = await importPdf(server, bytes);
  const hash = `#/reader/${encodeURIComponent(imported.id)}`;

  const first: number[] = [];
  const toggle: number[] = [];
  const openReply: number[] = [];
  const bytesReply: number[] = [];
  // Run 0 warms the server and the browser's cache of the app bundle and pdf.js worker; it is not counted.
  for (let run = 0; run <= runs; run++) {
    const page = await newPage(browser);
    try {
      const state = await openToFirstPage(page, server, hash);
      if (run > 0) {
        first.push(state.done!);
        toggle.push(state.toggledAt === null ? 0 : state.done! - state.toggledAt);
        if (state.openEnd !== null) openReply.push(state.openEnd);
        if (state.bytesEnd !== null) bytesReply.push(state.bytesEnd);
      }
    } finally {
      await page.close();
    }
  }

  const page = await newPage(browser);
  try {
    await openToFirstPage(page, server, hash);
    await page.evaluate(PDFVIEW_SCROLL);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(1000);
    const pageHeight = await page.evaluate(`window.__pdfPageTop(2) - window.__pdfPageTop(1)`) as number;
    const pxPerMs = (pageHeight * pagesPerSecond) / 1000;
    const heap: number[] = [];
    const rss: number[] = [];
    const afterGc = async (): Promise<{ heap: number; rss: number | null; nodes: number; worker: number | null }> => {
      await page.waitForTimeout(1000); // pages in view finish drawing; pages left behind are freed
      await cdp.send('HeapProfiler.collectGarbage');
      const { nodes } = await cdp.send('Memory.getDOMCounters');
      const worker = await workerHeapBytes(browser, true);
      return { heap: await heapBytes(cdp), rss: rendererRssBytes(), nodes, worker };
    };
    progress(`  scrolling ${pageCount} pages at ${pagesPerSecond} pages/s…`);
    // Stops after pages 20, 100, 200 and the last, each with a GC: the trend of what stays live shows whether memory is bounded.
    const stops = [21, 101, 201].filter((n) => n < pageCount);
    const checkpoints: PdfViewBenchResult['checkpoints'] = [];
    const legs: ScrollResult[] = [];
    const t0 = performance.now();
    for (const stop of [...stops, null]) {
      const toY = (await page.evaluate(stop === null ? 'window.__pdfScrollEnd()' : `window.__pdfPageTop(${stop})`)) as number;
      legs.push(await scrollTo(page, cdp, toY, pxPerMs, heap, rss));
      const after = await afterGc();
      checkpoints.push({
        page: stop === null ? pageCount : stop - 1, heapMb: mb(after.heap), rendererRssMb: after.rss === null ? null : mb(after.rss), domNodes: after.nodes,
        workerHeapMb: after.worker === null ? null : mb(after.worker),
      });
    }
    const scrollS = (performance.now() - t0) / 1000;
    const median = (xs: number[]): number | null => (xs.length ? Math.round(summarize(xs).median) : null);
    const frames = legs.flatMap((l) => l.frames);
    const most = (pick: (l: ScrollResult) => number): number => Math.max(...legs.map(pick));
    const first20 = checkpoints[0]!;
    const last = checkpoints[checkpoints.length - 1]!;
    return {
      pages: pageCount, pdfBytes: bytes.length, importMs: Math.round(imported.ms),
      firstPage: roundSummary(summarize(first), 0), toggleToFirstPage: roundSummary(summarize(toggle), 0),
      breakdown: { openReplyMs: median(openReply), bytesReplyMs: median(bytesReply) },
      frames: roundSummary(summarize(frames), 1), longFrames: frames.filter((f) => f > 33).length, pagesPerSecond, scrollS: Math.round(scrollS),
      heapMaxMb: mb(Math.max(...heap)), heapAfter20PagesMb: first20.heapMb, heapAfterAllPagesMb: last.heapMb,
      rendererRssMaxMb: rss.length ? mb(Math.max(...rss)) : null,
      rendererRssAfter20PagesMb: first20.rendererRssMb, rendererRssAfterAllPagesMb: last.rendererRssMb,
      checkpoints,
      liveCanvasesMax: most((l) => l.canvasesMax),
      pageCanvasesMax: most((l) => l.pageCanvasesMax),
      canvasMegapixelsMax: Math.round(most((l) => l.megapixelsMax) * 10) / 10,
      renderedPagesMax: most((l) => l.renderedMax),
    };
  } finally {
    await page.close();
  }
}

/** `--only pdfview`: its own fresh workspace (the seeded sample article plus the imported PDF), server and browser. */
export async function runPdfViewBench(): Promise<PdfViewBenchResult> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-bench-pdfview-'));
  try {
    return await withServerAndBrowser(workspace, (server, browser) => benchPdfView(browser, server));
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
