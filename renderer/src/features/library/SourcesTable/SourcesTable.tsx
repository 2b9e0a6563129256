/** The library table: one row per source, sortable headers, row click opens the reader; long libraries render only the rows in view. */
import { Group, Table, UnstyledButton } from '@mantine/core';
import type { LibrarySource } from '../../../../../shared/contract/library-wire';
import type { SourceSort, SourceSortColumn } from '../sortSources';
import { IconChevronDown, IconChevronUp, IconSelector } from '../../common/Icons/Icons';
import { SourceRow } from './SourceRow';
import { VirtualSourceRows } from './VirtualSourceRows';
import classes from './SourcesTable.module.css';

/** Above this many rows only those near the window's viewport are in the DOM (2,000 rows took ~4 s to show). */
const VIRTUALIZE_ROWS_ABOVE = 200;

export interface SourcesTableProps {
  sources: LibrarySource[];
  sort: SourceSort;
  onSort: (column: SourceSortColumn) => void;
  onOpen: (source: LibrarySource) => void;
  onDelete: (source: LibrarySource) => void;
}

function SortHeader({ column, label, sort, onSort, numeric, className }: {
  column: SourceSortColumn; label: string; sort: SourceSort; onSort: (c: SourceSortColumn) => void; numeric?: boolean; className?: string;
}) {
  const active = sort.column === column;
  const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th
      className={[numeric ? classes.numeric : undefined, className].filter(Boolean).join(' ') || undefined}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton onClick={() => onSort(column)} className={classes.sortButton} data-testid={`sort-${column}`}>
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
          <span>{label}</span>
          <Icon size={14} className={active ? undefined : classes.inactiveIcon} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Column widths are fixed in the virtualised table, so they do not change as different rows scroll into view. */
function HeaderRow({ sort, onSort, fixed }: Pick<SourcesTableProps, 'sort' | 'onSort'> & { fixed: boolean }) {
  const width = (name: string) => (fixed ? classes[name] : undefined);
  return (
    <Table.Thead>
      <Table.Tr>
        <SortHeader column="title" label="Title" sort={sort} onSort={onSort} />
        <Table.Th className={width('publisherColumn')}>Publisher</Table.Th>
        <SortHeader column="date" label="Date" sort={sort} onSort={onSort} className={width('dateColumn')} />
        <SortHeader column="highlights" label="Highlights" sort={sort} onSort={onSort} numeric className={width('countColumn')} />
        <SortHeader column="added" label="Added" sort={sort} onSort={onSort} className={width('addedColumn')} />
        <Table.Th aria-label="Actions" className={fixed ? classes.actions : undefined} />
      </Table.Tr>
    </Table.Thead>
  );
}

export function SourcesTable({ sources, sort, onSort, onOpen, onDelete }: SourcesTableProps) {
  if (sources.length > VIRTUALIZE_ROWS_ABOVE) {
    // No horizontal scroll wrapper here: it would become the header's scroll container, and the header
    // must stick to the window, which is what scrolls (and what the rows are windowed against).
    return (
      <Table
        highlightOnHover verticalSpacing="sm" stickyHeader stickyHeaderOffset="var(--app-shell-header-offset, 0rem)"
        className={classes.fixedTable} data-testid="library-table" data-virtual
      >
        <HeaderRow sort={sort} onSort={onSort} fixed />
        <VirtualSourceRows sources={sources} onOpen={onOpen} onDelete={onDelete} />
      </Table>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" stickyHeader data-testid="library-table">
        <HeaderRow sort={sort} onSort={onSort} fixed={false} />
        <Table.Tbody>
          {sources.map((source) => <SourceRow key={source.id} source={source} onOpen={onOpen} onDelete={onDelete} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
