import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/contract/views-timeline';
import { itemAnnouncement, stepInOrder, timeOrder } from './timelineNav';

const item = (id: string, drawStart: string, drawEnd: string, over: Partial<TimelineItem> = {}): TimelineItem => ({
  id, kind: 'relationship', recordId: id, title: id, dateLabel: drawStart, earliest: drawStart, latest: drawEnd,
  drawStart, drawEnd, qualified: false, grade: null, entities: [], ...over,
});

describe('timeOrder', () => {
  it('orders by first day, then last day, then title, whatever order the items come in', () => {
    const items = [
      item('late', '2024-03-01', '2024-03-31'),
      item('b-month', '2022-10-01', '2022-10-31', { title: 'Kassym-Jomart Tokayev attends Astana summit' }),
      item('a-month', '2022-10-01', '2022-10-31', { title: 'Astana summit' }),
      item('day', '2022-10-01', '2022-10-01'),
      item('early', '2017-12-31', '2018-12-31'),
    ];
    expect(timeOrder(items)).toEqual(['early', 'day', 'a-month', 'b-month', 'late']);
  });
});

describe('stepInOrder', () => {
  const order = ['a', 'b', 'c'];
  it('steps both ways and stops at the ends', () => {
    expect(stepInOrder(order, 'a', 1)).toBe('b');
    expect(stepInOrder(order, 'b', -1)).toBe('a');
    expect(stepInOrder(order, 'c', 1)).toBeNull();
    expect(stepInOrder(order, 'a', -1)).toBeNull();
  });
  it('starts at the first item when nothing (or something no longer shown) is focused', () => {
    expect(stepInOrder(order, null, -1)).toBe('a');
    expect(stepInOrder(order, 'gone', 1)).toBe('a');
    expect(stepInOrder([], null, 1)).toBeNull();
  });
});

describe('itemAnnouncement', () => {
  it('says the kind, what, when and where in the order', () => {
    expect(itemAnnouncement(item('r', '2017-12-31', '2018-12-31', { title: 'A meets with B', dateLabel: 'before 2019' }), 1, 4))
      .toBe('Relationship: A meets with B, before 2019. 1 of 4');
  });
  it('gives a claim its grade', () => {
    expect(itemAnnouncement(item('c', '2024-03-01', '2024-03-31', { kind: 'claim', grade: 'B2', title: 'T: x', dateLabel: 'March 2024' }), 4, 4))
      .toBe('Claim, graded B2: T: x, March 2024. 4 of 4');
  });
});
