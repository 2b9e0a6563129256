import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../shared/search/types';
import { formatRoute } from '../../routes/route';
import { groupHits, routeForHit } from './searchTargets';

const hit = (over: Partial<SearchHit>): SearchHit => ({ kind: 'source', id: 'x', title: 't', snippet: 's', matches: [], score: 1, ...over });

describe('routeForHit', () => {
  it('opens a passage at its exact range and a highlight by id', () => {
    expect(formatRoute(routeForHit(hit({ kind: 'source', id: 'S', sourceId: 'S', start: 1518, end: 1525 })))).toBe('#/reader/S?s=1518&e=1525');
    expect(formatRoute(routeForHit(hit({ kind: 'highlight', id: 'H', sourceId: 'S', start: 5, end: 9 })))).toBe('#/reader/S?h=H');
  });

  it('opens claims, entities and dossiers on their own screens', () => {
    expect(formatRoute(routeForHit(hit({ kind: 'claim', id: 'C' })))).toBe('#/claims/C');
    expect(formatRoute(routeForHit(hit({ kind: 'entity', id: 'E' })))).toBe('#/entity/E');
    expect(formatRoute(routeForHit(hit({ kind: 'dossier', id: 'D' })))).toBe('#/dossier/D');
  });

  it('opens a source without a usable range at its top', () => {
    expect(formatRoute(routeForHit(hit({ kind: 'source', id: 'S', sourceId: 'S', start: 9, end: 9 })))).toBe('#/reader/S');
  });
});

describe('groupHits', () => {
  it('orders groups by their best hit, keeps the ranking inside each group, and caps each group', () => {
    const hits = [hit({ kind: 'entity', id: 'e1' }), hit({ kind: 'source', id: 's1' }), hit({ kind: 'source', id: 's2' }), hit({ kind: 'entity', id: 'e2' }), hit({ kind: 'source', id: 's3' })];
    expect(groupHits(hits).map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([['entity', ['e1', 'e2']], ['source', ['s1', 's2', 's3']]]);
    expect(groupHits(hits, 2).map((g) => g.hits.length)).toEqual([2, 2]);
  });
});
