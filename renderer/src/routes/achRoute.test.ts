/** The ACH and co-occurrence routes survive a round trip through the hash, and a matrix id is encoded. */
import { describe, expect, it } from 'vitest';
import { formatRoute, parseHash } from './route';

describe('ACH and co-occurrence routes', () => {
  it('round-trips the list, a matrix and the co-occurrence table', () => {
    for (const route of [{ name: 'ach', matrixId: null }, { name: 'ach', matrixId: 'a b/c' }, { name: 'cooccurrence' }] as const) {
      expect(parseHash(formatRoute(route))).toEqual(route);
    }
    expect(formatRoute({ name: 'ach', matrixId: 'a b/c' })).toBe('#/ach/a%20b%2Fc');
  });
});
