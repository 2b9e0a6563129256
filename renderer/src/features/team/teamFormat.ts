/** Display helpers of the Team panel: times, values of a conflict side. */

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatWhen(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : when.format(d);
}

/** A conflict side's value as one short line: strings as they are, anything else as compact JSON. */
export function valueText(value: unknown, deleted: boolean): string {
  if (deleted) return '(deleted)';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (s === undefined) return '(empty)';
  return s.length > 240 ? `${s.slice(0, 239)}…` : s;
}

/** "1 edit", "3 edits". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "just now", "3 min ago", "2 h ago", "4 days ago"; the date beyond a month (or for an unreadable time). */
export function formatAgo(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const min = Math.floor((now - t) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} h ago`;
  if (min < 30 * 24 * 60) return `${plural(Math.floor(min / (24 * 60)), 'day')} ago`;
  return formatWhen(iso);
}
