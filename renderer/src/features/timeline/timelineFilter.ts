/** The timeline's filters (like the graph's: entity types, tag, source, dates; plus kinds and grade) and their query. */
import { ENTITY_TYPES, type EntityType } from '../../../../shared/domain/types';
import { TIMELINE_KINDS, type TimelineKind } from '../../../../shared/contract/views-timeline';
import type { TimelineQuery } from '../../api/timelineHooks';
import { dateError } from '../analysis/ClaimDialog/claimDraft';

export interface TimelineFilters {
  kinds: readonly TimelineKind[];
  entityTypes: readonly EntityType[];
  tagId: string | null;
  sourceId: string | null;
  /** Admiralty grade filter for claims ("B", "B2", "2") or ''. */
  grade: string;
  /** Plain partial dates or ''. */
  from: string;
  to: string;
}

export const ALL_TIMELINE: TimelineFilters = { kinds: TIMELINE_KINDS, entityTypes: ENTITY_TYPES, tagId: null, sourceId: null, grade: '', from: '', to: '' };

const GRADE = /^[A-F][1-6]?$|^[1-6]$/;

/** null when the typed grade filter is usable (or empty). */
export const gradeError = (grade: string) => (grade === '' || GRADE.test(grade.toUpperCase()) ? null : 'A grade such as B, B2 or 2');

/** The request for these filters: unset and half-typed values left out, so typing never sends a request that fails. */
export function timelineRequest(f: TimelineFilters): TimelineQuery {
  const grade = f.grade.toUpperCase();
  return {
    kinds: [...f.kinds],
    ...(f.entityTypes.length < ENTITY_TYPES.length ? { entityTypes: [...f.entityTypes] } : {}),
    ...(f.tagId ? { tagId: f.tagId } : {}),
    ...(f.sourceId ? { sourceId: f.sourceId } : {}),
    ...(grade && !gradeError(grade) ? { grade } : {}),
    ...(f.from && !dateError(f.from) ? { from: f.from } : {}),
    ...(f.to && !dateError(f.to) ? { to: f.to } : {}),
  };
}
