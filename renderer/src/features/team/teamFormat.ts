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
