/** Applies a highlight edit's reply to the shared query cache: reader views, library and tag counts are patched in place, never refetched. */
import type { ReaderView, TagSummary, WorkspaceInfo } from '../../../shared/contract/views';
import type { LibrarySource } from '../../../shared/contract/library-wire';
import type { Highlight } from '../../../shared/domain/types';
import { queryCache } from './client';
import {
  countDeltas, patchReaderView, patchSourceCounts, patchTagCounts, patchWorkspaceCounts, priorFromViews, type HighlightDelta,
} from './highlightPatch';
import { keys } from './queries';

export type KeyMatch = (key: string) => boolean;

/**
 * Patches every loaded view the delta touches and returns the keys it could not patch, for the caller to
 * invalidate: a reader view still loading (its answer may predate the edit), counts whose prior state is not
 * known here, a view lacking a record the delta names.
 */
export function applyHighlightDelta(delta: HighlightDelta): KeyMatch {
  const readers = queryCache.loaded<ReaderView>(keys.readers);
  const patchedReaders = new Set<string>();
  const stale = new Set<string>();
  const prior = priorFromViews(readers.map(([, v]) => v), delta);
  for (const [key] of readers) {
    if (queryCache.patch<ReaderView>(key, (v) => patchReaderView(v, delta))) patchedReaders.add(key);
    else stale.add(key);
  }
  const counts = countDeltas(delta, prior);
  const patchOrStale = <T>(key: string, update: (data: T) => T | null) => {
    if (!counts || !queryCache.patch<T>(key, update)) stale.add(key);
  };
  if (counts) {
    patchOrStale<LibrarySource[]>('sources', (list) => patchSourceCounts(list, counts));
    patchOrStale<TagSummary[]>('tags', (list) => patchTagCounts(list, counts));
    patchOrStale<WorkspaceInfo>('workspace', (info) => patchWorkspaceCounts(info, counts));
  } else {
    for (const key of ['sources', 'tags', 'workspace']) stale.add(key);
  }
  // Reader views not loaded right now (loading, or failed) may show the old state: reload them (unwatched ones are just dropped).
  return (k) => stale.has(k) || (keys.readers(k) && !patchedReaders.has(k));
}

/** After highlights.setEntities: the passage's entity links change in the reader views that show it. */
export function applyHighlightEntities(id: string, entityIds: string[]): KeyMatch {
  const readers = queryCache.loaded<ReaderView>(keys.readers);
  const patched = new Set<string>();
  for (const [key, view] of readers) {
    const at = view.highlights.find((a) => a.highlight.id === id);
    const put: Highlight[] = at ? [{ ...at.highlight, entityIds }] : [];
    if (queryCache.patch<ReaderView>(key, (v) => patchReaderView(v, { put, removed: [] }))) patched.add(key);
  }
  return (k) => keys.readers(k) && !patched.has(k);
}

/** After a tag merge or delete: the highlights that carried `fromId` now carry `intoId` (merge) or nothing (delete). */
export function applyRetag(fromId: string, intoId: string | null): KeyMatch {
  const patched = new Set<string>();
  for (const [key, view] of queryCache.loaded<ReaderView>(keys.readers)) {
    const put = view.highlights.filter((a) => a.highlight.tagIds.includes(fromId)).map((a) => ({
      ...a.highlight,
      tagIds: [...new Set(a.highlight.tagIds.map((t) => (t === fromId ? intoId : t)).filter((t): t is string => t !== null))],
    }));
    if (queryCache.patch<ReaderView>(key, (v) => patchReaderView(v, { put, removed: [] }))) patched.add(key);
  }
  return (k) => keys.readers(k) && !patched.has(k);
}
