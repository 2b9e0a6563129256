/** Maps a DOM selection inside the reader back to exact UTF-16 offsets into the source text. */

/** Every rendered piece of text sits alone in an element carrying its offset in the full text. */
export const SEGMENT_SELECTOR = '[data-offset]';
const TEXT_NODE = 3;

export interface TextRange {
  start: number;
  end: number;
}

/** Which side of a selection a boundary is: between paragraphs, starts snap forward and ends snap back. */
export type BoundarySide = 'start' | 'end';

function segmentStart(segment: Element): number {
  return Number(segment.getAttribute('data-offset'));
}

function segmentEnd(segment: Element): number {
  return segmentStart(segment) + (segment.textContent ?? '').length;
}

function insideSegment(root: Element, node: Node): Element | null {
  const element = node.nodeType === TEXT_NODE ? node.parentElement : (node as Element);
  const segment = element?.closest?.(SEGMENT_SELECTOR) ?? null;
  return segment && root.contains(segment) ? segment : null;
}

/**
 * The text offset of a DOM boundary point (node, offset).
 * Inside a segment it is exact (a text node offset is a UTF-16 index); between segments it snaps to the
 * nearest segment edge on the selection's side, so a selection never swallows line breaks it did not show.
 */
export function boundaryToOffset(root: Element, node: Node, offset: number, side: BoundarySide): number | null {
  const segment = insideSegment(root, node);
  if (segment) {
    if (node.nodeType === TEXT_NODE) return segmentStart(segment) + offset;
    // An element boundary inside a segment: before or after its single text node.
    return offset === 0 ? segmentStart(segment) : segmentEnd(segment);
  }
  const segments = Array.from(root.querySelectorAll(SEGMENT_SELECTOR));
  const point = (node.ownerDocument ?? (node as Document)).createRange();
  point.setStart(node, offset);
  // Segments are in document order, so "at or after the point" is monotonic: binary search for the first one.
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (point.comparePoint(segments[mid]!, 0) >= 0) high = mid;
    else low = mid + 1;
  }
  if (side === 'start') return low < segments.length ? segmentStart(segments[low]!) : null;
  return low > 0 ? segmentEnd(segments[low - 1]!) : null;
}

/** The selection's text range within `root`, or null when it is collapsed or does not touch the text. */
export function rangeToOffsets(root: Element, range: Range): TextRange | null {
  if (range.collapsed) return null;
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null;
  const start = boundaryToOffset(root, range.startContainer, range.startOffset, 'start');
  const end = boundaryToOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

export function selectionToOffsets(root: Element, selection: Selection | null): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToOffsets(root, selection.getRangeAt(0));
}
