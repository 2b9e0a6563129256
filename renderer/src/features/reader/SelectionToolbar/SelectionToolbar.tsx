/** The floating toolbar over a text selection in the reader: five colours, "Tag…", "Note…", "Claim…" and "Relate…". */
import { Button, ColorSwatch, Divider, Group, Paper, Portal, Tooltip } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { HIGHLIGHT_COLORS, HIGHLIGHT_LABEL, HIGHLIGHT_SWATCH, type HighlightColor } from '../../common/lib/highlightColors';
import { selectionToOffsets, type TextRange } from '../../common/lib/selectionOffsets';
import { IconClaim, IconLink } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { IconNote, IconTag } from '../../common/Icons/Icons';
import classes from './SelectionToolbar.module.css';

/** What follows creating the highlight: focus a panel field, or open the claim / relationship dialog with it as evidence. */
export type AfterCreate = 'tags' | 'note' | 'claim' | 'relate' | null;

export interface SelectionToolbarProps {
  textRef: RefObject<HTMLElement | null>;
  scrollRef: RefObject<HTMLElement | null>;
  onCreate: (range: TextRange, color: HighlightColor, then: AfterCreate) => void;
  /** The selection's source range within `textRef`; the page view maps its pdf.js text layer (default: the reader's segments). */
  rangeOf?: (root: HTMLElement, selection: Selection | null) => TextRange | null;
}

interface Placement {
  range: TextRange;
  top: number;
  left: number;
}

const TOOLBAR_HEIGHT = 44;
const HALF_WIDTH = 290;

function measure(root: HTMLElement | null, rangeOf: NonNullable<SelectionToolbarProps['rangeOf']>): Placement | null {
  if (!root) return null;
  const selection = window.getSelection();
  const range = rangeOf(root, selection);
  if (!range || !selection) return null;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  const above = rect.top - TOOLBAR_HEIGHT - 8;
  const top = above > 60 ? above : rect.bottom + 8;
  const left = Math.min(Math.max(rect.left + rect.width / 2, HALF_WIDTH + 8), window.innerWidth - HALF_WIDTH - 8);
  return { range, top, left };
}

export function SelectionToolbar({ textRef, scrollRef, onCreate, rangeOf = selectionToOffsets }: SelectionToolbarProps) {
  const [placement, setPlacement] = useState<Placement | null>(null);

  useEffect(() => {
    const update = () => setPlacement(measure(textRef.current, rangeOf));
    const scroller = scrollRef.current;
    document.addEventListener('selectionchange', update);
    scroller?.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      scroller?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [textRef, scrollRef, rangeOf]);

  if (!placement) return null;
  const create = (color: HighlightColor, then: AfterCreate) => {
    const fromKeyboard = document.activeElement?.closest('[data-testid="selection-toolbar"]') != null;
    onCreate(placement.range, color, then);
    window.getSelection()?.removeAllRanges();
    setPlacement(null);
    // The toolbar is about to vanish: a keyboard user goes back to the text (fields and dialogs take focus themselves).
    if (fromKeyboard && then === null) textRef.current?.focus();
  };
  /** A toolbar is one Tab stop in spirit: ←/→ move between its buttons, Escape goes back to the text. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      textRef.current?.focus();
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && at >= 0) {
      e.preventDefault();
      buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    }
  };

  return (
    <Portal>
      <Paper
        shadow="md" withBorder radius="md" p={6} className={classes.toolbar}
        style={{ top: placement.top, left: placement.left }}
        data-testid="selection-toolbar" role="toolbar" aria-label="Highlight selection"
        // Keep the text selection alive while the toolbar is clicked.
        onMouseDown={(e) => e.preventDefault()}
        onKeyDown={onKeyDown}
      >
        <Group gap={6} wrap="nowrap">
          {HIGHLIGHT_COLORS.map((color) => (
            <Tooltip key={color} label={color === 'yellow' ? `${HIGHLIGHT_LABEL[color]} (H)` : HIGHLIGHT_LABEL[color]}>
              <ColorSwatch
                component="button" type="button" color={HIGHLIGHT_SWATCH[color]} size={24}
                className={classes.swatch} aria-label={`Highlight ${color}`} data-testid={`hl-color-${color}`}
                onClick={() => create(color, null)}
              />
            </Tooltip>
          ))}
          <Divider orientation="vertical" />
          <Button size="compact-sm" variant="subtle" leftSection={<IconTag size={14} />} onClick={() => create('yellow', 'tags')} data-testid="toolbar-tag">
            Tag…
          </Button>
          <Button size="compact-sm" variant="subtle" leftSection={<IconNote size={14} />} onClick={() => create('yellow', 'note')} data-testid="toolbar-note">
            Note…
          </Button>
          <Button size="compact-sm" variant="subtle" leftSection={<IconClaim size={14} />} onClick={() => create('yellow', 'claim')} data-testid="toolbar-claim">
            Claim…
          </Button>
          <Button size="compact-sm" variant="subtle" leftSection={<IconLink size={14} />} onClick={() => create('yellow', 'relate')} data-testid="toolbar-relate">
            Relate…
          </Button>
        </Group>
      </Paper>
    </Portal>
  );
}
