import { describe, expect, it } from 'vitest';
import { qualifiedDateError, storedDate } from './qualifiedDateField';

describe('qualified date field', () => {
  it('accepts plain, prefixed and worded dates and says how to fix the rest', () => {
    for (const ok of ['', '2019', '<2019', 'before 2019', ' about 2015 ', '>2024-03']) expect(qualifiedDateError(ok), ok).toBeNull();
    expect(qualifiedDateError('March 2024')).toContain('prefix < before');
    expect(qualifiedDateError('2024-13')).not.toBeNull();
    expect(storedDate(' before 2019 ')).toBe('<2019');
  });
});
