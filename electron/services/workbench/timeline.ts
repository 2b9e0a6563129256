/** The timeline: dated claims, relationships and events with their spans and labels, filtered like the graph. */
import type { EntityType } from '../../../shared/domain/types';
import { gradeMatches } from '../../../shared/domain/analysis/grading';
import { dateSpan, spanMeets, type DateSpan } from '../../../shared/domain/date-span';
import { compareQualifiedDates } from '../../../shared/domain/partial-dates';
import { ENTITY_TYPES } from '../../../shared/domain/types';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind, type TimelineView } from '../../../shared/contract/views-timeline';
import type { Workbench } from './workbench';
import { ClaimContext } from './claims';
import { getGraph } from './graph';

export interface TimelineQuery {
  kinds?: readonly TimelineKind[];
  entityTypes?: readonly EntityType[];
  tagId?: string;
  sourceId?: string;
  grade?: string;
  from?: string;
  to?: string;
}

/** What a record carries for the filters, besides its dates. */
interface Candidate {
  item: Omit<TimelineItem, keyof DateSpan | 'dateLabel'>;
  span: DateSpan | null;
  /** Prefix of the date label ("reported " for an event dated only by claims about it). */
  labelPrefix?: string;
  tagIds: Set<string>;
  sourceIds: Set<string>;
  /** Passes the entity-type filter (decided per kind). */
  typed: boolean;
}

const TITLE_MAX = 200;
const cut = (s: string) => (s.length > TITLE_MAX ? `${s.slice(0, TITLE_MAX - 1)}…` : s);

/**
 * An event's span: from the earliest to the latest date of the relationships that touch it; with none dated, of the
 * claims about it ("reported March 2024": when it was said, so no later than that). Sorting the stored dates in time
 * picks the extremes; the span then runs from the first to the last.
 */
function eventSpan(dates: string[]): DateSpan | null {
  const sorted = dates.filter(Boolean).sort(compareQualifiedDates);
  if (sorted.length === 0) return null;
  const first = sorted[0] ?? '';
  const last = sorted[sorted.length - 1] ?? '';
  return dateSpan(first, first === last ? '' : last);
}

function candidates(wb: Workbench, kinds: Set<TimelineKind>, types: Set<EntityType>): Candidate[] {
  const s = wb.state;
  const entity = (id: string) => {
    const e = s.get('entities', id);
    return e ? [{ id: e.id, name: e.name, type: e.type }] : [];
  };
  const out: Candidate[] = [];
  const ctx = new ClaimContext(s);
  const claimViews = s.all('claims').map((c) => ctx.view(c));
  if (kinds.has('claim')) {
    for (const c of claimViews) {
      const entities = [...(c.claimantId ? entity(c.claimantId) : []), ...c.aboutEntityIds.flatMap(entity)];
      const tagIds = new Set([...c.tagIds, ...c.evidenceHighlightIds.flatMap((h) => s.get('highlights', h)?.tagIds ?? [])]);
      out.push({
        item: { id: `claim:${c.id}`, kind: 'claim', recordId: c.id, title: cut(`${c.claimantName ? `${c.claimantName}: ` : ''}${c.statement}`), grade: c.grade, entities },
        span: dateSpan(c.claimedAt, ''), tagIds, sourceIds: new Set(c.sourceIds),
        typed: entities.length === 0 ? types.size === ENTITY_TYPES.length : entities.some((e) => types.has(e.type)),
      });
    }
  }
  const edges = getGraph(wb).edges;
  if (kinds.has('relationship')) {
    for (const e of edges) {
      const r = s.get('relationships', e.id)!;
      const entities = [...entity(r.fromId), ...entity(r.toId)];
      out.push({
        item: { id: `relationship:${r.id}`, kind: 'relationship', recordId: r.id, title: cut(`${entities[0]?.name ?? '?'} ${e.label} ${entities[1]?.name ?? '?'}`), grade: null, entities },
        span: dateSpan(r.startDate, r.endDate), tagIds: new Set(e.tagIds), sourceIds: new Set(e.sourceIds),
        typed: entities.every((x) => types.has(x.type)),
      });
    }
  }
  if (kinds.has('event')) {
    for (const ev of s.all('entities').filter((x) => x.type === 'event')) {
      const rels = edges.filter((e) => (e.from === ev.id || e.to === ev.id) && (e.startDate || e.endDate));
      const claims = rels.length ? [] : claimViews.filter((c) => c.claimedAt && (c.claimantId === ev.id || c.aboutEntityIds.includes(ev.id)));
      const span = rels.length ? eventSpan(rels.flatMap((e) => [e.startDate, e.endDate])) : eventSpan(claims.map((c) => c.claimedAt));
      out.push({
        item: {
          id: `event:${ev.id}`, kind: 'event', recordId: ev.id, title: cut(ev.name), grade: null, entities: entity(ev.id),
          basis: { relationshipIds: rels.map((e) => e.id), claimIds: claims.map((c) => c.id) },
        },
        span, labelPrefix: claims.length ? 'reported ' : undefined,
        tagIds: new Set([...rels.flatMap((e) => e.tagIds), ...claims.flatMap((c) => c.tagIds)]),
        sourceIds: new Set([...rels.flatMap((e) => e.sourceIds), ...claims.flatMap((c) => c.sourceIds)]),
        typed: types.has('event'),
      });
    }
  }
  return out;
}

/** Dated records that pass every filter, in time order, with the count of undated ones left off. */
export function getTimeline(wb: Workbench, q: TimelineQuery = {}): TimelineView {
  const kinds = new Set<TimelineKind>(q.kinds ?? TIMELINE_KINDS);
  const types = new Set(q.entityTypes ?? ENTITY_TYPES);
  const undated: TimelineView['undated'] = { claim: 0, relationship: 0, event: 0 };
  const items: TimelineItem[] = [];
  for (const c of candidates(wb, kinds, types)) {
    const passes = c.typed
      && (q.tagId === undefined || c.tagIds.has(q.tagId))
      && (q.sourceId === undefined || c.sourceIds.has(q.sourceId))
      && (q.grade === undefined || c.item.kind !== 'claim' || gradeMatches(c.item.grade ?? '', q.grade));
    if (!passes) continue;
    if (!c.span) {
      undated[c.item.kind]++;
      continue;
    }
    if (!spanMeets(c.span, q.from ?? '', q.to ?? '')) continue;
    const { label, ...span } = c.span;
    items.push({ ...c.item, ...span, dateLabel: (c.labelPrefix ?? '') + label });
  }
  items.sort((a, b) => a.drawStart.localeCompare(b.drawStart) || a.id.localeCompare(b.id));
  return { items, undated };
}
