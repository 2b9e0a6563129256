/** A page selection for the reader's context menu: its source range, and where on its first page it sits (read at right-click). */
import type { PdfPlacement } from '../../../../../shared/domain/pdf';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { pageSelection, selectionPlacement } from './pageSelection';

export interface PageMenuRange extends TextRange {
  /** Null when the rectangles cannot be read (the highlight is then placed from the text map, like a text-view one). */
  pdf: PdfPlacement | null;
}

/**
 * Read while the selection is still there: a menu item's click may clear it. The page box is the page element's
 * (the highlight layer covers it exactly), so the rectangles match those made from the selection toolbar.
 */
export function pageMenuRange(sourceId: string, selection: Selection | null): PageMenuRange | null {
  const selected = pageSelection(sourceId, selection);
  if (!selected) return null;
  const box = selected.startPage.textLayer.closest('[data-testid="pdf-page"]')?.getBoundingClientRect();
  return { ...selected.range, pdf: box && box.width > 0 ? selectionPlacement(selected, box) : null };
}
