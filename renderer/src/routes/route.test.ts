import { describe, expect, it } from 'vitest';
import { formatRoute, parseHash, type Route } from './route';

describe('hash routes', () => {
  it('round-trips every route, including ids that need encoding', () => {
    const routes: Route[] = [
      { name: 'library' },
      { name: 'reader', sourceId: 'src_1', highlightId: null },
      { name: 'reader', sourceId: 'a/b?c', highlightId: 'h 1&x' },
      { name: 'tags', tagId: null },
      { name: 'tags', tagId: 'tag_9' },
      { name: 'reader', sourceId: 's1', highlightId: null, range: { start: 10, end: 42 } },
      { name: 'reader', sourceId: 's1', highlightId: 'h1', range: { start: 0, end: 1 } },
      { name: 'entities' },
      { name: 'entity', entityId: 'e/1' },
      { name: 'claims', claimId: null },
      { name: 'claims', claimId: 'c1' },
      { name: 'graph' },
      { name: 'maintenance' },
    ];
    for (const route of routes) expect(parseHash(formatRoute(route))).toEqual(route);
  });

  it('falls back to the library for unknown or incomplete hashes', () => {
    expect(parseHash('')).toEqual({ name: 'library' });
    expect(parseHash('#/nowhere')).toEqual({ name: 'library' });
    expect(parseHash('#/reader/')).toEqual({ name: 'library' });
    expect(parseHash('#/reader/%E0%A4%A')).toEqual({ name: 'library' });
  });

  it('reads the highlight id from the query', () => {
    expect(parseHash('#/reader/s1?h=h2')).toEqual({ name: 'reader', sourceId: 's1', highlightId: 'h2' });
  });

  it('reads a text range from s and e, ignoring malformed or empty ranges', () => {
    expect(parseHash('#/reader/s1?s=5&e=9')).toEqual({ name: 'reader', sourceId: 's1', highlightId: null, range: { start: 5, end: 9 } });
    expect(parseHash('#/reader/s1?s=9&e=5')).toEqual({ name: 'reader', sourceId: 's1', highlightId: null });
    expect(parseHash('#/reader/s1?s=-1&e=5')).toEqual({ name: 'reader', sourceId: 's1', highlightId: null });
    expect(parseHash('#/reader/s1?s=1.5&e=5')).toEqual({ name: 'reader', sourceId: 's1', highlightId: null });
  });

  it('sends an entity route without an id to the entity list', () => {
    expect(parseHash('#/entity/')).toEqual({ name: 'entities' });
  });
});
