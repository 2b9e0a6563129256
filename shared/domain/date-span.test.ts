import { describe, expect, it } from 'vitest';
import { dateSpan, spanMeets } from './date-span';

describe('dateSpan', () => {
  it('draws a partial date over its whole period', () => {
    expect(dateSpan('2024-03', '')).toEqual({ earliest: '2024-03-01', latest: '2024-03-31', drawStart: '2024-03-01', drawEnd: '2024-03-31', qualified: false, label: 'March 2024' });
  });
  it('spans start to end, with the end period included', () => {
    expect(dateSpan('2019', '2021-06')).toMatchObject({ earliest: '2019-01-01', latest: '2021-06-30', label: '2019 – June 2021', qualified: false });
  });
  it('leaves "before" open and draws a year-long fade up to its bound', () => {
    expect(dateSpan('<2019', '')).toMatchObject({ earliest: null, latest: '2018-12-31', drawStart: '2017-12-31', drawEnd: '2018-12-31', qualified: true, label: 'before 2019' });
  });
  it('leaves "after" open to the right, and an end alone open to the left', () => {
    expect(dateSpan('>2024-03', '')).toMatchObject({ earliest: '2024-04-01', latest: null, drawEnd: '2024-06-30', label: 'after March 2024' });
    expect(dateSpan('', '2020')).toMatchObject({ earliest: null, latest: '2020-12-31', drawStart: '2020-01-01', label: 'until 2020', qualified: false });
  });
  it('has no span without a date', () => {
    expect(dateSpan('', '')).toBeNull();
    expect(dateSpan('someday', '')).toBeNull();
  });
});

describe('spanMeets', () => {
  it('compares whole periods and lets open sides reach any range', () => {
    const before2019 = dateSpan('<2019', '')!;
    expect(spanMeets(before2019, '1990', '2018-06')).toBe(true);
    expect(spanMeets(before2019, '2019', '')).toBe(false);
    const march = dateSpan('2024-03', '')!;
    expect(spanMeets(march, '2024-03-31', '')).toBe(true);
    expect(spanMeets(march, '', '2024-02')).toBe(false);
    expect(spanMeets(march, '', '')).toBe(true);
  });
});
