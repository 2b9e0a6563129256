/** Edit › Undo/Redo from a menu: in a text field the field's own undo, elsewhere the workbench's (as Ctrl+Z does, see useUndoRedoShortcuts). */
import { isEditableTarget } from './editableTarget';
import type { HistoryShortcut } from './shortcuts';

export interface HistorySteps {
  /** The field's own step: document.execCommand('undo' | 'redo'). */
  inField(action: 'undo' | 'redo'): void;
  /** The workbench's undo history. */
  workbench(action: 'undo' | 'redo'): void;
}

/** Where a menu's Undo/Redo goes, decided by what has focus (a menu never takes the page's focus). */
export function menuHistoryStep(action: NonNullable<HistoryShortcut>, focused: Element | null, steps: HistorySteps): 'field' | 'workbench' {
  if (isEditableTarget(focused)) {
    steps.inField(action);
    return 'field';
  }
  steps.workbench(action);
  return 'workbench';
}
