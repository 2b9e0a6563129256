import { describe, expect, it } from 'vitest';
import { extentOf, placeNewNodes, spiralByDegree, spiralPoint } from './placement';

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

describe('spiralByDegree', () => {
  it('puts the best connected node in the centre and keeps every pair of nodes a node width apart', () => {
    const nodes = Array.from({ length: 1500 }, (_, i) => ({ id: `n${i}`, degree: i % 7 }));
    nodes.push({ id: 'hub', degree: 99 });
    const out = spiralByDegree(nodes);
    expect(out.size).toBe(1501);
    const hub = out.get('hub')!;
    expect(Math.hypot(hub.x, hub.y)).toBeLessThan(71);
    const points = [...out.values()];
    let closest = Infinity;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    }
    // The largest node is 48 px wide.
    expect(closest).toBeGreaterThan(48);
  });
});

describe('extentOf', () => {
  it('is the box around the points, and null for none', () => {
    expect(extentOf([{ x: 1, y: 5 }, { x: -3, y: 2 }])).toEqual({ x1: -3, y1: 2, x2: 1, y2: 5 });
    expect(extentOf([])).toBeNull();
  });
});
