/** Re-segments only the paragraphs a highlight edit touched, so a new highlight costs one paragraph's work rather than the whole text's. */
import { paragraphIndexAt, type Paragraph } from '../common/lib/paragraphs';
import { coveredSegments, reuseUnchanged, sameSegments, segmentParagraphs, segmentWindow, type HighlightRange, type Segment } from './segments';

/** What the segments were computed from, kept to diff the next ranges against. */
export interface SegmentState {
  paragraphs: readonly Paragraph[];
  ranges: readonly HighlightRange[];
  segments: Segment[][];
}

/** Past this many changed ranges (an undo of a batch, a reload) one full sweep is as cheap as patching. */
const PATCH_AT_MOST = 64;

/** Ranges added, removed or moved between `before` and `after` (old and new versions both), or null when there are many. */
function changedRanges(before: readonly HighlightRange[], after: readonly HighlightRange[]): HighlightRange[] | null {
  if (Math.abs(before.length - after.length) > PATCH_AT_MOST) return null;
  const old = new Map(before.map((r) => [r.id, r] as const));
  const changed: HighlightRange[] = [];
  for (const r of after) {
    const was = old.get(r.id);
    if (was) {
      old.delete(r.id);
      if (was.start === r.start && was.end === r.end) continue;
      changed.push(was);
    }
    changed.push(r);
    if (changed.length > PATCH_AT_MOST) return null;
  }
  changed.push(...old.values());
  return changed.length > PATCH_AT_MOST ? null : changed;
}

/** Indexes of the paragraphs that a range overlaps (a range may cross paragraph breaks). */
function paragraphsUnder(paragraphs: readonly Paragraph[], range: HighlightRange, into: Set<number>): void {
  if (range.end <= range.start) return; // draws nothing, before or after
  for (let i = paragraphIndexAt(paragraphs, range.start); i >= 0 && i < paragraphs.length && paragraphs[i]!.start < range.end; i++) into.add(i);
}

/**
 * The segments for `ranges`, equal to `segmentParagraphs(paragraphs, ranges)`, reusing `previous`: only the
 * paragraphs under a range that was added, removed or moved are cut again (from the ranges that overlap them);
 * every other paragraph keeps its array, so its memoised component does not re-render.
 */
export function updateSegments(previous: SegmentState | null, paragraphs: readonly Paragraph[], ranges: readonly HighlightRange[]): SegmentState {
  if (!previous || previous.paragraphs !== paragraphs) return { paragraphs, ranges, segments: segmentParagraphs(paragraphs, ranges) };
  if (previous.ranges === ranges) return previous;
  const changed = changedRanges(previous.ranges, ranges);
  const dirty = new Set<number>();
  if (changed) for (const r of changed) paragraphsUnder(paragraphs, r, dirty);
  if (!changed || dirty.size > PATCH_AT_MOST) {
    return { paragraphs, ranges, segments: reuseUnchanged(previous.segments, segmentParagraphs(paragraphs, ranges)) };
  }
  if (dirty.size === 0) return { paragraphs, ranges, segments: previous.segments };
  const segments = previous.segments.slice();
  for (const i of dirty) {
    const p = paragraphs[i]!;
    const next = segmentWindow(coveredSegments(ranges.filter((r) => r.start < p.end && r.end > p.start)), p.start, p.end);
    if (!sameSegments(segments[i]!, next)) segments[i] = next;
  }
  return { paragraphs, ranges, segments };
}
