/** A page's mouse and reveal behaviour: clicking a drawn highlight selects it; the reader's reveal requests scroll to their page. */
import { useEffect, useRef, type RefObject } from 'react';
import type { ReaderView } from '../../../../../shared/contract/views';
import { rectContains } from '../../../../../shared/pdf/rects';
import { highlightPlace, offsetPlace } from '../../../../../shared/pdf/reveal';
import type { PdfViewController } from '../pdfViewContext';
import type { PdfHighlightBridge } from './pdfHighlightBridge';
import type { DrawnHighlight } from './usePageHighlights';

/**
 * Highlights never take the mouse (the text layer under them must keep selecting), so a click is hit-tested here:
 * a plain click (no text selected by it) on the page that lands inside drawn rectangles selects among them,
 * smallest first, as clicking overlapping marks does in the text view.
 */
export function useHighlightClicks(
  rootRef: RefObject<HTMLElement | null>, drawn: readonly DrawnHighlight[], bridge: PdfHighlightBridge | null, areaMode: boolean,
): void {
  const latest = useRef(drawn);
  useEffect(() => {
    latest.current = drawn;
  }, [drawn]);
  useEffect(() => {
    const page = rootRef.current?.parentElement;
    if (!page || !bridge || areaMode) return;
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || !window.getSelection()?.isCollapsed) return;
      const box = rootRef.current?.getBoundingClientRect();
      if (!box || box.width === 0) return;
      const x = (e.clientX - box.left) / box.width;
      const y = (e.clientY - box.top) / box.height;
      const hits = latest.current
        .map((d) => ({ id: d.id, size: Math.min(...d.rects.filter((r) => rectContains(r, x, y)).map((r) => r.w * r.h)) }))
        .filter((hit) => Number.isFinite(hit.size))
        .sort((a, b) => a.size - b.size);
      if (hits.length > 0) bridge.onHighlightClick(hits.map((hit) => hit.id));
    };
    page.addEventListener('click', onClick);
    return () => page.removeEventListener('click', onClick);
  }, [rootRef, bridge, areaMode]);
}

/** The last reveal request some page acted on: every mounted page sees it, one scroll is enough. */
let lastRevealed = 0;
/**
 * A request older than this is not a click just made but one left from before the pages were shown (the text
 * view's last list click): acting on it would throw the reader off the place the view switch kept.
 */
const FRESH_MS = 3000;

/** Clicking a highlight in the side panel (or arriving with ?h=) scrolls the pages to it. */
export function useRevealRequest(bridge: PdfHighlightBridge | null, view: ReaderView | undefined, pdfView: PdfViewController | null): void {
  const request = bridge?.revealRequest ?? null;
  useEffect(() => {
    const pages = view?.source.pdf?.pages;
    if (!request || !pdfView || !pages || request.nonce === lastRevealed || Date.now() - request.nonce > FRESH_MS) return;
    const anchored = request.highlightId ? view.highlights.find((a) => a.highlight.id === request.highlightId) : undefined;
    if (request.highlightId && (!anchored || anchored.status === 'orphan')) return;
    const place = anchored ? highlightPlace(anchored.highlight, anchored.range?.start ?? null, pages) : offsetPlace(request.offset, pages);
    if (!place) return;
    lastRevealed = request.nonce;
    pdfView.scrollToPage(place.page, place.y);
    // Only a new request scrolls, not a re-render with a changed view.
  }, [request, pdfView]);
}
