/** Relationships as compact rows (entity page): from —type→ to, dates, evidence count, the unevidenced flag. */
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RelationshipView } from '../../../../../shared/contract/views-analysis';
import { IconArrowRight } from '../AnalysisIcons/AnalysisIcons';
import { UnevidencedBadge } from '../UnevidencedBadge/UnevidencedBadge';
import classes from '../RecordCard.module.css';
import { formatDateSpan, qualifierInWords } from '../../../../../shared/domain/partial-dates';

export interface RelationshipListProps {
  relationships: RelationshipView[];
  /** The entity whose page this is: its name is shown plainly, the other end stands out. */
  focusId?: string;
  onOpen: (id: string) => void;
}

export function RelationshipList({ relationships, focusId, onOpen }: RelationshipListProps) {
  if (relationships.length === 0) return <Text size="sm" c="dimmed">No relationships yet.</Text>;
  return (
    <Stack gap={6}>
      {relationships.map((r) => {
        const evidence = r.evidence.length + r.evidenceClaims.length;
        const when = formatDateSpan(r.startDate, r.endDate, qualifierInWords);
        return (
          <UnstyledButton key={r.id} className={classes.card} onClick={() => onOpen(r.id)} data-testid="relationship-row" data-relationship-id={r.id}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={r.fromId === focusId ? 400 : 600}>{r.fromName}</Text>
              <Badge size="sm" variant="outline" color="gray" rightSection={<IconArrowRight size={10} />}>{r.label}</Badge>
              <Text size="sm" fw={r.toId === focusId ? 400 : 600}>{r.toName}</Text>
              {r.unevidenced && <UnevidencedBadge size="xs" />}
            </Group>
            <Text size="xs" c="dimmed" mt={2}>
              {[when, `confidence ${Math.round(r.confidence * 100)}%`, evidence > 0 ? `${evidence} piece${evidence === 1 ? '' : 's'} of evidence` : null].filter(Boolean).join(' · ')}
            </Text>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
