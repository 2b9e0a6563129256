import { describe, expect, it } from 'vitest';
import type { AnchoredHighlight } from '../../../../../shared/contract/views';
import { placedInReadingOrder } from './placedOrder';

const at = (id: string, start: number | null, status: AnchoredHighlight['status'] = 'exact') =>
  ({ highlight: { id }, status, range: start === null ? null : { start, end: start + 5 } }) as unknown as AnchoredHighlight;
const ids = (list: AnchoredHighlight[]) => list.map((h) => h.highlight.id);

describe('placedInReadingOrder', () => {
  it('drops orphans and unplaced highlights, keeping an already ordered view as it is', () => {
    expect(ids(placedInReadingOrder([at('a', 1), at('o', 3, 'orphan'), at('n', null), at('b', 4), at('c', 4)]))).toEqual(['a', 'b', 'c']);
  });

  it('sorts by start when a re-anchored highlight moved out of order, ties keeping their order', () => {
    expect(ids(placedInReadingOrder([at('a', 10), at('moved', 2, 'moved'), at('b', 10), at('c', 30)]))).toEqual(['moved', 'a', 'b', 'c']);
  });
});
