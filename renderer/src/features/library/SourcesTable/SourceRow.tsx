/** One row of the library table: title (and kind), publisher, date, highlight count, date added, delete. */
import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { Ref } from 'react';
import type { LibrarySource } from '../../../../../shared/contract/library-wire';
import { IconTrash } from '../../common/Icons/Icons';
import classes from './SourcesTable.module.css';

export interface SourceRowProps {
  source: LibrarySource;
  onOpen: (source: LibrarySource) => void;
  onDelete: (source: LibrarySource) => void;
  /** Set by the virtualised table: the row's index and the ref that measures its height. */
  index?: number;
  rowRef?: Ref<HTMLTableRowElement>;
}

const addedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatAdded(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : addedFormat.format(date);
}

export function SourceRow({ source, onOpen, onDelete, index, rowRef }: SourceRowProps) {
  return (
    <Table.Tr
      ref={rowRef}
      data-index={index}
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
  );
}
