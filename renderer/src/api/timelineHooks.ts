/** Reads for the timeline screen: its query key and hook ("timeline:" keys refresh with every analysis edit, see isAnalysisKey). */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { TimelineView } from '../../../shared/contract/views-timeline';
import { client } from './client';
import { useQuery } from './hooks';
import type { QueryDef } from './queries';

export type TimelineQuery = Partial<RequestOf<Api['timeline.get']>>;

/** Same filters, same key: properties in a fixed order, unset ones left out. */
export const timelineQuery = (q: TimelineQuery): QueryDef<TimelineView> => {
  const entries = Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '').sort(([a], [b]) => a.localeCompare(b));
  return { key: `timeline:${JSON.stringify(Object.fromEntries(entries))}`, fetch: () => client['timeline.get'](q) };
};

export const useTimeline = (q: TimelineQuery) => useQuery(timelineQuery(q));
