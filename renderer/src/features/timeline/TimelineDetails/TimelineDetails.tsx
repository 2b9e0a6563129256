/** What a clicked timeline item rests on: a relationship with its evidence, or an event with the records that date it. */
import { Anchor, CloseButton, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { TimelineItem } from '../../../../../shared/contract/views-timeline';
import { EntityLink } from '../../entities/EntityBadge/EntityBadge';
import { RelationshipPanel } from '../../analysis/RelationshipPanel/RelationshipPanel';

export interface TimelineDetailsProps {
  item: TimelineItem;
  onClose: () => void;
  onOpenClaim: (claimId: string) => void;
}

function EventDetails({ item, onOpenClaim }: Pick<TimelineDetailsProps, 'item' | 'onOpenClaim'>) {
  const basis = item.basis ?? { relationshipIds: [], claimIds: [] };
  const event = item.entities[0];
  return (
    <Stack gap="md">
      <div>
        <Title order={4}>Event</Title>
        {event && <EntityLink id={event.id} name={event.name} type={event.type} />}
        <Text size="sm" c="dimmed" mt={4}>{item.dateLabel}</Text>
      </div>
      {basis.relationshipIds.length > 0 && (
        <Text size="xs" c="dimmed">Dated by {basis.relationshipIds.length === 1 ? 'its relationship' : `its ${basis.relationshipIds.length} relationships`}:</Text>
      )}
      {basis.relationshipIds.map((id) => <RelationshipPanel key={id} relationshipId={id} />)}
      {basis.claimIds.length > 0 && (
        <div>
          <Text size="xs" c="dimmed" mb={4}>No dated relationship: dated by when claims about it were made.</Text>
          {basis.claimIds.map((id) => (
            <Anchor key={id} component="button" type="button" size="sm" display="block" onClick={() => onOpenClaim(id)} data-testid="timeline-event-claim">
              Open claim
            </Anchor>
          ))}
        </div>
      )}
    </Stack>
  );
}

export function TimelineDetails({ item, onClose, onOpenClaim }: TimelineDetailsProps) {
  return (
    <aside
      data-testid="timeline-details" data-item-id={item.id} aria-label={`${item.kind === 'event' ? 'Event' : 'Relationship'} and its evidence`}
      style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}
      // Escape inside the panel closes it; not from a dialog opened here (its portal's events still bubble through React).
      onKeyDown={(e) => { if (e.key === 'Escape' && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) onClose(); }}
    >
      <Group justify="flex-end" p={6} pb={0}>
        <CloseButton aria-label="Close panel" onClick={onClose} data-testid="timeline-details-close" />
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
          {item.kind === 'event'
            ? <EventDetails item={item} onOpenClaim={onOpenClaim} />
            : <RelationshipPanel key={item.recordId} relationshipId={item.recordId} onDeleted={onClose} />}
        </div>
      </ScrollArea>
    </aside>
  );
}
