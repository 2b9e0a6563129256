/** Pure keyboard-shortcut matching (undo/redo, highlight), separate from listeners so it can be tested. */

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export type HistoryShortcut = 'undo' | 'redo' | null;

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo. */
export function historyShortcut(e: Keys): HistoryShortcut {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** H alone (either case) or Ctrl/Cmd+Shift+H. */
export function isHighlightShortcut(e: Keys): boolean {
  if (e.key.toLowerCase() !== 'h' || e.altKey) return false;
  return e.ctrlKey || e.metaKey ? e.shiftKey : true;
}
