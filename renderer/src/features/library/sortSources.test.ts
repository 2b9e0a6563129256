import { describe, expect, it } from 'vitest';
import type { LibrarySource } from '../../../../shared/contract/library-wire';
import { filterAndSortSources, nextSort } from './sortSources';

const source = (id: string, title: string, publishedAt: string, highlightCount: number, createdAt: string) =>
  ({ id, meta: { title, publishedAt }, highlightCount, createdAt } as unknown as LibrarySource);

const list = [
  source('1', 'Beta report', '2021-05', 3, '2024-01-02T00:00:00Z'),
  source('2', 'alpha brief', '', 10, '2024-01-03T00:00:00Z'),
  source('3', 'Gamma Report 2', '2019', 0, '2024-01-01T00:00:00Z'),
];

describe('filterAndSortSources', () => {
  it('filters titles case-insensitively', () => {
    expect(filterAndSortSources(list, 'REPORT', { column: 'title', direction: 'asc' }).map((s) => s.id)).toEqual(['1', '3']);
  });
  it('sorts by each column in both directions', () => {
    const ids = (column: 'title' | 'date' | 'highlights' | 'added', direction: 'asc' | 'desc') =>
      filterAndSortSources(list, '', { column, direction }).map((s) => s.id);
    expect(ids('title', 'asc')).toEqual(['2', '1', '3']);
    expect(ids('date', 'asc')).toEqual(['2', '3', '1']);
    expect(ids('highlights', 'desc')).toEqual(['2', '1', '3']);
    expect(ids('added', 'desc')).toEqual(['2', '1', '3']);
  });
  it('flips the direction when the same column is clicked again', () => {
    expect(nextSort({ column: 'date', direction: 'desc' }, 'date')).toEqual({ column: 'date', direction: 'asc' });
    expect(nextSort({ column: 'date', direction: 'desc' }, 'title')).toEqual({ column: 'title', direction: 'asc' });
  });
});
