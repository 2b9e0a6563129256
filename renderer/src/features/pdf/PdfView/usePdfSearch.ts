/** Search within the document: matches in the source's stored text, stepped through page by page. */
import { useDeferredValue, useMemo, useState } from 'react';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { findHits, firstHitFrom, stepHit, type SearchHit } from '../lib/docSearch';

export interface PdfSearch {
  query: string;
  setQuery(q: string): void;
  hits: SearchHit[];
  /** The shown hit, -1 before the first step. */
  index: number;
  step(direction: 1 | -1): void;
}

export function usePdfSearch(text: string, pages: readonly PdfPageInfo[], currentPage: () => number, show: (hit: SearchHit) => void): PdfSearch {
  const [query, setQueryState] = useState('');
  const [index, setIndex] = useState(-1);
  // Typing stays responsive on a long document: matching follows a keystroke behind.
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => (deferred.trim() === '' ? [] : findHits(text, pages, deferred)), [text, pages, deferred]);
  const setQuery = (q: string) => {
    setQueryState(q);
    setIndex(-1);
  };
  const step = (direction: 1 | -1) => {
    const all = query === deferred ? hits : findHits(text, pages, query);
    if (all.length === 0) return;
    const next = index < 0 || index >= all.length ? firstHitFrom(all, currentPage()) : stepHit(index, all.length, direction);
    setIndex(next);
    show(all[next]!);
  };
  return { query, setQuery, hits, index: index < hits.length ? index : -1, step };
}
