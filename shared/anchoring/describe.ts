/** Describes a passage of a normalised text as W3C quote + position selectors, ready to store on a Highlight. */
import type { TextPositionSelector, TextQuoteSelector } from '../domain/types';
import { snapInward, snapRangeOutward } from './offsets';

const DEFAULT_CONTEXT_LENGTH = 32;

export interface RangeDescription {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Selectors for `text.slice(start, end)`. The range is first clamped and widened so it never splits
 * a surrogate pair or a base from its combining marks (so `position` may be slightly wider than asked;
 * `quote.exact === text.slice(position.start, position.end)` always holds). Prefix and suffix hold up
 * to `contextLength` code units, trimmed inward rather than cut through a surrogate pair.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH,
): RangeDescription {
  const range = snapRangeOutward(text, start, end);
  const context = Math.max(0, Math.trunc(contextLength));
  const prefixStart = snapInward(text, Math.max(0, range.start - context), 'right');
  const suffixEnd = snapInward(text, Math.min(text.length, range.end + context), 'left');
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: text.slice(prefixStart, range.start),
      suffix: text.slice(range.end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: range.start, end: range.end },
  };
}
