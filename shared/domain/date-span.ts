/** Where a dated record sits in time: its possible range from two qualified dates, and how far to draw an open side. */
import { formatDateSpan, parseQualifiedDate, type DatePrecision, type ParsedDate } from './partial-dates';

export interface DateSpan {
  /** First and last day the record can mean (inclusive, YYYY-MM-DD); null is open ("before …" has no first day). */
  earliest: string | null;
  latest: string | null;
  /** Days to draw, open sides included: an open side is drawn as a fade one "reach" long, from its bound. */
  drawStart: string;
  drawEnd: string;
  /** Some date in it is qualified (before, after, about): drawn and labelled as uncertain. */
  qualified: boolean;
  /** "March 2024", "2019 – before 2021", "until 2020". */
  label: string;
}

/** How far an open side is drawn: far enough to be seen at the zoom its precision is read at. */
const REACH_DAYS: Record<DatePrecision, number> = { year: 365, month: 90, day: 30 };

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The span of a start and an end date (stored forms, '' when unknown). Only an end: open before it ("until 2020").
 * Only a start: the start's own period, as the graph's date filter and the dossier read a lone date (a point in time,
 * "met in March 2024"); "after 2019" as a start is open to the right. null when neither parses.
 */
export function dateSpan(start: string, end: string): DateSpan | null {
  const s = start ? parseQualifiedDate(start) : null;
  const e = end ? parseQualifiedDate(end) : null;
  if (!s && !e) return null;
  const first: ParsedDate = (s ?? e)!;
  const last: ParsedDate = (e ?? s)!;
  const earliest = s ? s.earliest : null;
  const latest = last.latest;
  const drawStart = earliest ?? shift(latest ?? first.periodStart, -REACH_DAYS[first.precision]);
  const drawEnd = latest ?? shift(last.earliest ?? last.periodEnd, REACH_DAYS[last.precision]);
  const qualified = [s, e].some((p) => p && p.qualifier !== 'exact');
  return { earliest, latest, drawStart, drawEnd, qualified, label: formatDateSpan(s ? start : '', e ? end : '') };
}

/** Does the span meet the range [from, to] of plain partial dates ('' = unbounded)? Open sides reach forever. */
export function spanMeets(span: Pick<DateSpan, 'earliest' | 'latest'>, from: string, to: string): boolean {
  const f = from ? parseQualifiedDate(from)?.periodStart : undefined;
  const t = to ? parseQualifiedDate(to)?.periodEnd : undefined;
  return (!t || span.earliest === null || span.earliest <= t) && (!f || span.latest === null || span.latest >= f);
}
