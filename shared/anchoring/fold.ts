/** The folded (canonically compared) form of a text, with a map from folded units back to original offsets. */

/**
 * Folding erases only differences that never change which words a text says:
 * - every U+FEFF (BOM / zero-width no-break space) is dropped;
 * - every run of whitespace (spaces, tabs, CR, LF, CRLF, NBSP, Unicode spaces) becomes one " ";
 * - every cluster (a code point plus its following combining marks) is put in NFD, so NFC and NFD
 *   spellings of the same letters ("é" vs "e\u0301", Hangul syllables vs jamo) compare equal.
 * Nothing else is folded: not case, not compatibility forms (NFKC), not punctuation, not letters.
 */
export interface FoldedText {
  /** The folded string. */
  text: string;
  /** For each folded unit, the original offset where its source cluster / whitespace run starts. */
  originStart: Int32Array;
  /** For each folded unit, the original offset where its source cluster / whitespace run ends. */
  originEnd: Int32Array;
  /** Length of the text that was folded. */
  originalLength: number;
}

const isWhitespaceUnit = (unit: number): boolean =>
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

const BOM_UNIT = 0xfeff;
const MARK = /^\p{M}$/u;
/** Memo of "is this BMP unit a combining mark": 0 unknown, 1 mark, 2 not a mark. */
const bmpMarkMemo = new Uint8Array(0x10000);

/** Length in code units of the combining mark at `index`, or 0 when there is none. */
function markLengthAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0x0300) return 0;
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

/** Growable pair of offset arrays, so a 1 MB text needs no per-unit objects. */
class OriginBuffer {
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }
  push(start: number, end: number, count: number): void {
    if (this.length + count > this.starts.length) {
      const capacity = Math.max(this.starts.length * 2, this.length + count);
      const starts = new Int32Array(capacity);
      const ends = new Int32Array(capacity);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    for (let k = 0; k < count; k += 1) {
      this.starts[this.length + k] = start;
      this.ends[this.length + k] = end;
    }
    this.length += count;
  }
}

/** Folds `original` and records, for every folded unit, the original range it came from. */
export function foldText(original: string): FoldedText {
  const length = original.length;
  const origins = new OriginBuffer(length + 16);
  const pieces: string[] = [];
  const nfdMemo = new Map<string, string>();
  let plainStart = -1; // start of a pending run of units copied unchanged (flushed as one slice)

  const flushPlain = (upTo: number): void => {
    if (plainStart < 0) return;
    pieces.push(original.slice(plainStart, upTo));
    plainStart = -1;
  };

  let i = 0;
  while (i < length) {
    const unit = original.charCodeAt(i);
    if (unit === BOM_UNIT) {
      flushPlain(i);
      i += 1;
      continue;
    }
    if (isWhitespaceUnit(unit)) {
      flushPlain(i);
      let j = i + 1;
      while (j < length && (isWhitespaceUnit(original.charCodeAt(j)) || original.charCodeAt(j) === BOM_UNIT)) j += 1;
      pieces.push(' ');
      origins.push(i, j, 1);
      i = j;
      continue;
    }
    const isPair =
      unit >= 0xd800 && unit <= 0xdbff && i + 1 < length && (original.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    let j = i + (isPair ? 2 : 1);
    for (let mark = markLengthAt(original, j); j < length && mark > 0; mark = markLengthAt(original, j)) j += mark;
    if (j === i + 1 && unit < 0x00c0) {
      // ASCII and Latin-1 punctuation have no decomposition: copy as is (the common, fast case).
      if (plainStart < 0) plainStart = i;
      origins.push(i, j, 1);
      i = j;
      continue;
    }
    flushPlain(i);
    const cluster = original.slice(i, j);
    let decomposed = nfdMemo.get(cluster);
    if (decomposed === undefined) {
      decomposed = cluster.normalize('NFD');
      nfdMemo.set(cluster, decomposed);
    }
    pieces.push(decomposed);
    origins.push(i, j, decomposed.length);
    i = j;
  }
  flushPlain(length);
  return {
    text: pieces.join(''),
    originStart: origins.starts.subarray(0, origins.length),
    originEnd: origins.ends.subarray(0, origins.length),
    originalLength: length,
  };
}

/** True when folded [start, end) begins and ends on whole clusters (never inside one letter). */
export function coversWholeClusters(folded: FoldedText, start: number, end: number): boolean {
  const { originStart } = folded;
  const startsClean = start === 0 || originStart[start - 1] !== originStart[start];
  const endsClean = end === originStart.length || originStart[end] !== originStart[end - 1];
  return startsClean && endsClean && end > start;
}
