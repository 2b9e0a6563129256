/** What the page view offers the layers inside it: where the view is, and scrolling to a page or a place on it. */
import { createContext, useContext } from 'react';

export interface PdfViewController {
  /** Scrolls so that `yFraction` (0 top … 1 bottom) of `page` is near the top of the view. */
  scrollToPage(page: number, yFraction?: number): void;
  /** The page most in view (1-based). */
  currentPage(): number;
  /** The area (rectangle) tool is on: dragging on a page makes an area highlight instead of selecting text. */
  areaMode: boolean;
  setAreaMode(on: boolean): void;
}

export const PdfViewContext = createContext<PdfViewController | null>(null);

export function usePdfView(): PdfViewController | null {
  return useContext(PdfViewContext);
}
