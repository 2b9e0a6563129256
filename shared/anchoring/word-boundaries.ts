/** Word-boundary guard: a quote that began or ended on a word edge must not re-anchor inside a longer word. */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** True when the code point starting at `index` is a letter, digit or combining mark. */
function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const codePoint = text.codePointAt(index);
  return codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint));
}

/** True when the code point ending just before `index` is a letter, digit or combining mark. */
function isWordCharBefore(text: string, index: number): boolean {
  if (index <= 0 || index > text.length) return false;
  const low = text.charCodeAt(index - 1);
  const isPairEnd = index >= 2 && (low & 0xfc00) === 0xdc00 && (text.charCodeAt(index - 2) & 0xfc00) === 0xd800;
  return isWordCharAt(text, isPairEnd ? index - 2 : index - 1);
}

/**
 * Which edges of a candidate must sit on a word boundary, learnt from the stored quote: if the
 * analyst's highlight of "cat" was a whole word, it must not come back inside "concatenate".
 * A highlight that itself started or ended mid-word keeps that freedom.
 */
export interface BoundaryRule {
  accepts(text: string, start: number, end: number): boolean;
}

export function boundaryRuleFor(exact: string, prefix: string, suffix: string): BoundaryRule {
  const needsStartEdge = isWordCharAt(exact, 0) && !isWordCharBefore(prefix, prefix.length);
  const needsEndEdge = isWordCharBefore(exact, exact.length) && !isWordCharAt(suffix, 0);
  return {
    accepts: (text, start, end) =>
      (!needsStartEdge || !isWordCharBefore(text, start)) && (!needsEndEdge || !isWordCharAt(text, end)),
  };
}
