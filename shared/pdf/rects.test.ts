import { describe, expect, it } from 'vitest';
import { cropPixels, mergeLineRects, rectBetween, rectContains, toPageFraction } from './rects';

describe('toPageFraction', () => {
  it('gives a client box as fractions of the page box, clipped to the page', () => {
    const page = { left: 100, top: 50, width: 600, height: 800 };
    expect(toPageFraction({ left: 160, top: 130, width: 300, height: 20 }, page)).toEqual({ x: 0.1, y: 0.1, w: 0.5, h: 0.025 });
    expect(toPageFraction({ left: 40, top: 800, width: 120, height: 100 }, page)).toEqual({ x: 0, y: 0.9375, w: 0.1, h: 0.0625 });
    expect(toPageFraction({ left: 0, top: 0, width: 50, height: 40 }, page)).toBeNull();
  });
});

describe('mergeLineRects', () => {
  const aspect = 792 / 612;
  it('joins the pieces of one line separated by word spaces into one rectangle per line', () => {
    const line1 = [{ x: 0.1, y: 0.1, w: 0.1, h: 0.02 }, { x: 0.205, y: 0.101, w: 0.1, h: 0.018 }, { x: 0.31, y: 0.1, w: 0.05, h: 0.02 }];
    const line2 = [{ x: 0.1, y: 0.125, w: 0.2, h: 0.02 }];
    expect(mergeLineRects([...line2, ...line1], aspect)).toEqual([
      { x: 0.1, y: 0.1, w: 0.26, h: 0.02 }, { x: 0.1, y: 0.125, w: 0.2, h: 0.02 },
    ]);
  });

  it('keeps the two columns of one line apart (the gutter is wider than a word space)', () => {
    const left = { x: 0.1, y: 0.5, w: 0.35, h: 0.015 };
    const right = { x: 0.55, y: 0.5, w: 0.35, h: 0.015 };
    expect(mergeLineRects([right, left], aspect)).toEqual([left, right]);
  });

  it('folds a box inside another (a span and its text) into one and drops empty boxes', () => {
    const outer = { x: 0.2, y: 0.3, w: 0.3, h: 0.02 };
    expect(mergeLineRects([outer, { x: 0.25, y: 0.305, w: 0.1, h: 0.01 }, { x: 0.6, y: 0.3, w: 0, h: 0.02 }], aspect)).toEqual([outer]);
  });
});

describe('rectBetween, rectContains, cropPixels', () => {
  it('orders a dragged rectangle\'s corners and clips it to the page', () => {
    expect(rectBetween(0.8, 0.6, 0.2, 1.3)).toEqual({ x: 0.2, y: 0.6, w: 0.6, h: 0.4 });
    expect(rectContains({ x: 0.2, y: 0.6, w: 0.6, h: 0.4 }, 0.5, 0.7)).toBe(true);
    expect(rectContains({ x: 0.2, y: 0.6, w: 0.6, h: 0.4 }, 0.1, 0.7)).toBe(false);
  });

  it('crops at the canvas\'s own (device-pixel) resolution, in whole pixels inside the canvas', () => {
    expect(cropPixels({ x: 0.25, y: 0.5, w: 0.5, h: 0.25 }, 1224, 1584)).toEqual({ sx: 306, sy: 792, sw: 612, sh: 396 });
    expect(cropPixels({ x: 0.999, y: 0.999, w: 0.001, h: 0.001 }, 100, 100)).toEqual({ sx: 99, sy: 99, sw: 1, sh: 1 });
  });
});
