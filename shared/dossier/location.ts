/** Where a passage sits in its source, in words a reader can follow: page (PDF), paragraph number, offsets, opening words. */
import { formatPages } from './pages';

/**
 * Where paragraphs break in a text: the offsets at which each break begins. Paragraphs are separated by
 * blank lines; a text without any blank line has one paragraph per line (the importer's rule).
 * Breaks before the first non-blank character do not count.
 */
export function paragraphBreaks(text: string): number[] {
  const first = text.search(/\S/);
  if (first < 0) return [];
  const pattern = text.includes('\n\n') ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const out: number[] = [];
  for (const m of text.matchAll(pattern)) if (m.index >= first) out.push(m.index);
  return out;
}

/** The 1-based paragraph holding `offset`, given the text's breaks (binary search: many notes, one text). */
export function paragraphIn(breaks: readonly number[], offset: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

export function paragraphAt(text: string, offset: number): number {
  return paragraphIn(paragraphBreaks(text), offset);
}

/** The first `count` words of a quote, with an ellipsis when there is more. */
export function openingWords(exact: string, count = 8): string {
  const words = exact.trim().split(/\s+/).filter(Boolean);
  const head = words.slice(0, count).join(' ');
  return words.length > count ? `${head}…` : head;
}

/**
 * "¶ 2, characters 213–322" (UTF-16 offsets, start inclusive, end exclusive); without a text, offsets only. In a paged
 * PDF the page leads, as a reader of the printed document looks it up first: "p. 12, ¶ 2, characters 213–322".
 */
export function formatLocation(paragraph: number | null, start: number, end: number, pages: readonly [number, number] | null = null): string {
  const chars = `characters ${start}–${end}`;
  const where = paragraph === null ? chars : `¶ ${paragraph}, ${chars}`;
  return pages === null ? where : `${formatPages(pages)}, ${where}`;
}
