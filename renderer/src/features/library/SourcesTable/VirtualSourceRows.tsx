/** The library table's body for long libraries: the rows near the window's viewport between two spacer rows. */
import { Table } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { LibrarySource } from '../../../../../shared/contract/library-wire';
import { offsetInDocument, virtualSpacers } from '../../common/lib/virtualSpacers';
import { SourceRow } from './SourceRow';
import classes from './SourcesTable.module.css';

/** A one-line row at verticalSpacing "sm"; two-line titles are measured once rendered. */
const ESTIMATED_ROW_PX = 56;
const COLUMNS = 6;

export interface VirtualSourceRowsProps {
  sources: LibrarySource[];
  onOpen: (source: LibrarySource) => void;
  onDelete: (source: LibrarySource) => void;
}

/** Blank space standing in for the rows above or below the window (a cell, so every browser gives it height). */
function SpacerRow({ height }: { height: number }) {
  return <tr aria-hidden className={classes.spacer}><td colSpan={COLUMNS} style={{ height }} /></tr>;
}

export function VirtualSourceRows({ sources, onOpen, onDelete }: VirtualSourceRowsProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const virtualizer = useWindowVirtualizer({
    count: sources.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 8,
    scrollMargin,
    getItemKey: (i) => sources[i]?.id ?? i,
  });
  // Whatever sits above the table (title, filter, import progress) moves it: re-read its place after each
  // render. Cheap, because only a screenful of rows is laid out.
  useLayoutEffect(() => {
    if (!bodyRef.current) return;
    const margin = Math.round(offsetInDocument(bodyRef.current));
    setScrollMargin((previous) => (previous === margin ? previous : margin));
  });

  const items = virtualizer.getVirtualItems();
  const { before, after } = virtualSpacers(items, virtualizer.getTotalSize(), scrollMargin);
  return (
    <Table.Tbody ref={bodyRef} className={classes.virtualBody}>
      {before > 0 && <SpacerRow height={before} />}
      {items.map((item) => {
        const source = sources[item.index]!;
        return (
          <SourceRow
            key={item.key} source={source} onOpen={onOpen} onDelete={onDelete}
            index={item.index} rowRef={virtualizer.measureElement}
          />
        );
      })}
      {after > 0 && <SpacerRow height={after} />}
    </Table.Tbody>
  );
}
