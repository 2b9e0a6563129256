/** Keyboard selection in the focused reading column: arrows pick sentences and words, Tab reaches the selection toolbar. */
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { offsetsToRange, segmentAt } from '../offsetRange';
import type { Paragraph } from '../../common/lib/paragraphs';
import { movePassage, passageMoveFor } from '../passageCursor';
import { selectionToOffsets, type TextRange } from '../../common/lib/selectionOffsets';

/** Shown to screen readers on the reading column and in the side panel's hint. */
export const PASSAGE_KEYS_HELP =
  'Keyboard: ↓ and ↑ select the next or previous sentence; Shift+→ and Shift+← move the end by a word, Shift+↓ and Shift+↑ by a sentence; '
  + 'Alt+Shift+→ and Alt+Shift+← move the start by a word; H highlights; Tab reaches the highlight toolbar; Escape clears.';

/** Makes `range` the document selection, waiting a few frames for a virtualised paragraph to be rendered. */
function selectRange(root: HTMLElement, range: TextRange, reveal: ((offset: number) => void) | undefined, framesLeft = 30): void {
  const dom = offsetsToRange(root, range);
  if (!dom) {
    if (framesLeft === 30) reveal?.(range.start);
    if (framesLeft > 0) requestAnimationFrame(() => selectRange(root, range, reveal, framesLeft - 1));
    return;
  }
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(dom);
  segmentAt(root, Math.max(range.start, range.end - 1))?.scrollIntoView({ block: 'nearest' });
}

export function usePassageKeys(textRef: RefObject<HTMLElement | null>, text: string, paragraphs: readonly Paragraph[], reveal?: (offset: number) => void) {
  return useCallback((e: KeyboardEvent<HTMLElement>) => {
    const root = textRef.current;
    if (!root || e.target !== root) return;
    const current = selectionToOffsets(root, window.getSelection());
    if (e.key === 'Escape' && current) {
      e.preventDefault();
      window.getSelection()?.removeAllRanges();
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && current) {
      const first = document.querySelector<HTMLElement>('[data-testid="selection-toolbar"] button');
      if (!first) return;
      e.preventDefault();
      first.focus();
      return;
    }
    const move = passageMoveFor(e);
    if (!move) return;
    e.preventDefault();
    const next = movePassage(text, paragraphs, current, move);
    if (next) selectRange(root, next, reveal);
  }, [textRef, text, paragraphs, reveal]);
}
