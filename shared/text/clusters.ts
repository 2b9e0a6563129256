/** Character-cluster scanning shared by every folding: which units are combining marks, which are whitespace. */

const MARK = /^\p{M}$/u;
/** Memo of "is this BMP unit a combining mark": 0 unknown, 1 mark, 2 not a mark (folding asks once per unit of 1 MB texts). */
const bmpMarkMemo = new Uint8Array(0x10000);

/** Length in code units of the combining mark at `index` (1 or 2), or 0 when there is none. */
function markLengthAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0x0300 || Number.isNaN(unit)) return 0;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const codePoint = text.codePointAt(index) ?? unit;
    return codePoint > 0xffff && MARK.test(String.fromCodePoint(codePoint)) ? 2 : 0;
  }
  let memo = bmpMarkMemo[unit];
  if (memo === 0) {
    memo = MARK.test(String.fromCharCode(unit)) ? 1 : 2;
    bmpMarkMemo[unit] = memo;
  }
  return memo === 1 ? 1 : 0;
}

/** End (exclusive) of the cluster starting at `index`: one code point plus every combining mark after it. */
export function clusterEnd(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  let end = index + (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
  for (let mark = markLengthAt(text, end); mark > 0; mark = markLengthAt(text, end)) end += mark;
  return end;
}

/** Whitespace as JavaScript's \s sees it (minus U+FEFF, which folding drops) plus NEL, tested per code unit. */
export const isWhitespaceUnit = (unit: number): boolean =>
  unit === 0x20 ||
  (unit >= 0x09 && unit <= 0x0d) ||
  unit === 0x85 ||
  unit === 0xa0 ||
  unit === 0x1680 ||
  (unit >= 0x2000 && unit <= 0x200a) ||
  unit === 0x2028 ||
  unit === 0x2029 ||
  unit === 0x202f ||
  unit === 0x205f ||
  unit === 0x3000;
