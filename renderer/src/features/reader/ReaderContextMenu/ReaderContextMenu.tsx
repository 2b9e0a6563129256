/** Right-click on a selection in the reader: Highlight, Highlight and tag…, Copy with citation, Copy — the native menu in the desktop app, a Mantine menu at the pointer in the browser. */
import { ColorSwatch, Menu } from '@mantine/core';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { MenuCommand } from '../../../../../shared/contract/desktop';
import { hasNativeReaderMenu, nativeReaderMenu } from '../../../api/desktopCommands';
import { selectionToOffsets, type TextRange } from '../../common/lib/selectionOffsets';
import { copyText } from '../../common/lib/copyText';
import { IconClipboard, IconTag } from '../../common/Icons/Icons';
import { HIGHLIGHT_SWATCH } from '../../common/lib/highlightColors';

export type ReaderMenuCommand = Extract<MenuCommand, 'highlight' | 'highlightAndTag' | 'copyWithCitation'>;
const READER_COMMANDS = new Set<MenuCommand>(['highlight', 'highlightAndTag', 'copyWithCitation']);

interface Open<R extends TextRange> {
  x: number;
  y: number;
  range: R;
  /** The selected text as shown, for the plain Copy item. */
  selected: string;
}

interface ReaderContextMenuProps<R extends TextRange> {
  textRef: RefObject<HTMLElement | null>;
  onCommand: (command: ReaderMenuCommand, range: R) => void;
  /**
   * The selection's range in the source text, read when the menu opens (the page view's pages map their text layers
   * onto the source text, and add where on the page it sits); defaults to the text view's paragraphs.
   */
  rangeOf?: (root: HTMLElement, selection: Selection | null) => R | null;
}

export function ReaderContextMenu<R extends TextRange = TextRange>({ textRef, onCommand, rangeOf }: ReaderContextMenuProps<R>) {
  const [open, setOpen] = useState<Open<R> | null>(null);
  const latest = useRef({ onCommand, rangeOf });
  useEffect(() => {
    latest.current = { onCommand, rangeOf };
  }, [onCommand, rangeOf]);

  useEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const onContextMenu = (e: MouseEvent) => {
      const selection = window.getSelection();
      const read = latest.current.rangeOf;
      const range = read ? read(root, selection) : (selectionToOffsets(root, selection) as R | null);
      // Without a selection in the text, the ordinary menu (the page's or the app's editing menu) applies.
      if (!range || !selection) return;
      e.preventDefault();
      if (hasNativeReaderMenu) {
        void nativeReaderMenu(e.clientX, e.clientY).then((command) => {
          if (command && READER_COMMANDS.has(command)) latest.current.onCommand(command as ReaderMenuCommand, range);
        });
        return;
      }
      setOpen({ x: e.clientX, y: e.clientY, range, selected: selection.toString() });
    };
    root.addEventListener('contextmenu', onContextMenu);
    return () => root.removeEventListener('contextmenu', onContextMenu);
  }, [textRef]);

  if (!open) return null;
  const run = (command: ReaderMenuCommand) => {
    setOpen(null);
    latest.current.onCommand(command, open.range);
  };
  return (
    <Menu opened onChange={(o) => !o && setOpen(null)} position="bottom-start" offset={2} withinPortal shadow="md" width={220}>
      <Menu.Target>
        {/* An invisible anchor at the pointer: the menu opens where the user right-clicked. */}
        <div style={{ position: 'fixed', left: open.x, top: open.y, width: 1, height: 1, pointerEvents: 'none' }} aria-hidden />
      </Menu.Target>
      <Menu.Dropdown data-testid="reader-context-menu" aria-label="Selection">
        <Menu.Item onClick={() => run('highlight')} leftSection={<ColorSwatch color={HIGHLIGHT_SWATCH.yellow} size={14} radius="sm" />} data-testid="reader-menu-highlight">
          Highlight
        </Menu.Item>
        <Menu.Item onClick={() => run('highlightAndTag')} leftSection={<IconTag size={14} />} data-testid="reader-menu-highlight-tag">
          Highlight and tag…
        </Menu.Item>
        <Menu.Item onClick={() => run('copyWithCitation')} leftSection={<IconClipboard size={14} />} data-testid="reader-menu-cite">
          Copy with citation
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void copyText(open.selected)} data-testid="reader-menu-copy">Copy</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
