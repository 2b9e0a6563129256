/** The timeline as a table, in time order: the same filtered items for keyboard and screen-reader use; a row opens its evidence. */
import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import type { TimelineItem } from '../../../../../shared/contract/views-timeline';

const KIND: Record<TimelineItem['kind'], { label: string; color: string }> = {
  claim: { label: 'Claim', color: 'indigo' },
  relationship: { label: 'Relationship', color: 'teal' },
  event: { label: 'Event', color: 'grape' },
};

export function TimelineList({ items, onOpen }: { items: TimelineItem[]; onOpen: (id: string) => void }) {
  return (
    <Table striped highlightOnHover aria-label={`Timeline: ${items.length} dated items`} data-testid="timeline-list">
      <Table.Thead>
        <Table.Tr><Table.Th>When</Table.Th><Table.Th>Kind</Table.Th><Table.Th>What</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.id} data-item-id={i.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm" fs={i.qualified ? 'italic' : undefined}>{i.dateLabel}</Text>
            </Table.Td>
            <Table.Td><Badge size="sm" variant="light" color={KIND[i.kind].color}>{KIND[i.kind].label}{i.grade ? ` · ${i.grade}` : ''}</Badge></Table.Td>
            <Table.Td>
              <UnstyledButton onClick={() => onOpen(i.id)} data-testid="timeline-list-open">
                <Text size="sm">{i.title}</Text>
              </UnstyledButton>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
