import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/contract/views-timeline';
import { toVisItem } from './timelineItems';
import { ALL_TIMELINE, gradeError, timelineRequest } from './timelineFilter';

const item = (over: Partial<TimelineItem>): TimelineItem => ({
  id: 'claim:c1', kind: 'claim', recordId: 'c1', title: 'Tokayev: trade will grow', dateLabel: 'March 2024', earliest: '2024-03-01', latest: '2024-03-31',
  drawStart: '2024-03-01', drawEnd: '2024-03-31', qualified: false, grade: 'B2', entities: [], ...over,
});

describe('toVisItem', () => {
  it('draws a partial date to the end of its last day, labelled in words', () => {
    expect(toVisItem(item({}))).toMatchObject({ start: '2024-03-01', end: '2024-04-01', className: 'tl-claim', label: 'March 2024', tooltip: 'Claim (B2) · March 2024\nTokayev: trade will grow' });
  });
  it('marks qualified dates and their open sides', () => {
    const before = toVisItem(item({ kind: 'relationship', grade: null, qualified: true, earliest: null, latest: '2018-12-31', drawStart: '2017-12-31', drawEnd: '2018-12-31', dateLabel: 'before 2019' }));
    expect(before.className).toBe('tl-relationship tl-qualified tl-open-start');
    expect(before.end).toBe('2019-01-01');
    expect(toVisItem(item({ latest: null, qualified: true })).className).toBe('tl-claim tl-qualified tl-open-end');
  });
  it('shortens long titles for the bar, keeping the whole in the tooltip', () => {
    const long = 'x'.repeat(200);
    const v = toVisItem(item({ title: long }));
    expect(v.title).toHaveLength(56);
    expect(v.tooltip).toContain(long);
  });
});

describe('timelineRequest', () => {
  it('sends only usable filters', () => {
    expect(timelineRequest(ALL_TIMELINE)).toEqual({ kinds: ['claim', 'relationship', 'event'] });
    expect(timelineRequest({ ...ALL_TIMELINE, entityTypes: ['person'], grade: 'b2', from: '2019', to: '20', tagId: 't' }))
      .toEqual({ kinds: ['claim', 'relationship', 'event'], entityTypes: ['person'], grade: 'B2', from: '2019', tagId: 't' });
    expect(gradeError('G')).not.toBeNull();
  });
});
