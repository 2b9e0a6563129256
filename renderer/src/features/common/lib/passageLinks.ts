/** Where a passage leads: the reader at the highlight (?h=) or, for a plain text mention, at its offsets (?s=&e=). */
import type { PassageRef } from '../../../../../shared/contract/views-analysis';
import type { Route } from '../../../routes/route';

export function passageRoute(p: Pick<PassageRef, 'sourceId' | 'highlightId' | 'start' | 'end'>): Route {
  if (p.highlightId) return { name: 'reader', sourceId: p.sourceId, highlightId: p.highlightId };
  return { name: 'reader', sourceId: p.sourceId, highlightId: null, range: { start: p.start, end: p.end } };
}

/** The distinct source titles behind some passages, in first-seen order. */
export function sourceTitles(passages: readonly Pick<PassageRef, 'sourceId' | 'sourceTitle'>[]): string[] {
  const seen = new Map<string, string>();
  for (const p of passages) if (!seen.has(p.sourceId)) seen.set(p.sourceId, p.sourceTitle || 'Untitled');
  return [...seen.values()];
}

/** Stored quote context is this long unless the text ends first (see shared/anchoring/describe.ts). */
const FULL_CONTEXT = 30;

/**
 * Quote context for display: a full-length context was cut mid-word, so drop the partial word at its outer
 * end and mark the cut with an ellipsis; a short one reaches the start or end of the text and stays whole.
 */
export function trimContext(text: string, side: 'prefix' | 'suffix'): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length < FULL_CONTEXT) return flat;
  if (side === 'prefix') {
    const space = flat.indexOf(' ');
    return space < 0 || space === flat.length - 1 ? flat : `…${flat.slice(space + 1)}`;
  }
  const space = flat.lastIndexOf(' ');
  return space <= 0 ? flat : `${flat.slice(0, space)}…`;
}
