/** Shapes recognised lines into the page text the import keeps: one paragraph per tesseract paragraph, blank-line separated. */

/**
 * Joins a paragraph's lines with spaces. A line ending in a hyphen after a letter is joined to the next without a
 * space and with the hyphen kept ("well-" + "known" → "well-known"): dropping it would mangle real compounds, and
 * keeping "recog-nition" loses nothing a reader needs.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text)) text += line;
    else text += ` ${line}`;
  }
  return text;
}

/** A recognised word: its text and its box [x0, y0, x1, y1] (pixels of the render, or points once converted). */
export interface OcrWord { text: string; box: [number, number, number, number] }

/**
 * A recognised line: its text, the tesseract paragraph (within its block) it belongs to, its top and bottom in
 * pixels, and its words (absent from older callers; the page view's text layer over the scan is built from them).
 */
export interface OcrLine { text: string; paragraph: number; top: number; bottom: number; words?: OcrWord[] }

/**
 * The page's words in text order (block, line, word: the order shapeBlocks writes them), their boxes turned from the
 * render's pixels into page points (displayed page, top-left origin) by `pixelsPerPoint`, rounded to 0.01 pt.
 */
export function wordsOfBlocks(blocks: readonly (readonly OcrLine[])[], pixelsPerPoint: number): OcrWord[] {
  const pt = (px: number): number => Math.round((px / pixelsPerPoint) * 100) / 100;
  return blocks.flatMap((lines) => lines.flatMap((line) => (line.words ?? []).map((w) => ({
    text: w.text, box: [pt(w.box[0]), pt(w.box[1]), pt(w.box[2]), pt(w.box[3])] as OcrWord['box'],
  }))));
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) * q)]!;
};
const median = (values: number[]): number => quantile(values, 0.5);

/**
 * Splits each block's lines into paragraphs: at tesseract's own paragraph breaks, and wherever the gap above a line is
 * clearly wider than the page's usual line gap (a blank line), which tesseract's paragraph finder often misses.
 */
export function paragraphsOfBlocks(blocks: readonly (readonly OcrLine[])[]): string[][] {
  const gaps: number[] = [];
  const heights: number[] = [];
  for (const lines of blocks) {
    lines.forEach((line, i) => {
      heights.push(line.bottom - line.top);
      if (i > 0) gaps.push(line.top - lines[i - 1]!.bottom);
    });
  }
  // A blank line leaves a gap of about a line's height or more; ordinary leading far less (double spacing about 0.9).
  // The quarter-quantile gap stands for ordinary leading, when there is any: a gap clearly wider than it and than
  // 0.9 line heights is a break. With no ordinary gaps to compare (two lines, or one-line paragraphs), a gap over
  // 1.6 line heights is a break by itself.
  const lineHeight = median(heights);
  const lowGap = Math.max(0, quantile(gaps, 0.25));
  const isBreak = (gap: number): boolean => (gap > lowGap * 1.5 && gap > lineHeight * 0.9) || gap > lineHeight * 1.6;
  const paragraphs: string[][] = [];
  for (const lines of blocks) {
    let current: string[] = [];
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      if (previous && (line.paragraph !== previous.paragraph || isBreak(line.top - previous.bottom))) {
        paragraphs.push(current);
        current = [];
      }
      current.push(line.text);
    });
    if (current.length > 0) paragraphs.push(current);
  }
  return paragraphs;
}

/** The page text: paragraphs (each a list of line texts) joined by blank lines; empty paragraphs dropped. */
export function shapeParagraphs(paragraphs: readonly (readonly string[])[]): string {
  return paragraphs.map(joinLines).filter((p) => p !== '').join('\n\n');
}

/** The page text of recognised blocks of lines. */
export const shapeBlocks = (blocks: readonly (readonly OcrLine[])[]): string => shapeParagraphs(paragraphsOfBlocks(blocks));

/** Levenshtein distance over code points (for measuring recognition quality in tests and the bench). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** Character error rate of `recognised` against `expected`: edits needed per expected character. */
export function characterErrorRate(expected: string, recognised: string): number {
  const length = [...expected].length;
  return length === 0 ? ([...recognised].length === 0 ? 0 : 1) : editDistance(expected, recognised) / length;
}
