/** The DOM side of a page's text map: pdf.js text-layer spans, DOM points → (span, char), span pieces → client boxes. */
import type { PointSide, TextPiece } from '../../../../../shared/pdf/page-text-map';

/** pdf.js's TextLayer gives each text item one span with role="presentation" (marked-content wrappers have none). */
const TEXT_SPAN = 'span[role="presentation"]';
const TEXT_NODE = 3;

/** The text spans of a layer in text-content order (pdf.js appends them in that order). */
export function layerSpans(layer: HTMLElement): HTMLElement[] {
  return Array.from(layer.querySelectorAll<HTMLElement>(TEXT_SPAN));
}

/** Characters of `span` before the DOM point (node, offset) inside it (search marks may split its text node). */
function charsBefore(span: HTMLElement, node: Node, offset: number): number {
  const range = span.ownerDocument.createRange();
  range.selectNodeContents(span);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * Where a DOM boundary point falls among `spans`: inside a span exactly; elsewhere (between spans, in pdf.js's
 * end-of-content box, on another page) a start snaps to the next span's beginning and an end to the previous span's end.
 */
export function pointInSpans(
  spans: readonly HTMLElement[], index: ReadonlyMap<Element, number>, node: Node, offset: number, side: PointSide,
): { span: number; char: number } | null {
  const element = node.nodeType === TEXT_NODE ? node.parentElement : (node as Element);
  const span = element?.closest(TEXT_SPAN);
  const at = span ? index.get(span) : undefined;
  if (span && at !== undefined) return { span: at, char: charsBefore(span as HTMLElement, node, offset) };
  if (spans.length === 0) return null;
  const point = (node.ownerDocument ?? document).createRange();
  point.setStart(node, offset);
  // Spans are in document order, so "starts at or after the point" is monotonic: binary search for the first.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(spans[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  if (side === 'start') return lo < spans.length ? { span: lo, char: 0 } : null;
  return lo > 0 ? { span: lo - 1, char: (spans[lo - 1]!.textContent ?? '').length } : null;
}

/** The client boxes of characters [start, end) of a span, walking its text nodes. */
export function pieceBoxes(span: HTMLElement, start: number, end: number): DOMRect[] {
  const walker = span.ownerDocument.createTreeWalker(span, NodeFilter.SHOW_TEXT);
  const range = span.ownerDocument.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node.textContent ?? '').length;
    if (!started && start <= seen + length) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, end - seen);
      return Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    }
    seen += length;
  }
  return [];
}

/** The span pieces a DOM range covers on this layer (one per span it touches). */
export function rangePieces(spans: readonly HTMLElement[], index: ReadonlyMap<Element, number>, range: Range): TextPiece[] {
  const first = pointInSpans(spans, index, range.startContainer, range.startOffset, 'start');
  const last = pointInSpans(spans, index, range.endContainer, range.endOffset, 'end');
  if (!first || !last || last.span < first.span) return [];
  const out: TextPiece[] = [];
  for (let k = first.span; k <= last.span; k += 1) {
    const length = (spans[k]!.textContent ?? '').length;
    const start = k === first.span ? first.char : 0;
    const end = k === last.span ? last.char : length;
    if (end > start) out.push({ span: k, start, end });
  }
  return out;
}
