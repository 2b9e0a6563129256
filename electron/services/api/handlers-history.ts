/** history.* replies: the undo/redo state, the workspace's revision, and what an undo/redo step changed (for renderers that patch instead of reloading). */
import { ok } from '../../../shared/domain/result';
import type { Op } from '../../../shared/domain/ops';
import type { CollectionName, Highlight } from '../../../shared/domain/types';
import type { HistoryChange, HistoryState } from '../../../shared/contract/views';
import { historyState } from '../workbench/history';
import type { ServiceResult, Workbench } from '../workbench/workbench';

/** Above this many highlights a step's reply names none: a renderer reloads instead of patching thousands. */
const MAX_HIGHLIGHTS_IN_REPLY = 200;

/** The state plus the revision: every durable change (edit, undo, redo, quiet layout save) counts one. */
export function historyWithRevision(wb: Workbench): HistoryState {
  return { ...historyState(wb), revision: wb.store.lastSeq };
}

/** What applying `ops` left behind: the collections written and the highlights now present or gone. */
function describe(wb: Workbench, ops: readonly Op[]): HistoryChange {
  const collections = new Set<CollectionName>();
  const highlightIds = new Set<string>();
  for (const op of ops) {
    collections.add(op.c);
    if (op.c === 'highlights') highlightIds.add(op.t === 'put' ? op.v.id : op.id);
  }
  const present: Highlight[] = [];
  const removedHighlightIds: string[] = [];
  for (const id of highlightIds) {
    const h = wb.state.get('highlights', id);
    if (h) present.push(h);
    else removedHighlightIds.push(id);
  }
  return {
    collections: [...collections],
    highlights: highlightIds.size > MAX_HIGHLIGHTS_IN_REPLY ? null : present,
    removedHighlightIds: highlightIds.size > MAX_HIGHLIGHTS_IN_REPLY ? [] : removedHighlightIds,
  };
}

/** Undo or redo the last step and answer with the new state and what the step changed. */
export function stepWithChanges(wb: Workbench, kind: 'undo' | 'redo'): ServiceResult<HistoryState, 'conflict'> {
  const stack = kind === 'undo' ? wb.state.history.undo : wb.state.history.redo;
  const tx = stack[stack.length - 1];
  const r = wb.step(kind);
  if (!r.ok) return r;
  const state = historyWithRevision(wb);
  // Undo applies the inverse ops, redo the forward ones; either way the records named there are what changed.
  return ok(tx ? { ...state, changed: describe(wb, kind === 'undo' ? tx.inverse : tx.ops) } : state);
}
