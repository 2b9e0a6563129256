/** Reduces a date-ish string (ISO timestamp, "2024-03-05", "2024/3/5", "2024", "March 5, 2024") to YYYY[-MM[-DD]] or ''. */

export function toPartialDate(value: string): string {
  const m = /^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?!\d)/.exec(value);
  if (!m) return fromWrittenDate(value);
  const [, year, month, day] = m;
  const mm = month ? Number(month) : 0;
  const dd = day ? Number(day) : 0;
  if (!year || (month && (mm < 1 || mm > 12)) || (day && (dd < 1 || dd > 31))) return '';
  if (!month) return year;
  const monthPart = `${year}-${String(mm).padStart(2, '0')}`;
  return day ? `${monthPart}-${String(dd).padStart(2, '0')}` : monthPart;
}

/** "5 March 2024", "Mar 5, 2024": only when a four-digit year is present, read as a calendar date. */
function fromWrittenDate(value: string): string {
  if (!/\b\d{4}\b/.test(value) || value.length > 60) return '';
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}
