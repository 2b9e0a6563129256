/**
 * In-page scripts of the page-view bench (pdfview-bench.ts), kept as strings so the bundler cannot rewrite them:
 * the first-page probe (installed before the app loads) and the steady scroll with its frame and canvas sampling.
 */

export interface ProbeState {
  /** ms from the route change to the frame after page 1 got `data-rendered=true`; null until then. */
  done: number | null;
  /** When the sources.open and sources.pdfOriginal replies had arrived (ms after the route change; resource timing). */
  openEnd: number | null;
  bytesEnd: number | null;
  /** ms from the route change to pressing the Pages toggle; null when the reader opened in the page view itself. */
  toggledAt: number | null;
}

export interface ScrollResult {
  frames: number[];
  /** Canvases holding pixels (width × height > 0): all, and those inside pages (the rest are thumbnails). */
  canvasesMax: number;
  pageCanvasesMax: number;
  megapixelsMax: number;
  renderedMax: number;
}

/**
 * `__pdfViewStart(hash)` changes the route and watches the DOM: if the text view shows first, the Pages toggle is
 * pressed at once (as a user who wants the pages would); when page 1 is drawn it waits one animation frame and a
 * posted message (which runs after that frame was produced) before taking the time.
 */
export const PDFVIEW_PROBE = `
(() => {
  const PAGE1 = '[data-testid="pdf-page"][data-page="1"][data-rendered="true"]';
  const state = { t0: 0, done: null, toggledAt: null, openEnd: null, bytesEnd: null };
  window.__pdfView = state;
  const replyEnd = (method) => {
    const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/' + method) && r.startTime >= state.t0).pop();
    return e ? e.responseEnd - state.t0 : null;
  };
  const finish = () => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      state.done = performance.now() - state.t0;
      state.openEnd = replyEnd('sources.open');
      state.bytesEnd = replyEnd('sources.pdfOriginal');
    };
    ch.port2.postMessage(0);
  });
  const check = () => {
    if (document.querySelector(PAGE1)) return true;
    if (state.toggledAt === null && !document.querySelector('[data-testid="pdf-view"]')) {
      const toggle = document.querySelector('[data-testid="reader-view-pages"]');
      if (toggle) { state.toggledAt = performance.now() - state.t0; toggle.click(); }
    }
    return false;
  };
  const watch = () => {
    if (check()) return finish();
    const mo = new MutationObserver(() => { if (check()) { mo.disconnect(); finish(); } });
    mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
  };
  window.__pdfViewStart = (hash) => {
    Object.assign(state, { t0: performance.now(), done: null, toggledAt: null, openEnd: null, bytesEnd: null });
    watch();
    location.hash = hash;
  };
})();
`;

/**
 * `__pdfScroll(toY, pxPerMs)` moves the page view's scrollTop with the clock (not per frame, so slow frames do not
 * slow the pace) until toY, recording every requestAnimationFrame interval; every 6th frame it counts the canvases
 * holding pixels (in pages, and all), their pixels and the pages marked drawn.
 */
export const PDFVIEW_SCROLL = `
(() => {
  const view = () => {
    const el = document.querySelector('[data-testid="pdf-view"]');
    if (!el) throw new Error('no [data-testid=pdf-view] on the page');
    return el;
  };
  window.__pdfPageTop = (n) => {
    const el = view();
    const p = el.querySelector('[data-testid="pdf-page"][data-page="' + n + '"]');
    if (!p) throw new Error('page ' + n + ' has no [data-testid=pdf-page] element');
    return p.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
  };
  window.__pdfScrollEnd = () => view().scrollHeight - view().clientHeight;
  window.__pdfScroll = (toY, pxPerMs) => new Promise((resolve) => {
    const el = view();
    const fromY = el.scrollTop;
    const out = { frames: [], canvasesMax: 0, pageCanvasesMax: 0, megapixelsMax: 0, renderedMax: 0 };
    const sample = () => {
      let px = 0;
      let live = 0;
      let inPages = 0;
      for (const c of document.querySelectorAll('canvas')) {
        if (c.width * c.height === 0) continue;
        px += c.width * c.height;
        live++;
        if (c.closest('[data-testid="pdf-page"]')) inPages++;
      }
      out.canvasesMax = Math.max(out.canvasesMax, live);
      out.pageCanvasesMax = Math.max(out.pageCanvasesMax, inPages);
      out.megapixelsMax = Math.max(out.megapixelsMax, px / 1e6);
      out.renderedMax = Math.max(out.renderedMax, document.querySelectorAll('[data-testid="pdf-page"][data-rendered="true"]').length);
    };
    let t0 = null;
    let last = null;
    let n = 0;
    const step = (now) => {
      if (t0 === null) t0 = now;
      if (last !== null) out.frames.push(now - last);
      last = now;
      const y = Math.min(toY, fromY + (now - t0) * pxPerMs);
      el.scrollTop = y;
      if (n++ % 6 === 0) sample();
      if (y >= toY) { sample(); resolve(out); } else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
})();
`;
