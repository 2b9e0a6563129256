import { describe, expect, it } from 'vitest';
import { dateTime, plural } from './format';

describe('format', () => {
  it('counts nouns, regular and irregular', () => {
    expect(plural(1, 'source')).toBe('1 source');
    expect(plural(0, 'source')).toBe('0 sources');
    expect(plural(2, 'hypothesis', 'hypotheses')).toBe('2 hypotheses');
  });
  it('writes an ISO time with its year and minutes', () => {
    const s = dateTime('2024-03-05T14:07:00Z');
    expect(s).toMatch(/2024/);
    expect(s).toMatch(/\d{1,2}:\d{2}/);
  });
});
