import { describe, expect, it } from 'vitest';
import { virtualSpacers } from './virtualSpacers';

describe('virtualSpacers', () => {
  it('fills the space above and below the rendered window', () => {
    // Items 10 px high from 100 (scrollMargin 100): rows 3..5 rendered out of 10.
    const items = [{ start: 130, end: 140 }, { start: 140, end: 150 }, { start: 150, end: 160 }];
    expect(virtualSpacers(items, 100, 100)).toEqual({ before: 30, after: 40 });
  });

  it('has no spacer at either end when the window covers the whole list', () => {
    expect(virtualSpacers([{ start: 0, end: 20 }, { start: 20, end: 50 }], 50, 0)).toEqual({ before: 0, after: 0 });
  });

  it('keeps the whole size as space below when nothing is rendered yet', () => {
    expect(virtualSpacers([], 1234, 40)).toEqual({ before: 0, after: 1234 });
  });

  it('never returns a negative height', () => {
    expect(virtualSpacers([{ start: 5, end: 80 }], 50, 10)).toEqual({ before: 0, after: 0 });
  });
});
