/** A first guess of a highlight-list row's height, before the virtual list measures it (so the scrollbar hardly jumps). */

/** Quote characters on one line of the 360 px side panel at 14 px (a little under, so guesses run high rather than low). */
const CHARS_PER_LINE = 40;
const LINE_PX = 22;
/** The row's own vertical padding (6 + 6). */
const PADDING_PX = 12;
/** The line of tag badges and note under the quote, with its margin. */
const TAG_ROW_PX = 24;
/** The gap under each row (its wrapper's padding-bottom). */
const ROW_GAP_PX = 6;
/** The quote is clamped to this many lines. */
const MAX_LINES = 3;

export interface RowContent {
  quote: string;
  tagCount: number;
  hasNote: boolean;
  /** An area highlight's row: one label line beside a thumbnail of this height instead of a quote. */
  thumbnail?: boolean;
}

/** The area thumbnail's box (HighlightList.module.css .thumb), taller than the label line beside it. */
const THUMB_PX = 56;

export function estimateHighlightRowHeight({ quote, tagCount, hasNote, thumbnail = false }: RowContent): number {
  const lines = Math.min(MAX_LINES, Math.max(1, Math.ceil(quote.length / CHARS_PER_LINE)));
  if (thumbnail) return PADDING_PX + THUMB_PX + (tagCount > 0 || hasNote ? TAG_ROW_PX : 0) + ROW_GAP_PX;
  const extras = tagCount > 0 || hasNote ? TAG_ROW_PX : 0;
  return PADDING_PX + lines * LINE_PX + extras + ROW_GAP_PX;
}
