import { describe, expect, it } from 'vitest';
import { destinationPage, resolveOutline, type DestinationResolver } from './outline';

const refs = [{ num: 10, gen: 0 }, { num: 20, gen: 0 }, { num: 30, gen: 0 }];
const doc: DestinationResolver = {
  numPages: 3,
  getDestination: async (id) => (id === 'chap2' ? [refs[1], { name: 'XYZ' }, 0, 700, null] : null),
  getPageIndex: async (ref) => {
    const i = refs.findIndex((r) => r.num === ref.num);
    if (i < 0) throw new Error('Invalid pageIndex request.');
    return i;
  },
};

describe('outline destinations', () => {
  it('resolves explicit, named and bare-index destinations to 1-based pages', async () => {
    expect(await destinationPage(doc, [refs[2], { name: 'Fit' }])).toBe(3);
    expect(await destinationPage(doc, 'chap2')).toBe(2);
    expect(await destinationPage(doc, [0, { name: 'Fit' }])).toBe(1);
  });

  it('gives no page for missing, broken or out-of-range destinations', async () => {
    expect(await destinationPage(doc, 'nope')).toBeNull();
    expect(await destinationPage(doc, null)).toBeNull();
    expect(await destinationPage(doc, [{ num: 99, gen: 0 }])).toBeNull();
    expect(await destinationPage(doc, [7])).toBeNull();
  });

  it('flattens nested entries in reading order with their depth', async () => {
    const entries = await resolveOutline(doc, [
      { title: 'One', dest: [refs[0]], items: [{ title: ' Two ', dest: 'chap2' }] },
      { title: '', dest: [refs[2]] },
    ]);
    expect(entries).toEqual([
      { title: 'One', page: 1, depth: 0 },
      { title: 'Two', page: 2, depth: 1 },
      { title: 'Untitled', page: 3, depth: 0 },
    ]);
    expect(await resolveOutline(doc, null)).toEqual([]);
  });
});
