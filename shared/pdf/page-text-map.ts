/**
 * Aligns the strings of one page's pdf.js text layer (its spans, in order) with that page's slice of the source's
 * stored text, so a point in the layer gives a source offset and a source range gives the span pieces to draw.
 *
 * The stored text was built from the very same text items (pageItemsToText: spaces put between items by position,
 * lines and hyphenated words joined, paragraphs as blank lines; then NFC, LF and tidied), so the two differ mostly in
 * whitespace and Unicode normal form. Both are compared as a "skeleton": folded (foldText: NFD per cluster, one space
 * per whitespace run), whitespace dropped, compatibility letters (ligatures such as "ﬁ") spelt out, since the page view
 * may ask pdf.js for its text without the normalisation the import had. The skeletons are walked forward together;
 * at a mismatch (a span the stored text lacks, an OCR'd or edited page) they resynchronise on the nearest common
 * run of RESYNC_GRAM letters. Whatever cannot be matched stays unmapped, and lookups snap past it.
 */
import { foldText } from '../anchoring/fold';

/** A piece of one span to draw: characters [start, end) of span `span` (UTF-16 offsets into the span's string). */
export interface TextPiece {
  span: number;
  start: number;
  end: number;
}

/** Which side of a range a point is: starts snap forward to mapped text, ends snap back. */
export type PointSide = 'start' | 'end';

/** Letters that must agree before the walk trusts a resynchronisation (short runs recur too often in prose). */
const RESYNC_GRAM = 8;
/** How far (skeleton letters, in either text) a resynchronisation may skip: about a column of a dense page. */
const RESYNC_WINDOW = 2500;

interface Skeleton {
  text: string;
  /** For each skeleton unit, the range of the original string it came from. */
  from: Int32Array;
  to: Int32Array;
}

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

function skeleton(original: string): Skeleton {
  const folded = foldText(original);
  const units: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const { text, originStart, originEnd } = folded;
  for (let u = 0; u < text.length; u += 1) {
    const unit = text.charCodeAt(u);
    if (unit === 0x20) continue;
    const c = text[u]!;
    // NFKD spells out ligatures and other compatibility letters; it never merges letters, so origins stay per unit.
    const spelt = unit < 0xa0 || isSurrogate(unit) ? c : c.normalize('NFKD');
    for (let k = 0; k < spelt.length; k += 1) {
      if (spelt.charCodeAt(k) === 0x20) continue;
      units.push(spelt[k]!);
      from.push(originStart[u]!);
      to.push(originEnd[u]!);
    }
  }
  return { text: units.join(''), from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** Where each RESYNC_GRAM-letter run of `text` starts, in ascending order. */
function gramIndex(text: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i + RESYNC_GRAM <= text.length; i += 1) {
    const gram = text.slice(i, i + RESYNC_GRAM);
    const at = index.get(gram);
    if (at) at.push(i);
    else index.set(gram, [i]);
  }
  return index;
}

/** The first position in ascending `positions` that is >= `min`, or -1. */
function firstAtLeast(positions: readonly number[], min: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo < positions.length ? positions[lo]! : -1;
}

/** The nearest place after a mismatch at (i, j) where both texts agree again (fewest letters skipped), or null. */
function resync(a: string, b: string, i: number, j: number, bGrams: Map<string, number[]>): [number, number] | null {
  let best: [number, number] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let da = 0; da <= RESYNC_WINDOW && i + da < a.length && da < bestCost; da += 1) {
    const left = a.length - (i + da);
    let pos: number;
    if (left >= RESYNC_GRAM) {
      const positions = bGrams.get(a.slice(i + da, i + da + RESYNC_GRAM));
      pos = positions ? firstAtLeast(positions, j) : -1;
    } else {
      // The last few letters of the layer: only a match running to the end of the page text will do.
      const tail = a.slice(i + da);
      pos = b.length - tail.length >= j && b.endsWith(tail) ? b.length - tail.length : -1;
    }
    if (pos < 0 || pos - j > RESYNC_WINDOW) continue;
    const cost = da + (pos - j);
    if (cost < bestCost && (da > 0 || pos > j)) {
      bestCost = cost;
      best = [i + da, pos];
    }
  }
  return best;
}

