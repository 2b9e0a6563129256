/** Converting between the workbench's UTF-16 offsets and the code-point ("character") positions REFI-QDA counts in. */

/**
 * For each UTF-16 offset (any order), the number of code points before it. One pass over the text: the offsets are
 * visited in sorted order. An offset inside a surrogate pair counts the pair's code point as before it.
 */
export function utf16ToCodePoints(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(offsets.length);
  let unit = 0;
  let points = 0;
  for (const [offset, index] of order) {
    while (unit < offset && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      points++;
    }
    out[index] = points;
  }
  return out;
}

/**
 * For each code-point position (any order), the UTF-16 offset it starts at; a position past the end gives null, so
 * that callers can report it rather than clamp it.
 */
export function codePointsToUtf16(text: string, positions: readonly number[]): Array<number | null> {
  const order = positions.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number | null>(positions.length);
  let unit = 0;
  let points = 0;
  for (const [position, index] of order) {
    while (points < position && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      points++;
    }
    out[index] = points === position ? unit : null;
  }
  return out;
}

/** The number of code points of a text. */
export const codePointLength = (text: string): number => utf16ToCodePoints(text, [text.length])[0]!;
