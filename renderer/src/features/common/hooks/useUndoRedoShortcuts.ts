/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — except while typing, where the field's own undo applies. */
import { useEffect } from 'react';
import { redo, undo } from '../../../api/mutations';
import { isEditableTarget } from '../lib/editableTarget';
import { historyShortcut } from '../lib/shortcuts';

export function useUndoRedoShortcuts(): void {
  useEffect(() => {
    let running = false;
    const onKeyDown = (e: KeyboardEvent) => {
      const action = historyShortcut(e);
      if (!action || isEditableTarget(e.target)) return;
      e.preventDefault();
      // Holding the keys must not queue dozens of overlapping steps.
      if (running) return;
      running = true;
      void (action === 'undo' ? undo() : redo()).finally(() => {
        running = false;
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
