/** Frame times while panning the entity graph (Cytoscape) in Chromium, when the renderer has a graph screen at #/graph. */
import type { Browser } from 'playwright-core';
import type { BenchServer } from './browser';
import { roundSummary, summarize, type Summary } from './stats';

export type GraphBenchResult =
  | { available: true; frames: Summary; nodes: number | null; edges: number | null; panMs: number; /** Navigation to #/graph until the first frame with the nodes drawn is on screen. */ settleMs: number }
  | { available: false; reason: string };

/** Cytoscape draws into canvases tagged data-id="layer0-…", "layer1-…", "layer2-node". */
const CYTOSCAPE_CANVAS = 'canvas[data-id^="layer"]';

export async function benchGraph(server: BenchServer, browser: Browser, panMs = 3000): Promise<GraphBenchResult> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const loading = Date.now();
    await page.goto(`${server.url}#/graph`);
    // An app without a graph screen falls back to the library for an unknown route.
    const first = await page.waitForSelector(`[data-testid="graph-screen"], ${CYTOSCAPE_CANVAS}, [data-testid="library"]`, { timeout: 60_000 }).catch(() => null);
    if (!first || (await first.getAttribute('data-testid')) === 'library') return { available: false, reason: 'no graph screen at #/graph (the app showed the library)' };
    const canvas = await page.waitForSelector(CYTOSCAPE_CANVAS, { timeout: 120_000 }).catch(() => null);
    if (!canvas) return { available: false, reason: 'the graph screen showed no Cytoscape canvas within 120 s' };
    // The screen loads the graph, lays it out and draws it: wait for the first frame Cytoscape drew with the nodes in it
    // (`data-drawn`), then for that frame to be on screen.
    const drawn = await page.waitForSelector('[data-testid="graph-canvas"][data-drawn]:not([data-drawn="0"])', { timeout: 120_000 }).catch(() => null);
    if (!drawn) return { available: false, reason: 'the graph canvas drew no frame with nodes within 120 s' };
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    const settleMs = Date.now() - loading;
    await page.waitForTimeout(1000);
    const box = await canvas.boundingBox();
    if (!box) return { available: false, reason: 'the graph canvas has no size' };
    // Count frames in the page while the mouse drags the background (a pan) back and forth.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __framesOn: boolean };
      w.__frames = [];
      w.__framesOn = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (w.__framesOn) requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    });
    // Start near a corner: a drag that starts on the background pans (one that starts on a node would move the node).
    const cx = box.x + Math.min(40, box.width / 4);
    const cy = box.y + Math.min(40, box.height / 4);
    const started = Date.now();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let step = 0; Date.now() - started < panMs; step++) {
      const phase = (step % 40) / 40;
      await page.mouse.move(cx + (1 - Math.cos(phase * 2 * Math.PI)) * box.width * 0.3, cy + Math.sin(phase * 2 * Math.PI) * box.height * 0.2);
    }
    await page.mouse.up();
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __framesOn: boolean };
      w.__framesOn = false;
      return w.__frames.slice(2);
    });
    const size = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="graph-canvas"]');
      const n = (a: string) => (el?.hasAttribute(a) ? Number(el.getAttribute(a)) : null);
      return { nodes: n('data-nodes'), edges: n('data-edges') };
    });
    return { available: true, frames: roundSummary(summarize(frames), 1), ...size, panMs: Date.now() - started, settleMs };
  } finally {
    await page.close();
  }
}
