/** Dates as a reader sees them: partial ISO dates kept as typed with their qualifier in words, export dates spelled out (locale-independent). */
import { formatDateSpan, qualifierInWords } from '../domain/partial-dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-25T…" -> "25 November 2026" (UTC), the same on every machine. */
export function longDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A claim or relationship date as printed: "2022-10", "before 2019" for the stored "<2019", "about 2015", '' for undated. */
export function dateInWords(stored: string): string {
  return qualifierInWords(stored);
}

/** A relationship's interval: "2022-10-12", "2022-10-12 – 2022-10-13", "until 2023", "about 2015 – before 2019", or ''. */
export function dateRange(start: string, end: string): string {
  return formatDateSpan(start, end, qualifierInWords);
}
