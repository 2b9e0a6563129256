/** The one offset unit of the workbench (UTF-16 code units) and the canonical text every source is stored as. */
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';

/**
 * OFFSET UNIT — defined here, once, for the whole application.
 *
 * Every offset (TextPositionSelector.start/end, Source.textLength, search hits, exports) counts
 * UTF-16 code units of the *normalised* text, i.e. plain JavaScript string indices:
 * `text.slice(start, end)` is the passage. Why: it is what JS strings, DOM Ranges and the W3C
 * selectors as implemented by browsers use, so no conversion happens anywhere.
 *
 * Consequences to keep in mind:
 * - A character outside the BMP (most emoji, e.g. "😀") is a surrogate pair: 2 units. An offset
 *   must never fall between the two halves; `snapRangeOutward` widens such a range.
 * - A combining mark (e.g. "e\u0301" = é in decomposed form) is its own unit. NFC composes most of
 *   these into one unit, but not all (e.g. "q\u0307" has no precomposed form), so a range may still
 *   end between a base and its mark; `snapRangeOutward` widens it over the marks too.
 * - ZWJ emoji sequences ("👩‍🔬" = 👩 U+200D 🔬) are several code points; splitting at the ZWJ keeps
 *   valid text (two emoji), so we only guarantee code-point and combining-mark boundaries,
 *   not full grapheme clusters.
 */

const BOM = '\uFEFF';

/** Canonical stored text: no leading BOM, LF line endings only, Unicode NFC. Idempotent. */
export function normaliseText(raw: string): string {
  const withoutBom = raw.startsWith(BOM) ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

const COMBINING_MARK = /^\p{M}$/u;

/** True when the code point starting at `index` is a combining mark (general category M). */
export function isCombiningMarkAt(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index);
  return codePoint !== undefined && COMBINING_MARK.test(String.fromCodePoint(codePoint));
}

/** True when `index` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isLowSurrogate(text.charCodeAt(index)) &&
    isHighSurrogate(text.charCodeAt(index - 1))
  );
}

/** Moves a start offset left so it lands neither inside a surrogate pair nor on a combining mark. */
export function snapStartOutward(text: string, start: number): number {
  let index = splitsSurrogatePair(text, start) ? start - 1 : start;
  while (index > 0 && isCombiningMarkAt(text, index)) {
    index -= 1;
    if (splitsSurrogatePair(text, index)) index -= 1;
  }
  return index;
}

/** Moves an end offset right so it splits neither a surrogate pair nor a base from its marks. */
export function snapEndOutward(text: string, end: number): number {
  let index = splitsSurrogatePair(text, end) ? end + 1 : end;
  while (index < text.length && isCombiningMarkAt(text, index)) {
    index += isHighSurrogate(text.charCodeAt(index)) ? 2 : 1;
  }
  return index;
}

/** Moves a context boundary *inward* (towards `toward`) so it does not split a surrogate pair. */
export function snapInward(text: string, index: number, toward: 'left' | 'right'): number {
  if (!splitsSurrogatePair(text, index)) return index;
  return toward === 'left' ? index - 1 : index + 1;
}

export interface OffsetRange {
  start: number;
  end: number;
}

/** Forces any pair of numbers into a valid range of `text`: integers, ordered, in bounds. */
export function clampRange(text: string, start: number, end: number): OffsetRange {
  const clampOne = (value: number): number =>
    Number.isFinite(value) ? Math.min(text.length, Math.max(0, Math.trunc(value))) : 0;
  const a = clampOne(start);
  const b = clampOne(end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

/** Clamps, then widens the range so it splits no surrogate pair and no base + combining marks. */
export function snapRangeOutward(text: string, start: number, end: number): OffsetRange {
  const clamped = clampRange(text, start, end);
  return { start: snapStartOutward(text, clamped.start), end: snapEndOutward(text, clamped.end) };
}

export type RangeErrorCode = 'not_integer' | 'out_of_bounds' | 'reversed' | 'splits_surrogate_pair';

export interface OffsetRangeError {
  code: RangeErrorCode;
  message: string;
}

/** Checks a range without repairing it; use when a caller-supplied range must be exactly right. */
export function validateRange(
  text: string,
  start: number,
  end: number,
): Result<OffsetRange, OffsetRangeError> {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return err({ code: 'not_integer', message: `offsets must be integers (got ${start}, ${end})` });
  }
  if (start < 0 || end > text.length) {
    return err({ code: 'out_of_bounds', message: `range ${start}..${end} outside 0..${text.length}` });
  }
  if (start > end) return err({ code: 'reversed', message: `start ${start} is after end ${end}` });
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return err({ code: 'splits_surrogate_pair', message: `range ${start}..${end} splits a surrogate pair` });
  }
  return ok({ start, end });
}
