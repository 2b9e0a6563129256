/** The side panel's list order: placed highlights by where they start in the text. */
import type { AnchoredHighlight } from '../../../../../shared/contract/views';

type Placed = AnchoredHighlight & { range: NonNullable<AnchoredHighlight['range']> };

const isPlaced = (h: AnchoredHighlight): h is Placed => h.range !== null && h.status !== 'orphan';

/**
 * Placed highlights in reading order. A reader view already comes in position order (the server sorts it and an
 * edit's patch inserts in place), so this is one filtering pass; it sorts only when a re-anchored highlight moved
 * out of order.
 */
export function placedInReadingOrder(highlights: readonly AnchoredHighlight[]): AnchoredHighlight[] {
  const placed = highlights.filter(isPlaced);
  for (let i = 1; i < placed.length; i++) {
    if (placed[i]!.range.start < placed[i - 1]!.range.start) return placed.sort((a, b) => a.range.start - b.range.start);
  }
  return placed;
}
