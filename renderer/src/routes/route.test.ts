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
});
