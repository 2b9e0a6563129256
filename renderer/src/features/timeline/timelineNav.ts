/** Keyboard order and spoken words for timeline items: pure, so the canvas hook stays about focus and drawing. */
import type { TimelineItem } from '../../../../shared/contract/views-timeline';

const KIND_WORD = { claim: 'Claim', relationship: 'Relationship', event: 'Event' } as const;

/** Ids in time order: by first drawn day, then last, then title (so ties read alphabetically, the same each time). */
export function timeOrder(items: readonly TimelineItem[]): string[] {
  return [...items]
    .sort((a, b) => a.drawStart.localeCompare(b.drawStart) || a.drawEnd.localeCompare(b.drawEnd)
      || a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
    .map((i) => i.id);
}

/** The id a step from `current` lands on; null at either end. Without a current item any step starts at the first. */
export function stepInOrder(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return order[0] ?? null;
  return order[at + step] ?? null;
}

/** "Relationship: A meets with B, before 2019. 1 of 4"; a claim says its grade in words. */
export function itemAnnouncement(item: TimelineItem, position: number, total: number): string {
  const kind = item.grade ? `${KIND_WORD[item.kind]}, graded ${item.grade}` : KIND_WORD[item.kind];
  return `${kind}: ${item.title}, ${item.dateLabel}. ${position} of ${total}`;
}
