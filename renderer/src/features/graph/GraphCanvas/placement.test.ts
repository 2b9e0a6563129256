import { describe, expect, it } from 'vitest';
import { placeNewNodes, spiralPoint } from './placement';

describe('placeNewNodes', () => {
  it('puts a new node next to its placed neighbours and leaves placed nodes alone', () => {
    const placed = new Map([['a', { x: 0, y: 0 }], ['b', { x: 200, y: 0 }]]);
    const out = placeNewNodes(['c'], placed, (id) => (id === 'c' ? ['a', 'b'] : []));
    expect([...out.keys()]).toEqual(['c']);
    const c = out.get('c')!;
    expect(Math.hypot(c.x - 100, c.y)).toBeLessThan(150);
  });

  it('never stacks siblings or loose nodes on the same spot', () => {
    const placed = new Map([['hub', { x: 0, y: 0 }]]);
    const ids = ['n1', 'n2', 'n3', 'l1', 'l2'];
    const out = placeNewNodes(ids, placed, (id) => (id.startsWith('n') ? ['hub'] : []));
    const keys = new Set([...out.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(ids.length);
  });

  it('spreads a graph with no saved positions around the origin', () => {
    const out = placeNewNodes(['a', 'b'], new Map(), () => []);
    expect(out.get('a')).toEqual(spiralPoint({ x: 0, y: 0 }, 0, 70));
  });
});