/** For each unit of skeleton `a`, the unit of skeleton `b` it matches, or -1. */
function align(a: string, b: string): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const bGrams = gramIndex(b);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a.charCodeAt(i) === b.charCodeAt(j)) {
      match[i] = j;
      i += 1;
      j += 1;
      continue;
    }
    const next = resync(a, b, i, j, bGrams);
    if (next) {
      [i, j] = next;
    } else {
      // Nothing near agrees again: no run starting in the next RESYNC_WINDOW letters of the layer matches, and
      // trying each of them again would fail the same way, so skip past them.
      i += RESYNC_WINDOW + 1;
    }
  }
  return match;
}

export class PageTextMap {
  /** Where each span starts in the spans' concatenation. */
  private readonly spanStart: Int32Array;
  /** For each unit of the concatenated spans, the source range it matches ([-1, -1] when unmatched). */
  private readonly unitStart: Int32Array;
  private readonly unitEnd: Int32Array;
  /** Fraction (0–1) of the page text's letters that some span letter matched; 1 for a page with no letters. */
  readonly coverage: number;

  /**
   * @param spans the text layer's span strings in order
   * @param pageText the page's slice of the stored text (source.pdf.pages[n-1].start..end)
   * @param pageStart where that slice starts in the stored text, so offsets come back absolute
   */
  constructor(readonly spans: readonly string[], pageText: string, pageStart: number) {
    this.spanStart = new Int32Array(spans.length + 1);
    let at = 0;
    spans.forEach((s, k) => {
      this.spanStart[k] = at;
      at += s.length;
    });
    this.spanStart[spans.length] = at;
    const layer = skeleton(spans.join(''));
    const page = skeleton(pageText);
    const match = align(layer.text, page.text);
    this.unitStart = new Int32Array(at).fill(-1);
    this.unitEnd = new Int32Array(at).fill(-1);
    let matched = 0;
    for (let x = 0; x < match.length; x += 1) {
      const m = match[x]!;
      if (m < 0) continue;
      matched += 1;
      const s = pageStart + page.from[m]!;
      const e = pageStart + page.to[m]!;
      for (let p = layer.from[x]!; p < layer.to[x]!; p += 1) {
        this.unitStart[p] = this.unitStart[p]! < 0 ? s : Math.min(this.unitStart[p]!, s);
        this.unitEnd[p] = Math.max(this.unitEnd[p]!, e);
      }
    }
    this.coverage = page.text.length === 0 ? 1 : matched / page.text.length;
  }

  /**
   * The source offset of a point in the layer: before character `char` of span `span` (char may equal the span's
   * length). A start snaps forward to the next matched character, an end back to the previous one; null when there
   * is none on that side (the point lies beyond all matched text of the page).
   */
  sourceOffset(span: number, char: number, side: PointSide): number | null {
    if (span < 0 || span >= this.spans.length) throw new RangeError(`span ${span} is not on this page (it has ${this.spans.length})`);
    const p = this.spanStart[span]! + Math.max(0, Math.min(char, this.spans[span]!.length));
    if (side === 'start') {
      for (let q = p; q < this.unitStart.length; q += 1) if (this.unitStart[q]! >= 0) return this.unitStart[q]!;
      return null;
    }
    for (let q = p - 1; q >= 0; q -= 1) if (this.unitEnd[q]! >= 0) return this.unitEnd[q]!;
    return null;
  }

  /** The span pieces showing source range [start, end) on this page, in layer order (one per span touched). */
  pieces(start: number, end: number): TextPiece[] {
    const out: TextPiece[] = [];
    if (end <= start) return out;
    for (let k = 0; k < this.spans.length; k += 1) {
      const base = this.spanStart[k]!;
      const limit = this.spanStart[k + 1]!;
      let first = -1;
      let last = -1;
      for (let p = base; p < limit; p += 1) {
        const s = this.unitStart[p]!;
        if (s < 0 || s >= end || this.unitEnd[p]! <= start) continue;
        if (first < 0) first = p;
        last = p;
      }
      if (first >= 0) out.push({ span: k, start: first - base, end: last + 1 - base });
    }
    return out;
  }
}
