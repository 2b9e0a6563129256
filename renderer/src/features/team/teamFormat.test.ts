/** "3 min ago" and friends for the team author line. */
import { describe, expect, it } from 'vitest';
import { formatAgo } from './teamFormat';

const now = Date.parse('2026-03-10T12:00:00.000Z');
const before = (ms: number) => new Date(now - ms).toISOString();

describe('formatAgo', () => {
  it('names minutes, hours and days, and a date beyond a month', () => {
    expect(formatAgo(before(20_000), now)).toBe('just now');
    expect(formatAgo(before(3 * 60_000 + 5_000), now)).toBe('3 min ago');
    expect(formatAgo(before(2 * 3_600_000 + 60_000), now)).toBe('2 h ago');
    expect(formatAgo(before(24 * 3_600_000), now)).toBe('1 day ago');
    expect(formatAgo(before(4 * 24 * 3_600_000), now)).toBe('4 days ago');
    expect(formatAgo(before(40 * 24 * 3_600_000), now)).not.toMatch(/ago$/);
  });

  it('gives back a time it cannot read rather than "NaN min ago"', () => {
    expect(formatAgo('not a time', now)).toBe('not a time');
  });
});
