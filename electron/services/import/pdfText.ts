/** Rebuilds lines and paragraphs from pdf.js text items (position-based, since PDFs store no paragraphs). */

/** The part of a pdf.js TextItem this needs. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, x, y] */
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

/** Gaps this much larger than the page's usual line spacing start a new paragraph. */
const PARAGRAPH_GAP_FACTOR = 1.4;

function toLines(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let text = '';
  let y = Number.NaN;
  let height = 0;
  let endX = Number.NaN;
  const push = (): void => {
    if (text.trim() !== '') lines.push({ text: text.replace(/\s+/g, ' ').trim(), y, height });
    text = '';
    endX = Number.NaN;
  };
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const itemY = item.transform[5] ?? 0;
    const itemHeight = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 10;
    if (text !== '' && Math.abs(itemY - y) > itemHeight * 0.5) push();
    if (item.str !== '') {
      // Items on one line carry no spaces between words set apart by positioning alone.
      const gap = x - endX;
      if (text !== '' && gap > itemHeight * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      if (text === '') {
        y = itemY;
        height = itemHeight;
      }
      text += item.str;
      endX = x + item.width;
    }
    if (item.hasEOL) push();
  }
  push();
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Joins wrapped lines; after a hyphen the next line continues without a space (the hyphen is kept: it may be real). */
function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

/** One page's text: paragraphs separated by a blank line. */
export function pageItemsToText(items: readonly PdfTextItem[]): string {
  const lines = toLines(items);
  const gaps = lines.slice(1).map((line, i) => (lines[i] as Line).y - line.y).filter((gap) => gap > 0);
  const usualGap = median(gaps);

  const paragraphs: string[][] = [];
  let current: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && current.length > 0) {
      const gap = previous.y - line.y;
      // Moving up the page means a new column or block; a wide gap means a new paragraph.
      const newParagraph = gap <= 0 || (usualGap > 0 && gap > usualGap * PARAGRAPH_GAP_FACTOR) ||
        gap > Math.max(previous.height, line.height) * 2.5;
      if (newParagraph) {
        paragraphs.push(current);
        current = [];
      }
    }
    current.push(line.text);
  });
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map(joinLines).join('\n\n');
}
