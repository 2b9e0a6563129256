/**
 * Every change the screens make: call the contract, report failures, then bring the cache up to date. Highlight
 * edits (and undo/redo of them) patch the cached views from their reply instead of refetching (the reader's
 * sources.open resends the whole text); other edits refresh what they touched.
 */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { HistoryState } from '../../../shared/contract/views';
import { callApi, queryCache } from './client';
import { anyOf, keys } from './queries';
import { isAnalysisKey } from './analysisHooks';
import { applyHighlightDelta, applyRetag, type KeyMatch } from './highlightCache';
import type { HighlightDelta } from './highlightPatch';
import { duringHistoryStep } from './goneByHistory';
import { notifyWithAction } from './notifyAction';

type Req<M extends keyof Api> = RequestOf<Api[M]>;

/** Every mutation may become an undo step, so what every edit changes (keys.edited) is refreshed with the rest. */
function refresh(...matchers: ((k: string) => boolean)[]): Promise<void> {
  return queryCache.invalidate(anyOf(keys.edited, ...matchers));
}

/**
 * One committed highlight edit of ours: patch what is shown from the reply, then reload only what could not be
 * patched, the per-tag lists (not shown in the reader) and the history.
 */
function afterHighlightEdit(delta: HighlightDelta, ...also: KeyMatch[]): Promise<void> {
  return refresh(applyHighlightDelta(delta), keys.highlights, ...also);
}

/** A tag's highlights change tags: reader views are patched; `retag` says how (rename changes no highlight). */
function afterTagChange(retag?: { fromId: string; intoId: string | null }): Promise<void> {
  return refresh(keys.tags, keys.highlights, ...(retag ? [applyRetag(retag.fromId, retag.intoId)] : []));
}

export async function importText(request: Req<'sources.importText'>) {
  const reply = await callApi('sources.importText', request, 'Could not import the pasted text');
  if (reply.ok) await refresh(keys.sources, keys.workspace);
  return reply.ok ? reply.value : null;
}

/** Returns the whole reply: file imports report each failure with the file's name themselves. */
export async function importFile(request: Req<'sources.importFile'>) {
  return callApi('sources.importFile', request, null);
}

/** Call once after a batch of imports. */
export const refreshAfterImport = () => refresh(keys.sources, keys.workspace);

/** A re-import gave an older text-only PDF source its pages, in place: its reader and highlights changed too. */
export const refreshAfterPdfUpgrade = (sourceId: string) => refresh(keys.sources, keys.workspace, keys.reader(sourceId), keys.highlights);

/** Something other than this page changed the workspace (main imported a file): reload everything shown. */
export const refreshEverything = () => queryCache.invalidate();

export async function updateSourceMeta(request: Req<'sources.updateMeta'>) {
  const reply = await callApi('sources.updateMeta', request, 'Could not save the source details');
  if (reply.ok) await refresh(keys.sources, keys.reader(request.id));
  return reply.ok ? reply.value : null;
}

export async function deleteSource(id: string) {
  const reply = await callApi('sources.delete', { id }, 'Could not delete the source');
  if (reply.ok) await refresh(keys.sources, keys.readers, keys.tags, keys.highlights, keys.workspace);
  return reply.ok ? reply.value : null;
}

export async function createHighlight(request: Req<'highlights.create'>) {
  const reply = await callApi('highlights.create', request, 'Could not create the highlight');
  if (reply.ok) await afterHighlightEdit({ put: [reply.value], removed: [], created: true });
  return reply.ok ? reply.value : null;
}

export async function updateHighlight(request: Req<'highlights.update'>) {
  const reply = await callApi('highlights.update', request, 'Could not update the highlight');
  if (reply.ok) await afterHighlightEdit({ put: [reply.value], removed: [] });
  return reply.ok ? reply.value : null;
}

export async function deleteHighlight(id: string) {
  const reply = await callApi('highlights.delete', { id }, 'Could not delete the highlight');
  // Claims and relationships citing it lose that evidence.
  if (reply.ok) await afterHighlightEdit({ put: [], removed: [id] }, isAnalysisKey);
  return reply.ok ? reply.value : null;
}

export async function createTag(request: Req<'tags.create'>) {
  const reply = await callApi('tags.create', request, `Could not create the tag “${request.name}”`);
  if (reply.ok) await refresh(keys.tags);
  return reply.ok ? reply.value : null;
}

export async function updateTag(request: Req<'tags.update'>) {
  const reply = await callApi('tags.update', request, 'Could not change the tag');
  if (reply.ok) await afterTagChange();
  return reply.ok ? reply.value : null;
}

export async function mergeTags(request: Req<'tags.merge'>) {
  const reply = await callApi('tags.merge', request, 'Could not merge the tags');
  if (reply.ok) await afterTagChange({ fromId: request.fromId, intoId: request.intoId });
  return reply.ok ? reply.value : null;
}

export async function deleteTag(id: string) {
  const reply = await callApi('tags.delete', { id }, 'Could not delete the tag');
  if (reply.ok) await afterTagChange({ fromId: id, intoId: null });
  return reply.ok ? reply.value : null;
}

/**
 * What to reload after an undo/redo. A step that names the highlights it changed (and no source) patches the
 * reader views, and when it touched only highlights also the library, tag and workspace counts; everything else
 * shown is reloaded. A step that names nothing (an older server, or too many highlights) reloads everything.
 */
function staleAfterStep(state: HistoryState): KeyMatch | undefined {
  const changed = state.changed;
  if (!changed || changed.highlights === null || changed.collections.includes('sources')) return undefined;
  const stale = applyHighlightDelta({ put: changed.highlights, removed: changed.removedHighlightIds });
  const patchedCounts = changed.collections.every((c) => c === 'highlights') ? anyOf(keys.sources, keys.tags, keys.workspace) : () => false;
  return (k) => stale(k) || (!keys.readers(k) && !patchedCounts(k));
}

async function step(direction: 'undo' | 'redo'): Promise<HistoryState | null> {
  const before = queryCache.peek<HistoryState>('history').data;
  const label = direction === 'undo' ? before?.undoLabel : before?.redoLabel;
  // A record the step removes is expected to be gone: its reload is not reported as an error (see goneByHistory).
  return duringHistoryStep(async () => {
    const reply = await callApi(`history.${direction}`, {}, direction === 'undo' ? 'Could not undo' : 'Could not redo');
    await queryCache.invalidate(reply.ok ? staleAfterStep(reply.value) : undefined);
    if (reply.ok) {
      // The toast offers the way back: Redo after an undo, Undo after a redo.
      const back = direction === 'undo' ? 'redo' : 'undo';
      notifyWithAction('history-step', direction === 'undo' ? 'Undone' : 'Redone', label ?? 'Last change', {
        label: back === 'redo' ? 'Redo' : 'Undo', testId: `history-toast-${back}`, onClick: () => void step(back),
      });
    }
    return reply.ok ? reply.value : null;
  });
}

export const undo = () => step('undo');
export const redo = () => step('redo');
