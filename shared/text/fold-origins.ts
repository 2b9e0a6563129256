/** Folding (shared/text/fold's table) that remembers, for every folded unit, the original cluster it came from. */
import { clusterEnd, isWhitespaceUnit } from './clusters';
import { foldCodePointAt } from './fold';

/** A folded text with, per folded unit, the original range [start, end) of the cluster it came from. */
export interface FoldedWithOrigins {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

export interface FoldOptions {
  /** 'collapse': every whitespace run becomes one " " (names match across line breaks); 'keep': as foldString. */
  spaces?: 'keep' | 'collapse';
}

/** Growable pair of offset arrays, so a 1 MB text needs no per-unit objects. */
export class OriginBuffer {
  start: Int32Array;
  end: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.start = new Int32Array(Math.max(16, capacity));
    this.end = new Int32Array(Math.max(16, capacity));
  }
  push(start: number, end: number, count: number): void {
    if (this.length + count > this.start.length) {
      const capacity = Math.max(this.start.length * 2, this.length + count);
      const grownStart = new Int32Array(capacity);
      const grownEnd = new Int32Array(capacity);
      grownStart.set(this.start);
      grownEnd.set(this.end);
      this.start = grownStart;
      this.end = grownEnd;
    }
    for (let k = 0; k < count; k += 1) {
      this.start[this.length + k] = start;
      this.end[this.length + k] = end;
    }
    this.length += count;
  }
}

/** Folds each code point of the cluster [start, end) through the table and joins the results. */
function foldCluster(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; ) {
    const { folded, length } = foldCodePointAt(text, i);
    out += folded;
    i += length;
  }
  return out;
}

/**
 * Folds like foldString, but every folded unit records the whole cluster (a code point and its
 * combining marks) it came from, so a match in the folded text maps back to whole letters: "Erdog\u0306an"
 * folds to "erdogan" and the "g" maps to "g\u0306". With spaces 'keep' the text equals foldString(text).
 */
export function foldWithOrigins(text: string, options: FoldOptions = {}): FoldedWithOrigins {
  const collapse = options.spaces === 'collapse';
  const length = text.length;
  const origins = new OriginBuffer(length + 16);
  let out = '';
  let runStart = -1; // start of a pending run of plain ASCII, lower-cased as one slice

  for (let i = 0; i < length; ) {
    const unit = text.charCodeAt(i);
    if (collapse && isWhitespaceUnit(unit)) {
      if (runStart >= 0) out += text.slice(runStart, i).toLowerCase();
      runStart = -1;
      let j = i + 1;
      while (j < length && isWhitespaceUnit(text.charCodeAt(j))) j += 1;
      out += ' ';
      origins.push(i, j, 1);
      i = j;
      continue;
    }
    const j = clusterEnd(text, i);
    if (j === i + 1 && unit < 0x80 && unit !== 0x60) {
      if (runStart < 0) runStart = i;
      origins.push(i, j, 1);
      i = j;
      continue;
    }
    if (runStart >= 0) out += text.slice(runStart, i).toLowerCase();
    runStart = -1;
    const folded = foldCluster(text, i, j);
    out += folded;
    origins.push(i, j, folded.length);
    i = j;
  }
  if (runStart >= 0) out += text.slice(runStart).toLowerCase();
  return { text: out, start: origins.start.subarray(0, origins.length), end: origins.end.subarray(0, origins.length) };
}

/** Maps a folded range [start, end) back to the original text, always covering whole clusters. */
export function toOriginalRange(folded: FoldedWithOrigins, start: number, end: number): { start: number; end: number } {
  const originalStart = folded.start[start] ?? folded.end[folded.end.length - 1] ?? 0;
  const originalEnd = end > start ? (folded.end[end - 1] ?? originalStart) : originalStart;
  return { start: originalStart, end: Math.max(originalStart, originalEnd) };
}
