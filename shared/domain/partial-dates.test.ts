import { describe, expect, it } from 'vitest';
import {
  compareQualifiedDates, formatDateSpan, formatQualifiedDate, isPlainDate, isQualifiedDate, normalizeDateInput, parseQualifiedDate, qualifierInWords,
} from './partial-dates';

describe('parseQualifiedDate', () => {
  it('gives a plain partial date its whole period', () => {
    expect(parseQualifiedDate('2024-03')).toMatchObject({ qualifier: 'exact', precision: 'month', earliest: '2024-03-01', latest: '2024-03-31' });
    expect(parseQualifiedDate('2024-02')?.latest).toBe('2024-02-29');
    expect(parseQualifiedDate('2019')).toMatchObject({ precision: 'year', earliest: '2019-01-01', latest: '2019-12-31' });
    expect(parseQualifiedDate('2019-05-02')).toMatchObject({ precision: 'day', earliest: '2019-05-02', latest: '2019-05-02' });
  });
  it('leaves "before" open at the start and "after" open at the end, bounded by the period', () => {
    expect(parseQualifiedDate('<2019')).toMatchObject({ qualifier: 'before', date: '2019', earliest: null, latest: '2018-12-31', periodStart: '2019-01-01' });
    expect(parseQualifiedDate('>2024-03')).toMatchObject({ qualifier: 'after', earliest: '2024-04-01', latest: null, periodEnd: '2024-03-31' });
  });
  it('widens "about" by one unit of its precision each side', () => {
    expect(parseQualifiedDate('~2015')).toMatchObject({ qualifier: 'about', earliest: '2014-01-01', latest: '2016-12-31' });
    expect(parseQualifiedDate('~2024-01')).toMatchObject({ earliest: '2023-12-01', latest: '2024-02-29' });
    expect(parseQualifiedDate('~2024-03-01')).toMatchObject({ earliest: '2024-02-29', latest: '2024-03-02' });
  });
  it('rejects what is not the stored form or not a day of the calendar', () => {
    for (const bad of ['', '2024-13', '2023-02-29', '2024-00', '2024-01-00', '<<2019', '< 2019', 'before 2019', '2019-1', '20190', '2019-05-02T10:00']) {
      expect(parseQualifiedDate(bad), bad).toBeNull();
    }
    expect(parseQualifiedDate('2024-02-29')).not.toBeNull();
  });
});

describe('validators', () => {
  it('accept qualifiers only where qualified dates are allowed', () => {
    expect(isQualifiedDate('')).toBe(true);
    expect(isQualifiedDate('~2015')).toBe(true);
    expect(isQualifiedDate('2015-02-30')).toBe(false);
    expect(isPlainDate('2015-02')).toBe(true);
    expect(isPlainDate('~2015')).toBe(false);
  });
});

describe('formatting', () => {
  it('spells dates out with their qualifier', () => {
    expect(formatQualifiedDate('2024-03')).toBe('March 2024');
    expect(formatQualifiedDate('<2019')).toBe('before 2019');
    expect(formatQualifiedDate('>2024-03')).toBe('after March 2024');
    expect(formatQualifiedDate('~2015')).toBe('about 2015');
    expect(formatQualifiedDate('2019-05-02')).toBe('2 May 2019');
    expect(formatQualifiedDate('')).toBe('');
    expect(formatQualifiedDate('someday')).toBe('someday');
  });
  it('formats spans, open starts and equal ends', () => {
    expect(formatDateSpan('2019', '2024-03')).toBe('2019 – March 2024');
    expect(formatDateSpan('', '<2020')).toBe('until before 2020');
    expect(formatDateSpan('2020', '')).toBe('2020');
    expect(formatDateSpan('2020', '2020')).toBe('2020');
    expect(formatDateSpan('', '')).toBe('');
    expect(formatDateSpan('~2019-03', '2020', qualifierInWords)).toBe('about 2019-03 – 2020');
  });
  it('puts the qualifier in words and keeps the ISO date', () => {
    expect(qualifierInWords('<2019-03')).toBe('before 2019-03');
    expect(qualifierInWords('2019-03')).toBe('2019-03');
  });
});

describe('compareQualifiedDates', () => {
  it('orders by time, qualifier, then precision; undated last', () => {
    const dates = ['', '2019-05', '>2019', '2019', '<2019', '2018-12-31', '~2019', 'junk'];
    expect([...dates].sort(compareQualifiedDates)).toEqual(['2018-12-31', '<2019', '~2019', '2019', '>2019', '2019-05', 'junk', '']);
  });
});

describe('normalizeDateInput', () => {
  it('turns words into the stored prefix', () => {
    expect(normalizeDateInput(' before 2019 ')).toBe('<2019');
    expect(normalizeDateInput('After 2024-03')).toBe('>2024-03');
    expect(normalizeDateInput('circa 2015')).toBe('~2015');
    expect(normalizeDateInput('c. 2015')).toBe('~2015');
    expect(normalizeDateInput('< 2019')).toBe('<2019');
    expect(normalizeDateInput('2019-05')).toBe('2019-05');
  });
});
