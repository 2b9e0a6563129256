/** What undo and redo would do next, for buttons and tooltips. */
import type { HistoryState } from '../../../shared/contract/views';
import type { Workbench } from './workbench';

export function historyState(wb: Workbench): HistoryState {
  const { undo, redo } = wb.state.history;
  return {
    canUndo: undo.length > 0,
    canRedo: redo.length > 0,
    undoLabel: undo[undo.length - 1]?.label ?? null,
    redoLabel: redo[redo.length - 1]?.label ?? null,
  };
}
