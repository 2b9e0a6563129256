/** Cuts text into segments at every highlight boundary, so overlapping highlights can be drawn as nested marks. */
import type { Paragraph } from '../common/lib/paragraphs';

export interface HighlightRange {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Highlights covering the whole segment, innermost (shortest) first; empty for plain text. */
  ids: string[];
}

/** Innermost first: shorter ranges sit "on top" of longer ones, so their colour wins. */
function byInnermost(a: HighlightRange, b: HighlightRange): number {
  return a.end - a.start - (b.end - b.start) || b.start - a.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The covered stretches of text, sorted and non-overlapping, each with its set of highlight ids. */
export function coveredSegments(ranges: readonly HighlightRange[]): Segment[] {
  const valid = ranges.filter((r) => r.end > r.start && r.start >= 0);
  const startsAt = new Map<number, HighlightRange[]>();
  const endsAt = new Map<number, Set<string>>();
  const points = new Set<number>();
  for (const r of valid) {
    points.add(r.start);
    points.add(r.end);
    startsAt.set(r.start, [...(startsAt.get(r.start) ?? []), r]);
    endsAt.set(r.end, (endsAt.get(r.end) ?? new Set()).add(r.id));
  }
  const sorted = [...points].sort((a, b) => a - b);
  let active: HighlightRange[] = [];
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const point = sorted[i]!;
    const ending = endsAt.get(point);
    if (ending) active = active.filter((r) => !ending.has(r.id));
    const starting = startsAt.get(point);
    if (starting) active = [...active, ...starting];
    if (active.length > 0) {
      segments.push({ start: point, end: sorted[i + 1]!, ids: [...active].sort(byInnermost).map((r) => r.id) });
    }
  }
  return segments;
}

/** First covered segment whose end lies after `offset`. */
function firstEndingAfter(segments: readonly Segment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segments[mid]!.end > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Segments that exactly tile [from, to): covered pieces clipped to the window, plain gaps in between. */
export function segmentWindow(covered: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let cursor = from;
  for (let i = firstEndingAfter(covered, from); i < covered.length; i++) {
    const seg = covered[i]!;
    if (seg.start >= to) break;
    const start = Math.max(seg.start, from);
    const end = Math.min(seg.end, to);
    if (start > cursor) out.push({ start: cursor, end: start, ids: [] });
    out.push({ start, end, ids: seg.ids });
    cursor = end;
  }
  if (cursor < to) out.push({ start: cursor, end: to, ids: [] });
  return out;
}

/** Segments for every paragraph, computed with one sweep over the highlights. */
export function segmentParagraphs(paragraphs: readonly Paragraph[], ranges: readonly HighlightRange[]): Segment[][] {
  const covered = coveredSegments(ranges);
  return paragraphs.map((p) => segmentWindow(covered, p.start, p.end));
}

/** Same cuts and the same highlight ids, in order. */
export function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const t = b[i]!;
    return s.start === t.start && s.end === t.end && s.ids.length === t.ids.length && s.ids.every((id, j) => id === t.ids[j]);
  });
}

/** Keeps the previous array for every paragraph whose segments did not change, so memoised paragraphs skip re-rendering. */
export function reuseUnchanged(previous: readonly Segment[][] | null, next: Segment[][]): Segment[][] {
  if (!previous || previous.length !== next.length) return next;
  return next.map((segments, i) => (sameSegments(previous[i]!, segments) ? previous[i]! : segments));
}
