/** Serves the timeline. */
import { ok } from '../../../shared/domain/result';
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { getTimeline } from '../workbench/timeline';

export function createTimelineHandlers(wb: Workbench): Pick<ApiHandlers, 'timeline.get'> {
  return { 'timeline.get': async (req) => ok(getTimeline(wb, req)) };
}
