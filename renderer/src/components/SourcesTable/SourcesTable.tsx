/** The library table: one row per source, sortable headers, row click opens the reader. */
import { ActionIcon, Badge, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { SourceSummary } from '../../../../shared/contract/views';
import type { SourceSort, SourceSortColumn } from '../../lib/sortSources';
import { IconChevronDown, IconChevronUp, IconSelector, IconTrash } from '../Icons/Icons';
import classes from './SourcesTable.module.css';

export interface SourcesTableProps {
  sources: SourceSummary[];
  sort: SourceSort;
  onSort: (column: SourceSortColumn) => void;
  onOpen: (source: SourceSummary) => void;
  onDelete: (source: SourceSummary) => void;
}

const addedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatAdded(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : addedFormat.format(date);
}

function SortHeader({ column, label, sort, onSort, numeric }: {
  column: SourceSortColumn; label: string; sort: SourceSort; onSort: (c: SourceSortColumn) => void; numeric?: boolean;
}) {
  const active = sort.column === column;
  const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th
      className={numeric ? classes.numeric : undefined}
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

export function SourcesTable({ sources, sort, onSort, onOpen, onDelete }: SourcesTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm" stickyHeader data-testid="library-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="title" label="Title" sort={sort} onSort={onSort} />
            <Table.Th>Publisher</Table.Th>
            <SortHeader column="date" label="Date" sort={sort} onSort={onSort} />
            <SortHeader column="highlights" label="Highlights" sort={sort} onSort={onSort} numeric />
            <SortHeader column="added" label="Added" sort={sort} onSort={onSort} />
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((source) => (
            <Table.Tr
              key={source.id}
              className={classes.row}
              tabIndex={0}
              onClick={() => onOpen(source)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(source);
              }}
              data-testid="library-row"
              data-source-id={source.id}
            >
              <Table.Td className={classes.titleCell}>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={500} size="sm" lineClamp={2} data-testid="library-row-title">{source.meta.title || 'Untitled'}</Text>
                  {source.kind !== 'text' && <Badge size="xs" variant="light" color="gray">{source.kind}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td><Text size="sm" c={source.meta.publisher ? undefined : 'dimmed'}>{source.meta.publisher || '—'}</Text></Table.Td>
              <Table.Td><Text size="sm" c={source.meta.publishedAt ? undefined : 'dimmed'}>{source.meta.publishedAt || '—'}</Text></Table.Td>
              <Table.Td className={classes.numeric}>
                <Text size="sm" data-testid="library-row-count">{source.highlightCount}</Text>
              </Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{formatAdded(source.createdAt)}</Text></Table.Td>
              <Table.Td className={classes.actions}>
                <Tooltip label="Delete source">
                  <ActionIcon
                    variant="subtle" color="red" aria-label={`Delete ${source.meta.title}`} data-testid="library-row-delete"
                    onClick={(e) => {
                      e.stopPropagation();
                      onDelete(source);
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
