/**
 * What the page layers need from the reader screen, which owns the selected highlight, the side panel and the
 * analysis dialogs: the reader provides it around the page view (ReaderScreen). Without a provider the layers
 * still draw highlights and create them, but cannot open them in the panel.
 */
import { createContext, useContext } from 'react';
import type { PdfPlacement } from '../../../../../shared/domain/pdf';
import type { HighlightColor } from '../../common/lib/highlightColors';
import type { TextRange } from '../../common/lib/selectionOffsets';
import type { AfterCreate } from '../../reader/SelectionToolbar/SelectionToolbar';

/** The reader asks the view to show a highlight (a list click, ?h= in the route) or an offset (highlightId ''). */
export interface PdfRevealRequest {
  highlightId: string;
  offset: number;
  /** Date.now() when asked: a new request for the same highlight scrolls again. */
  nonce: number;
}

export interface PdfHighlightBridge {
  selectedId: string | null;
  /** A click on the page hit these highlights (innermost first): select one, as a click on marks in the text view does. */
  onHighlightClick(ids: string[]): void;
  /** Open a highlight in the side panel (after an area highlight is made). */
  select(id: string): void;
  /** Create from a page selection, then do what the toolbar asked (panel field, claim, relationship). */
  create(range: TextRange, color: HighlightColor, then: AfterCreate, pdf: PdfPlacement | null): void;
  revealRequest: PdfRevealRequest | null;
}

export const PdfHighlightContext = createContext<PdfHighlightBridge | null>(null);

export function usePdfHighlightBridge(): PdfHighlightBridge | null {
  return useContext(PdfHighlightContext);
}
