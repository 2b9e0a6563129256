/** The folded (canonically compared) form of a text, with a map from folded units back to original offsets. */
import { clusterEnd, isWhitespaceUnit } from '../text/clusters';
import { OriginBuffer } from '../text/fold-origins';

/**
 * Folding erases only differences that never change which words a text says:
 * - every U+FEFF (BOM / zero-width no-break space) is dropped;
 * - every run of whitespace (spaces, tabs, CR, LF, CRLF, NBSP, Unicode spaces) becomes one " ";
 * - every cluster (a code point plus its following combining marks) is put in NFD, so NFC and NFD
 *   spellings of the same letters ("é" vs "e\u0301", Hangul syllables vs jamo) compare equal.
 * Nothing else is folded: not case, not compatibility forms (NFKC), not punctuation, not letters.
 * So it does not use the letter table of shared/text/fold (search, names, mentions): an anchor is a
 * quote, and "Turkey"/"TURKEY" or "Erdogan"/"Erdoğan" are different quotes. It shares only the
 * cluster scanning (shared/text/clusters).
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

const BOM_UNIT = 0xfeff;

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
    const j = clusterEnd(original, i);
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
    originStart: origins.start.subarray(0, origins.length),
    originEnd: origins.end.subarray(0, origins.length),
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
