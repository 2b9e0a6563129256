import { describe, expect, it } from 'vitest';
import { highlightPlace, offsetPlace } from './reveal';

const pages = [
  { start: 0, end: 1000, width: 612, height: 792, rotation: 0 },
  { start: 1002, end: 2002, width: 612, height: 792, rotation: 0 },
];

describe('highlightPlace', () => {
  it('uses an area\'s rectangle, then a placement\'s topmost rectangle, a little above it', () => {
    const area = { page: 2, rect: { x: 0.1, y: 0.5, w: 0.3, h: 0.2 }, image: null };
    expect(highlightPlace({ area }, 1002, pages)).toEqual({ page: 2, y: 0.47 });
    const pdf = { page: 1, rects: [{ x: 0.1, y: 0.4, w: 0.5, h: 0.02 }, { x: 0.1, y: 0.3, w: 0.5, h: 0.02 }] };
    expect(highlightPlace({ pdf }, 10, pages)).toEqual({ page: 1, y: 0.27 });
  });

  it('estimates a text-view highlight\'s place from its offset through its page\'s text', () => {
    expect(highlightPlace({}, 1502, pages)).toEqual({ page: 2, y: 0.47 });
    expect(offsetPlace(0, pages)).toEqual({ page: 1, y: 0.07 });
    expect(highlightPlace({}, null, pages)).toBeNull();
  });
});
