/** Timeline items as vis-timeline draws them: a range over the whole period, classes for kind and uncertain sides. */
import type { TimelineItem } from '../../../../shared/contract/views-timeline';

export interface VisItem {
  id: string;
  start: string;
  /** Exclusive end: the day after the last day, so a month is drawn to its very end. */
  end: string;
  type: 'range';
  className: string;
  /** Plain text; the canvas builds the element (never HTML from records). */
  label: string;
  title: string;
  /** Tooltip text (plain). */
  tooltip: string;
}

const KIND_NAME = { claim: 'Claim', relationship: 'Relationship', event: 'Event' } as const;
const SHORT = 56;

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const short = (s: string) => (s.length > SHORT ? `${s.slice(0, SHORT - 1)}…` : s);

export function toVisItem(i: TimelineItem): VisItem {
  const classes = [`tl-${i.kind}`];
  if (i.qualified) classes.push('tl-qualified');
  if (i.earliest === null) classes.push('tl-open-start');
  if (i.latest === null) classes.push('tl-open-end');
  return {
    id: i.id, start: i.drawStart, end: dayAfter(i.drawEnd), type: 'range', className: classes.join(' '),
    label: i.dateLabel, title: short(i.title),
    tooltip: `${KIND_NAME[i.kind]}${i.grade ? ` (${i.grade})` : ''} · ${i.dateLabel}\n${i.title}`,
  };
}
