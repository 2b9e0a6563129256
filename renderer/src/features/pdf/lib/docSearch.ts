/** Search within a PDF source: matches in its stored text (the text view's text), each with the page that holds it. */
import { pageOfOffset, type PdfPageInfo } from '../../../../../shared/domain/pdf';

export interface SearchHit {
  start: number;
  end: number;
  /** 1-based. */
  page: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Case-insensitive matches of `query` in `text`; whitespace in the query matches any run of whitespace (a line or
 * page break in the text). Offsets are the text's own, so they map to pages and highlights unchanged.
 */
export function findHits(text: string, pages: readonly PdfPageInfo[], query: string, limit = 5000): SearchHit[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escape).join('\\s+'), 'giu');
  const hits: SearchHit[] = [];
  for (const m of text.matchAll(pattern)) {
    if (hits.length >= limit) break;
    const start = m.index;
    hits.push({ start, end: start + m[0].length, page: pageOfOffset(pages, start) ?? 1 });
  }
  return hits;
}

/** The hit to show first: the first one on or after `page`, else the first one. */
export function firstHitFrom(hits: readonly SearchHit[], page: number): number {
  if (hits.length === 0) return -1;
  const at = hits.findIndex((h) => h.page >= page);
  return at >= 0 ? at : 0;
}

export const stepHit = (index: number, count: number, step: 1 | -1) => (count === 0 ? -1 : (index + step + count) % count);
