/** Maps exact text offsets back to a DOM Range inside the reader (the inverse of selectionOffsets.ts). */
import { SEGMENT_SELECTOR, type TextRange } from '../common/lib/selectionOffsets';

/**
 * A Range covering [start, end) of the full text, built from the rendered segments (each carries its
 * offset and holds one text node). Null when no rendered segment touches the range (e.g. not yet
 * rendered by the virtualised reader).
 */
export function offsetsToRange(root: Element, { start, end }: TextRange): Range | null {
  if (end <= start) return null;
  let first: { node: Node; offset: number } | null = null;
  let last: { node: Node; offset: number } | null = null;
  for (const segment of Array.from(root.querySelectorAll(SEGMENT_SELECTOR))) {
    const from = Number(segment.getAttribute('data-offset'));
    const node = segment.firstChild;
    if (!node || Number.isNaN(from)) continue;
    const to = from + (node.textContent ?? '').length;
    if (to <= start || from >= end) continue;
    if (!first) first = { node, offset: Math.max(0, start - from) };
    last = { node, offset: Math.min(to, end) - from };
  }
  if (!first || !last) return null;
  const range = (root.ownerDocument ?? document).createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset);
  return range;
}

/** The first rendered segment element touching an offset, for scrolling it into view. */
export function segmentAt(root: Element, offset: number): Element | null {
  for (const segment of Array.from(root.querySelectorAll(SEGMENT_SELECTOR))) {
    const from = Number(segment.getAttribute('data-offset'));
    const length = (segment.textContent ?? '').length;
    if (offset >= from && offset < from + length) return segment;
  }
  return null;
}
