/** Dates as a reader sees them: partial ISO dates kept as typed, export dates spelled out (locale-independent). */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-25T…" -> "25 November 2026" (UTC), the same on every machine. */
export function longDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A relationship's interval: "2022-10-12", "2022-10-12 – 2022-10-13", "until 2023", or ''. */
export function dateRange(start: string, end: string): string {
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return start;
  if (end) return `until ${end}`;
  return '';
}
