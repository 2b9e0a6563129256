/** The highlights to draw on one page, as page fractions: stored rectangles where a highlight was made on this page, else from the text map. */
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { AnchoredHighlight } from '../../../../../shared/contract/views';
import type { PdfPageInfo, PdfRect } from '../../../../../shared/domain/pdf';
import { ocrWordBoxes, ocrWordRects, type OcrWordBox } from '../../../../../shared/pdf/ocr-words';
import type { HighlightColor } from '../../common/lib/highlightColors';
import type { MountedPage } from './pageRegistry';
import { piecesToRects } from './pageSelection';

export interface DrawnHighlight {
  id: string;
  color: HighlightColor;
  rects: PdfRect[];
  area: boolean;
}

/**
 * Where one anchored highlight shows on `page`, or null when it does not (orphans never do). A scanned page's OCR
 * words give the rectangles directly, without the text layer.
 */
function rectsOn(
  a: AnchoredHighlight, page: number, info: PdfPageInfo, entry: MountedPage | null, box: DOMRect | null,
  words: readonly OcrWordBox[], text: string,
): DrawnHighlight | null {
  const h = a.highlight;
  if (a.status === 'orphan' || !a.range) return null;
  const base = { id: h.id, color: h.color };
  if (h.area) return h.area.page === page ? { ...base, rects: [h.area.rect], area: true } : null;
  // Made on this page and still where it was made: its own rectangles are exact (the map only approximates them).
  if (h.pdf?.page === page && (a.status === 'exact' || !entry)) return { ...base, rects: h.pdf.rects, area: false };
  const { start, end } = a.range;
  if (words.length > 0) {
    const rects = end <= info.start || start >= info.end ? [] : ocrWordRects(words, text, start, end, info.height / info.width);
    return rects.length > 0 ? { ...base, rects, area: false } : null;
  }
  if (!entry || !box || box.width === 0 || end <= info.start || start >= info.end) return null;
  const rects = piecesToRects(entry.spans, entry.map.pieces(start, end), box);
  return rects.length > 0 ? { ...base, rects, area: false } : null;
}

/**
 * Recomputed after layout whenever the highlights, the text layer or the zoom change (the fractions do not depend
 * on zoom, but a new text layer is laid out afresh).
 */
export function usePageHighlights(
  highlights: readonly AnchoredHighlight[] | undefined, page: number, info: PdfPageInfo, entry: MountedPage | null,
  rootRef: RefObject<HTMLElement | null>, scale: number, text = '',
): DrawnHighlight[] {
  const [drawn, setDrawn] = useState<DrawnHighlight[]>([]);
  const { start, end, width, height, ocr, words: flat } = info;
  // Decoded once per page record (info itself may be a fresh object on each render).
  const words = useMemo(
    () => (ocr ? ocrWordBoxes({ start, end, width, height, rotation: 0, words: flat }) : []), [start, end, width, height, ocr, flat],
  );
  useLayoutEffect(() => {
    const box = rootRef.current?.getBoundingClientRect() ?? null;
    const next: DrawnHighlight[] = [];
    for (const a of highlights ?? []) {
      const d = rectsOn(a, page, info, entry, box, words, text);
      if (d) next.push(d);
    }
    setDrawn(next);
  }, [highlights, page, info, entry, rootRef, scale, words, text]);
  return drawn;
}
