import { describe, expect, it } from 'vitest';
import { countOf, edgeAnnouncement, edgesInOrder, firstInReadingOrder, nearestInDirection, nodeAnnouncement, stepThrough } from './graph-nav';

describe('countOf', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'entity', 'entities')).toBe('1 entity');
    expect(countOf(0, 'entity', 'entities')).toBe('0 entities');
    expect(countOf(2, 'relationship', 'relationships')).toBe('2 relationships');
  });
});

describe('graph navigation', () => {
  const points = [
    { id: 'a', x: 0, y: 0 }, { id: 'b', x: 300, y: 10 }, { id: 'c', x: 0, y: 250 }, { id: 'd', x: 120, y: -200 },
  ];

  it('starts at the top row, leftmost', () => {
    expect(firstInReadingOrder(points)).toBe('d');
    expect(firstInReadingOrder(points.filter((p) => p.id !== 'd'))).toBe('a');
    expect(firstInReadingOrder([])).toBeNull();
  });

  it('moves to the nearest node in the direction, preferring one straight ahead', () => {
    const a = points[0]!;
    expect(nearestInDirection(a, points, 'right')).toBe('b');
    expect(nearestInDirection(a, points, 'down')).toBe('c');
    expect(nearestInDirection(a, points, 'up')).toBe('d');
    expect(nearestInDirection(a, points, 'left')).toBeNull();
    // Nothing within 45° to the right: the node on that side is still reached.
    const far = [{ id: 'o', x: 0, y: 0 }, { id: 'p', x: 100, y: -300 }];
    expect(nearestInDirection(far[0]!, far, 'right')).toBe('p');
    // Within 45°, one straight ahead beats a nearer one off to the side.
    const two = [{ id: 'o', x: 0, y: 0 }, { id: 'near', x: 100, y: 90 }, { id: 'ahead', x: 200, y: 0 }];
    expect(nearestInDirection(two[0]!, two, 'right')).toBe('ahead');
  });

  it('orders a node’s edges by the other entity’s name and steps through them both ways, wrapping', () => {
    const names: Record<string, string> = { t: 'Türkiye', k: 'Kazakhstan', e: 'Erdoğan', x: 'Xi' };
    const edges = [
      { id: 'e1', from: 'e', to: 't', label: 'leads' },
      { id: 'e2', from: 't', to: 'k', label: 'supports' },
      { id: 'e3', from: 'k', to: 'x', label: 'meets with' },
    ];
    const order = edgesInOrder('t', edges, (id) => names[id]!);
    expect(order).toEqual(['e1', 'e2']);
    expect(stepThrough(order, null, 1)).toBe('e1');
    expect(stepThrough(order, null, -1)).toBe('e2');
    expect(stepThrough(order, 'e2', 1)).toBe('e1');
    expect(stepThrough(order, 'e1', -1)).toBe('e2');
    expect(stepThrough([], null, 1)).toBeNull();
  });
});

describe('announcements', () => {
  it('names a node with its type and relationship count', () => {
    expect(nodeAnnouncement('Türkiye', 'Place', 3)).toBe('Türkiye, place, 3 relationships');
    expect(nodeAnnouncement('Kazakhstan', 'Place', 1)).toBe('Kazakhstan, place, 1 relationship');
  });

  it('reads a relationship as a sentence with its evidence', () => {
    expect(edgeAnnouncement('Türkiye', 'supports', 'Kazakhstan', false, { passages: 1, claims: 0 })).toBe('Türkiye supports Kazakhstan, evidenced by 1 passage');
    expect(edgeAnnouncement('A', 'meets with', 'B', false, { passages: 2, claims: 1 })).toBe('A meets with B, evidenced by 2 passages and 1 claim');
    expect(edgeAnnouncement('A', 'leads', 'B', true, { passages: 0, claims: 0 })).toBe('A leads B, unevidenced');
    expect(edgeAnnouncement('A', 'leads', 'B', false)).toBe('A leads B, evidenced');
  });
});
