/** Evidence passages being attached in a dialog: quote, source, and a button to leave one out. */
import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconX } from '../AnalysisIcons/AnalysisIcons';

/** A highlight offered as evidence, with what is needed to show it and to grade by its source. */
export interface EvidenceDraft {
  highlightId: string;
  sourceId: string;
  sourceTitle: string;
  exact: string;
}

export function EvidenceList({ evidence, onRemove }: { evidence: EvidenceDraft[]; onRemove: (highlightId: string) => void }) {
  if (evidence.length === 0) return <Text size="sm" c="dimmed">No passage attached.</Text>;
  return (
    <Stack gap={6} data-testid="evidence-list">
      {evidence.map((e) => (
        <Group key={e.highlightId} wrap="nowrap" align="flex-start" gap="xs" data-testid="evidence-draft">
          <div style={{ flex: 1, minWidth: 0, borderLeft: '3px solid var(--mantine-color-yellow-5)', paddingLeft: 10 }}>
            <Text size="sm" lineClamp={4} style={{ fontFamily: 'Charter, Cambria, Georgia, serif' }}>{e.exact}</Text>
            <Text size="xs" c="dimmed" truncate>— {e.sourceTitle || 'Untitled'}</Text>
          </div>
          <Tooltip label="Leave this passage out">
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Remove passage" onClick={() => onRemove(e.highlightId)}>
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
    </Stack>
  );
}
