/** Pure updates of cached views from a highlight edit's reply: the reader view, per-source and per-tag counts, workspace counts. */
import type { Highlight } from '../../../shared/domain/types';
import type { AnchoredHighlight, ReaderView, TagSummary, WorkspaceInfo } from '../../../shared/contract/views';

/** What an edit (or undo/redo) did to highlights: records now present, ids now gone. */
export interface HighlightDelta {
  put: readonly Highlight[];
  removed: readonly string[];
  /** True when every `put` is known to be new (a create): nothing had it before. */
  created?: boolean;
}

/** Each highlight as it was before the edit: a record, null (did not exist), or missing from the map (not known here). */
export type PriorHighlights = ReadonlyMap<string, Highlight | null>;

/** Index of the first anchored highlight starting after `start` (the server orders a view by position). */
function insertionIndex(list: readonly AnchoredHighlight[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]!.highlight.position.start) <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The reader view with the delta applied, or `view` itself when the delta does not touch it. A changed highlight
 * keeps where it was anchored (an edit never moves it); a new one is placed at its recorded position, which is
 * exact because the server just snapped it to this very text. Returns null when a new one's quote is not found
 * at that position (the view is then reloaded so the server anchors it): nothing else is re-anchored.
 */
export function patchReaderView(view: ReaderView, delta: HighlightDelta): ReaderView | null {
  const removed = new Set(delta.removed);
  const mine = new Map(delta.put.filter((h) => h.sourceId === view.source.id).map((h) => [h.id, h] as const));
  if (mine.size === 0 && !view.highlights.some((a) => removed.has(a.highlight.id))) return view;
  const highlights: AnchoredHighlight[] = [];
  for (const a of view.highlights) {
    if (removed.has(a.highlight.id)) continue;
    const next = mine.get(a.highlight.id);
    if (next) mine.delete(next.id);
    highlights.push(next ? { ...a, highlight: next } : a);
  }
  for (const h of mine.values()) {
    const { start, end } = h.position;
    if (view.text.slice(start, end) !== h.quote.exact) return null;
    highlights.splice(insertionIndex(highlights, start), 0, { highlight: h, status: 'exact', range: { start, end } });
  }
  return { ...view, highlights };
}

/** How many highlights each source and each tag gains or loses; null when a prior state is unknown (reload those counts). */
export interface CountDeltas {
  sources: Map<string, number>;
  tags: Map<string, number>;
  total: number;
}

export function countDeltas(delta: HighlightDelta, prior: PriorHighlights): CountDeltas | null {
  const d: CountDeltas = { sources: new Map(), tags: new Map(), total: 0 };
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const count = (h: Highlight, n: number) => {
    add(d.sources, h.sourceId, n);
    for (const t of h.tagIds) add(d.tags, t, n);
    d.total += n;
  };
  for (const h of delta.put) {
    const before = delta.created ? null : prior.get(h.id);
    if (before === undefined) return null;
    if (before) count(before, -1);
    count(h, 1);
  }
  for (const id of delta.removed) {
    const before = prior.get(id);
    if (before === undefined) return null;
    if (before) count(before, -1);
  }
  return d;
}

const changed = (m: Map<string, number>) => [...m].some(([, n]) => n !== 0);

/** The library list with its highlight counts moved; null when it lacks a source that changed (reload it). */
export function patchSourceCounts<S extends { id: string; highlightCount: number }>(list: S[], d: CountDeltas): S[] | null {
  if (!changed(d.sources)) return list;
  const ids = new Set(list.map((s) => s.id));
  if ([...d.sources].some(([id, n]) => n !== 0 && !ids.has(id))) return null;
  return list.map((s) => (d.sources.get(s.id) ? { ...s, highlightCount: s.highlightCount + d.sources.get(s.id)! } : s));
}

/** The tag list with its counts moved; null when it lacks a tag that changed (e.g. one created meanwhile: reload it). */
export function patchTagCounts(list: TagSummary[], d: CountDeltas): TagSummary[] | null {
  if (!changed(d.tags)) return list;
  const ids = new Set(list.map((t) => t.id));
  if ([...d.tags].some(([id, n]) => n !== 0 && !ids.has(id))) return null;
  return list.map((t) => (d.tags.get(t.id) ? { ...t, count: t.count + d.tags.get(t.id)! } : t));
}

export function patchWorkspaceCounts(info: WorkspaceInfo, d: CountDeltas): WorkspaceInfo {
  if (d.total === 0) return info;
  return { ...info, counts: { ...info.counts, highlights: info.counts.highlights + d.total } };
}

/** What the loaded reader views know about highlights before an edit: each highlight of a loaded source, and null for the ids of `delta` that a loaded view of their source lacks. */
export function priorFromViews(views: readonly ReaderView[], delta: HighlightDelta): Map<string, Highlight | null> {
  const prior = new Map<string, Highlight | null>();
  const loaded = new Set<string>();
  for (const v of views) {
    loaded.add(v.source.id);
    for (const a of v.highlights) prior.set(a.highlight.id, a.highlight);
  }
  for (const h of delta.put) if (!prior.has(h.id) && loaded.has(h.sourceId)) prior.set(h.id, null);
  return prior;
}
