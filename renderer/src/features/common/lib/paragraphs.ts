/** Splits a source text into display paragraphs that remember their exact UTF-16 offsets. */

export interface Paragraph {
  index: number;
  /** Offset of the paragraph's first code unit in the full text. */
  start: number;
  /** Offset just past its last code unit (line breaks are never inside a paragraph). */
  end: number;
}

const LINE = /[^\r\n]+/g;
const BLANK = /^\s*$/;

/** One paragraph per non-blank line; blank lines and line breaks separate paragraphs. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const match of text.matchAll(LINE)) {
    if (BLANK.test(match[0])) continue;
    const start = match.index;
    paragraphs.push({ index: paragraphs.length, start, end: start + match[0].length });
  }
  return paragraphs;
}

/** Index of the paragraph containing `offset` (or the next one after it), -1 when past the end. */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const p = paragraphs[mid]!;
    if (p.end > offset) {
      found = mid;
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  return found;
}
