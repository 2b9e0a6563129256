/** A text-layer selection on the page view as a source range, and its rectangles on the page where it starts. */
import type { PdfPlacement, PdfRect } from '../../../../../shared/domain/pdf';
import { mergeLineRects, toPageFraction, type PixelBox } from '../../../../../shared/pdf/rects';
import type { TextPiece } from '../../../../../shared/pdf/page-text-map';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { pagesTouched, type MountedPage } from './pageRegistry';
import { pieceBoxes, pointInSpans, rangePieces } from './textLayerDom';

export interface PageSelection {
  range: TextRange;
  /** The page the selection starts on: a highlight made from it is placed there. */
  startPage: MountedPage;
  domRange: Range;
}

/**
 * The source range of the current selection: its start from the first page it touches, its end from the last
 * (a selection may run over a page break). Null when it is collapsed, touches no page of this source, or covers no
 * text the pages' maps know.
 */
export function pageSelection(sourceId: string, selection: Selection | null): PageSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const domRange = selection.getRangeAt(0);
  const touched = pagesTouched(sourceId, domRange);
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (!first || !last) return null;
  const a = pointInSpans(first.spans, first.spanIndex, domRange.startContainer, domRange.startOffset, 'start');
  const b = pointInSpans(last.spans, last.spanIndex, domRange.endContainer, domRange.endOffset, 'end');
  const start = a ? first.map.sourceOffset(a.span, a.char, 'start') : null;
  const end = b ? last.map.sourceOffset(b.span, b.char, 'end') : null;
  if (start === null || end === null || end <= start) return null;
  return { range: { start, end }, startPage: first, domRange };
}

/** The page fractions of span pieces on a page whose box (client pixels) is `pageBox`, merged per line. */
export function piecesToRects(spans: readonly HTMLElement[], pieces: readonly TextPiece[], pageBox: PixelBox): PdfRect[] {
  const rects: PdfRect[] = [];
  for (const p of pieces) {
    for (const box of pieceBoxes(spans[p.span]!, p.start, p.end)) {
      const r = toPageFraction(box, pageBox);
      if (r) rects.push(r);
    }
  }
  return mergeLineRects(rects, pageBox.height / pageBox.width);
}

/**
 * Where a highlight made from this selection sits: the page it starts on and its line rectangles there. A
 * selection over a page break keeps the whole passage as its text range, but its placement is the start page
 * only (one page per placement); the next page draws its part from the text map like any text-view highlight.
 */
export function selectionPlacement(selected: PageSelection, pageBox: PixelBox): PdfPlacement | null {
  const { startPage, domRange } = selected;
  const rects = piecesToRects(startPage.spans, rangePieces(startPage.spans, startPage.spanIndex, domRange), pageBox);
  return rects.length > 0 ? { page: startPage.page, rects: rects.slice(0, 2_000) } : null;
}
