import { describe, expect, it } from 'vitest';
import { formatRoute, parseHash } from './route';
import { NO_FILTERS, searchRequestOf } from './searchRoute';

describe('dossier and search routes', () => {
  it('round-trips the dossier list and a dossier', () => {
    expect(parseHash('#/dossiers')).toEqual({ name: 'dossiers' });
    expect(parseHash('#/dossier/d%201')).toEqual({ name: 'dossier', dossierId: 'd 1' });
    expect(formatRoute({ name: 'dossier', dossierId: 'd 1' })).toBe('#/dossier/d%201');
    expect(parseHash('#/dossier/')).toEqual({ name: 'dossiers' });
  });

  it('round-trips a search with every filter, Unicode and quotes included', () => {
    const route = {
      name: 'search' as const, q: '"just peace" Türkiye',
      filters: { kinds: ['source' as const, 'claim' as const], tagId: 't1', entityId: 'e1', sourceId: 's1', dateFrom: '2023', dateTo: '2023-10-12' },
    };
    const hash = formatRoute(route);
    expect(hash.startsWith('#/search?q=')).toBe(true);
    expect(parseHash(hash)).toEqual(route);
  });

  it('drops unknown kinds and malformed dates, and leaves unset filters out of the URL', () => {
    expect(parseHash('#/search?q=x&kinds=source,bogus,source&from=12-2023&to=2024-01')).toEqual({
      name: 'search', q: 'x', filters: { ...NO_FILTERS, kinds: ['source'], dateTo: '2024-01' },
    });
    expect(formatRoute({ name: 'search', q: 'x', filters: NO_FILTERS })).toBe('#/search?q=x');
    expect(formatRoute({ name: 'search', q: '', filters: NO_FILTERS })).toBe('#/search');
  });
});

describe('searchRequestOf', () => {
  it('sends only the filters that are set, and never a malformed date', () => {
    expect(searchRequestOf('  Erdogan ', NO_FILTERS, 30)).toEqual({ q: 'Erdogan', limit: 30 });
    expect(searchRequestOf('x', { kinds: ['claim'], tagId: 't', entityId: 'e', sourceId: 's', dateFrom: '2023-1', dateTo: '2024' }, 100)).toEqual({
      q: 'x', limit: 100, kinds: ['claim'], tagIds: ['t'], entityIds: ['e'], sourceIds: ['s'], dateTo: '2024',
    });
  });
});
