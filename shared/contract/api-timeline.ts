/** Contract method for the timeline: dated claims, relationships and events, filtered like the graph (issue 17). */
import { z } from 'zod';
import { method } from './define';
import { id, partialDate } from './schemas';
import { ENTITY_TYPES } from '../domain/types';
import { TIMELINE_KINDS, type TimelineView } from './views-timeline';

export const timelineApi = {
  'timeline.get': method<TimelineView>()({
    request: z.object({
      kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).default([...TIMELINE_KINDS]),
      /** Items involving an entity of one of these types (events: the 'event' type); all when absent. */
      entityTypes: z.array(z.enum(ENTITY_TYPES)).max(ENTITY_TYPES.length).optional(),
      tagId: id.optional(),
      sourceId: id.optional(),
      /** Admiralty grade filter as claims.list reads it ("B", "B2", "2"); narrows claims only. */
      grade: z.string().regex(/^[A-F][1-6]?$|^[1-6]$/, 'expected a grade such as B, B2 or 2').optional(),
      /** Plain partial dates: items whose span meets [from, to]. */
      from: partialDate.optional(),
      to: partialDate.optional(),
    }).strict(),
  }),
};
