/**
 * A list screen's table of records (dossiers, ACH matrices): rows open on click or Enter, a delete button per row, and
 * the empty state when there are none. The screens keep their own columns, wording and test ids.
 */
import { ActionIcon, Table, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconTrash } from '../Icons/Icons';
import classes from './RecordTable.module.css';

export interface RecordColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
  /** Bold, as the record's name is. */
  strong?: boolean;
}

export interface RecordTableProps<T extends { id: string; title: string }> {
  items: readonly T[];
  columns: readonly RecordColumn<T>[];
  onOpen: (item: T) => void;
  onDelete: (item: T) => void;
  /** "matrix", "dossier": names the delete button ("Delete matrix …"). */
  noun: string;
  testIds: { table: string; row: string; delete: string };
  /** Extra data-* attributes per row, which tests use to find a record's row. */
  rowData?: (item: T) => Record<string, string>;
}

export function RecordTable<T extends { id: string; title: string }>({ items, columns, onOpen, onDelete, noun, testIds, rowData }: RecordTableProps<T>) {
  return (
    <Table highlightOnHover verticalSpacing="sm" data-testid={testIds.table}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}
          <Table.Th w={48} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr
            key={item.id} className={classes.row} tabIndex={0} data-testid={testIds.row} {...rowData?.(item)}
            onClick={() => onOpen(item)}
            onKeyDown={(e) => { if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(item); }}
          >
            {columns.map((c) => <Table.Td key={c.header} fw={c.strong ? 500 : undefined}>{c.cell(item)}</Table.Td>)}
            <Table.Td>
              <Tooltip label={`Delete ${noun}`}>
                <ActionIcon
                  variant="subtle" color="red" aria-label={`Delete ${noun} ${item.title}`} data-testid={testIds.delete}
                  onClick={(e) => { e.stopPropagation(); onDelete(item); }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What a list screen shows when it has no records yet: what is missing and how to start. */
export function EmptyRecords({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={classes.empty}>
      <Text fw={500}>{title}</Text>
      <Text size="sm" c="dimmed">{children}</Text>
    </div>
  );
}

/** The padded, width-bounded column a list screen sits in. */
export function RecordScreen({ testId, children }: { testId: string; children: ReactNode }) {
  return <div className={classes.screen} data-testid={testId}>{children}</div>;
}
