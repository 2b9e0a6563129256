/**
 * Bounds what a long read leaves behind in pdf.js: after many pages were let go, and once nothing is drawing, the
 * document's caches are emptied (PDFDocumentProxy.cleanup: the worker's font, image and page-dictionary caches; here
 * the fonts, operator lists and decoded images of idle pages). page.cleanup() alone frees only this side's per-page
 * data; the worker keeps fonts and images of every page seen until the document is cleaned up or closed.
 */

/** The part of PDFDocumentProxy used here (a fake in tests). */
export interface CleanableDoc {
  cleanup(keepLoadedFonts?: boolean): Promise<void>;
}

/** Pages released (main view or thumbnails) before a clean-up is due: a few screens' worth of reading. */
export const CLEANUP_AFTER_RELEASES = 24;
/** Quiet time with nothing drawing before it runs, so it never lands in the middle of a burst of page draws. */
export const CLEANUP_IDLE_MS = 800;

interface DocState {
  active: number;
  released: number;
  timer: ReturnType<typeof setTimeout> | null;
  cleanups: number;
}

const states = new WeakMap<CleanableDoc, DocState>();

function stateOf(doc: CleanableDoc): DocState {
  let s = states.get(doc);
  if (!s) {
    s = { active: 0, released: 0, timer: null, cleanups: 0 };
    states.set(doc, s);
  }
  return s;
}

function schedule(doc: CleanableDoc, s: DocState): void {
  if (s.timer !== null || s.active > 0 || s.released < CLEANUP_AFTER_RELEASES) return;
  s.timer = setTimeout(() => {
    s.timer = null;
    // A draw may have started meanwhile: pdf.js throws when a page is rendering, so wait for the next quiet moment.
    if (s.active > 0 || s.released < CLEANUP_AFTER_RELEASES) return;
    const released = s.released;
    s.released = 0;
    s.cleanups += 1;
    // Still rejects if a draw began between this check and the worker's answer; that draw is unharmed, and the
    // count comes back so the next quiet moment tries again.
    doc.cleanup().catch(() => {
      s.released += released;
    });
  }, CLEANUP_IDLE_MS);
}

/** A page or thumbnail starts drawing (getPage → canvas → text layer): no clean-up until it ends. */
export function drawStarted(doc: CleanableDoc): void {
  const s = stateOf(doc);
  s.active += 1;
  if (s.timer !== null) {
    clearTimeout(s.timer);
    s.timer = null;
  }
}

/** The draw finished, failed or was cancelled. */
export function drawEnded(doc: CleanableDoc): void {
  const s = stateOf(doc);
  s.active = Math.max(0, s.active - 1);
  schedule(doc, s);
}

/** A drawn page (or thumbnail) was let go, its own data freed with page.cleanup(). */
export function pageReleased(doc: CleanableDoc): void {
  const s = stateOf(doc);
  s.released += 1;
  schedule(doc, s);
}

/** How many clean-ups ran for this document (for tests and the bench's probe). */
export function cleanupsOf(doc: CleanableDoc): number {
  return states.get(doc)?.cleanups ?? 0;
}
