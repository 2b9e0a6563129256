/** H (or Ctrl/Cmd+Shift+H) highlights a page selection in yellow, as it does in the text view; the page a selection starts on acts. */
import { useEffect, useRef } from 'react';
import { isEditableTarget } from '../../common/lib/editableTarget';
import { isHighlightShortcut } from '../../common/lib/shortcuts';
import type { TextRange } from '../../common/lib/selectionOffsets';

export function usePageShortcut(rangeOf: (selection: Selection | null) => TextRange | null, onHighlight: (range: TextRange) => void): void {
  const latest = useRef({ rangeOf, onHighlight });
  useEffect(() => {
    latest.current = { rangeOf, onHighlight };
  }, [rangeOf, onHighlight]);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isHighlightShortcut(e) || e.repeat || isEditableTarget(e.target)) return;
      const selection = window.getSelection();
      const range = latest.current.rangeOf(selection);
      if (!range) return;
      e.preventDefault();
      // Placement is read from the selection: create first, then clear it.
      latest.current.onHighlight(range);
      selection?.removeAllRanges();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
