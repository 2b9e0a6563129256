/** Response view of the timeline: dated claims, relationships and events placed in time with their labels. */
import type { EntityType } from '../domain/types';

export const TIMELINE_KINDS = ['claim', 'relationship', 'event'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  /** `<kind>:<record id>`: unique across kinds. */
  id: string;
  kind: TimelineKind;
  /** The claim, relationship or event entity. */
  recordId: string;
  /** What happened: the claim's statement (with its claimant), "A supports B", the event's name. */
  title: string;
  /** When, as an analyst reads it: "March 2024", "before 2019", "2019 – until after 2021". */
  dateLabel: string;
  /** First and last day it can mean (inclusive, YYYY-MM-DD); null is an open side. */
  earliest: string | null;
  latest: string | null;
  /** Days to draw, an open side drawn as a fade from its bound. */
  drawStart: string;
  drawEnd: string;
  /** A date in it is qualified (before, after, about). */
  qualified: boolean;
  /** Claims: Admiralty grade; else null. */
  grade: string | null;
  /** Entities it involves (claimant and subjects, both ends, the event), with their types. */
  entities: Array<{ id: string; name: string; type: EntityType }>;
  /** For an event: the dated records its span comes from. */
  basis?: { relationshipIds: string[]; claimIds: string[] };
}

export interface TimelineView {
  items: TimelineItem[];
  /** Records left off the timeline because they have no date (after the other filters). */
  undated: Record<TimelineKind, number>;
}
