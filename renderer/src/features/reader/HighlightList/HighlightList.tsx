/** The source's highlights in reading order; a click selects one and scrolls the text to it. Long lists render only the rows in view. */
import { Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { AnchoredHighlight, TagSummary } from '../../../../../shared/contract/views';
import { offsetWithin, scrollParentOf, virtualSpacers } from '../../common/lib/virtualSpacers';
import { highlightText } from '../../../../../shared/dossier/pages';
import { estimateHighlightRowHeight } from '../highlightRowHeight';
import { HighlightListItem } from './HighlightListItem';
import classes from './HighlightList.module.css';

/** Above this many highlights only the rows near the panel's viewport are in the DOM. */
const VIRTUALIZE_LIST_ABOVE = 60;

export interface HighlightListProps {
  placed: AnchoredHighlight[];
  tagsById: ReadonlyMap<string, TagSummary>;
  onSelect: (id: string) => void;
}

export function HighlightList(props: HighlightListProps) {
  const { placed, tagsById, onSelect } = props;
  if (placed.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Select text to highlight it (press <strong>H</strong> for yellow). Click a highlight to tag it or add a note.
        Without a mouse: Tab to the text, then ↓/↑ select a sentence, Shift+arrows adjust it, H highlights.
      </Text>
    );
  }
  if (placed.length > VIRTUALIZE_LIST_ABOVE) return <VirtualHighlightList {...props} />;
  return (
    <Stack gap={6} data-testid="highlight-list">
      {placed.map(({ highlight }) => (
        <HighlightListItem key={highlight.id} highlight={highlight} tagsById={tagsById} onSelect={onSelect} />
      ))}
    </Stack>
  );
}

/**
 * Rows in normal flow between two spacers, windowed against the side panel's own scroll element (found
 * from the DOM, so the panel needs no changes). Rendering all rows cost ~0.5 s for 2,000 highlights and
 * made every layout of the reader (which its virtualizer forces at mount) walk the whole list.
 */
function VirtualHighlightList({ placed, tagsById, onSelect }: HighlightListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const scroller = () => {
    if (!scrollerRef.current?.isConnected) scrollerRef.current = scrollParentOf(listRef.current);
    return scrollerRef.current;
  };
  const virtualizer = useVirtualizer({
    count: placed.length,
    getScrollElement: scroller,
    estimateSize: (i) => {
      const anchored = placed[i];
      if (!anchored) return 60;
      const { tagIds, note, area } = anchored.highlight;
      return estimateHighlightRowHeight({ quote: highlightText(anchored.highlight), tagCount: tagIds.length, hasNote: Boolean(note), thumbnail: Boolean(area?.image) });
    },
    overscan: 6,
    // Until the panel's viewport is found and measured, assume a window-high panel, so the very first
    // commit already holds the rows in view instead of waiting for a second pass.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
    scrollMargin,
    getItemKey: (i) => placed[i]?.highlight.id ?? i,
  });
  // The panel's count line sits above the list inside the same scroll element: its height is the margin.
  useLayoutEffect(() => {
    const list = listRef.current;
    const element = scroller();
    if (!list || !element) return;
    const margin = Math.round(offsetWithin(list, element));
    setScrollMargin((previous) => (previous === margin ? previous : margin));
  }, [placed.length]);

  const items = virtualizer.getVirtualItems();
  const { before, after } = virtualSpacers(items, virtualizer.getTotalSize(), scrollMargin);
  return (
    <div ref={listRef} className={classes.virtualList} data-testid="highlight-list" data-virtual>
      <div style={{ height: before }} aria-hidden />
      {items.map((item) => {
        const anchored = placed[item.index]!;
        return (
          <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className={classes.row}>
            <HighlightListItem highlight={anchored.highlight} tagsById={tagsById} onSelect={onSelect} />
          </div>
        );
      })}
      <div style={{ height: after }} aria-hidden />
    </div>
  );
}
