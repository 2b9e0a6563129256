/**
 * The recognised words of a scanned (OCR'd) page, as stored in PdfPageInfo.words: where each sits in the page's text and
 * on the page. They stand in for pdf.js's text layer, which a page image does not have: a source range gives its
 * rectangles straight from the word boxes, and a point in a word's span gives its source offset (no alignment needed).
 */
import type { PdfPageInfo, PdfRect } from '../domain/pdf';
import type { PointSide, TextPiece } from './page-text-map';
import { mergeLineRects } from './rects';

/** Numbers per word in PdfPageInfo.words: start, end (offsets in the page's text), x0, y0, x1, y1 (points, top-left origin). */
export const OCR_WORD_STRIDE = 6;

/** One word of a scanned page: its absolute range in the source text and its box as page fractions. */
export interface OcrWordBox {
  start: number;
  end: number;
  rect: PdfRect;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** The page's words (absolute offsets, boxes as fractions of the displayed page); [] for a page without them. */
export function ocrWordBoxes(info: PdfPageInfo): OcrWordBox[] {
  const flat = info.words;
  if (!flat || info.width <= 0 || info.height <= 0) return [];
  const out: OcrWordBox[] = [];
  for (let i = 0; i + OCR_WORD_STRIDE <= flat.length; i += OCR_WORD_STRIDE) {
    const [s, e, x0, y0, x1, y1] = flat.slice(i, i + OCR_WORD_STRIDE) as [number, number, number, number, number, number];
    const start = info.start + s;
    const end = info.start + e;
    // A word outside the page's text (a corrupt record) is left out rather than drawn somewhere wrong.
    if (!(end > start) || start < info.start || end > info.end) continue;
    const x = clamp01(x0 / info.width);
    const y = clamp01(y0 / info.height);
    out.push({ start, end, rect: { x, y, w: clamp01(x1 / info.width) - x, h: clamp01(y1 / info.height) - y } });
  }
  return out;
}

/** Rough relative widths of characters, so a cut through a word lands near the right letter ("budget." minus "."). */
function charWidth(c: string): number {
  if (/[.,:;!'"’‘|()[\]ilIj]/.test(c)) return 0.4;
  if (/[mwMW]/.test(c)) return 1.4;
  return 1;
}

/** Where character offset `at` (0..length) falls across `word`, as a fraction of its box width. */
function cutAt(word: string, at: number): number {
  let before = 0;
  let total = 0;
  for (let i = 0; i < word.length; i += 1) {
    const w = charWidth(word[i]!);
    if (i < at) before += w;
    total += w;
  }
  return total === 0 ? 0 : before / total;
}

/**
 * The rectangles of source range [start, end) on the page, merged per line; `text` is the source text. A word partly
 * inside the range is cut by its characters' rough widths (tesseract gives no box per letter).
 */
export function ocrWordRects(words: readonly OcrWordBox[], text: string, start: number, end: number, aspect: number): PdfRect[] {
  const rects: PdfRect[] = [];
  for (const word of words) {
    if (word.end <= start || word.start >= end) continue;
    const chars = text.slice(word.start, word.end);
    const from = cutAt(chars, Math.max(start, word.start) - word.start);
    const to = cutAt(chars, Math.min(end, word.end) - word.start);
    const { x, y, w, h } = word.rect;
    rects.push({ x: x + w * from, y, w: w * (to - from), h });
  }
  return mergeLineRects(rects, aspect);
}

/**
 * A page map over a layer whose span k is word k (its text exactly the word's slice of the source text), with the
 * interface of PageTextMap: a point inside a span is an offset inside its word; a source range is pieces of words.
 */
export class OcrWordMap {
  readonly spans: readonly string[];

  constructor(private readonly words: readonly OcrWordBox[], text: string) {
    this.spans = words.map((w) => text.slice(w.start, w.end));
  }

  sourceOffset(span: number, char: number, _side: PointSide): number | null {
    const word = this.words[span];
    if (!word) throw new RangeError(`span ${span} is not on this page (it has ${this.words.length})`);
    return word.start + Math.max(0, Math.min(char, word.end - word.start));
  }

  pieces(start: number, end: number): TextPiece[] {
    const out: TextPiece[] = [];
    this.words.forEach((w, k) => {
      if (w.end <= start || w.start >= end) return;
      out.push({ span: k, start: Math.max(start, w.start) - w.start, end: Math.min(end, w.end) - w.start });
    });
    return out;
  }
}
