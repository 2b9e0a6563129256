import { describe, expect, it } from 'vitest';
import { makeClaim } from '../../tests/support/search-fixtures';
import { claimDoc } from './records';

describe('claim dates in the search index', () => {
  it('index a qualified date ("<2019", before 2019) at its date, so date filters compare it as a date', () => {
    expect(claimDoc(makeClaim('c1', 'said', { claimedAt: '<2019' })).date).toBe('2019');
    expect(claimDoc(makeClaim('c2', 'said', { claimedAt: '~2015-05' })).date).toBe('2015-05');
    expect(claimDoc(makeClaim('c3', 'said', { claimedAt: '2022-10-12' })).date).toBe('2022-10-12');
  });
});
