/** H (or Ctrl/Cmd+Shift+H) highlights the current reader selection, unless the analyst is typing somewhere. */
import { useEffect, useRef, type RefObject } from 'react';
import { isEditableTarget } from '../../common/lib/editableTarget';
import { isHighlightShortcut } from '../../common/lib/shortcuts';
import { selectionToOffsets, type TextRange } from '../../common/lib/selectionOffsets';

export function useHighlightShortcut(textRef: RefObject<HTMLElement | null>, onHighlight: (range: TextRange) => void): void {
  const callback = useRef(onHighlight);
  useEffect(() => {
    callback.current = onHighlight;
  }, [onHighlight]);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!isHighlightShortcut(e) || e.repeat || isEditableTarget(e.target) || !textRef.current) return;
      const selection = window.getSelection();
      const range = selectionToOffsets(textRef.current, selection);
      if (!range) return;
      e.preventDefault();
      selection?.removeAllRanges();
      callback.current(range);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [textRef]);
}
