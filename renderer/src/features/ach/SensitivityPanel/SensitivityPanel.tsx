/** Heuer's sensitivity check: the single items the leading hypothesis hangs on, and what would lead without them. */
import { Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { AchMatrixView } from '../../../../../shared/contract/views-ach';
import { labelsOf, wouldLead } from '../achLabels';

export interface SensitivityPanelProps {
  view: AchMatrixView;
  onShowEvidence: (evidenceId: string) => void;
}

export function SensitivityPanel({ view, onShowEvidence }: SensitivityPanelProps) {
  const { matrix, sensitivity, evidence, scores } = view;
  if (matrix.hypotheses.length < 2 || evidence.length === 0) return null;
  const leaders = labelsOf(matrix.hypotheses, scores.filter((s) => s.rank === 1).map((s) => s.hypothesisId));
  return (
    <Paper withBorder p="md" radius="md" data-testid="ach-sensitivity">
      <Title order={4} mb={4}>Sensitivity</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {sensitivity.length === 0
          ? `No single item changes the lead of ${leaders}: removing any one, or reading it the other way, leaves the ranking’s top as it is.`
          : `${leaders} ${scores.filter((s) => s.rank === 1).length > 1 ? 'tie' : 'leads'}; it hangs on ${sensitivity.length === 1 ? 'this item' : `these ${sensitivity.length} items`}:`}
      </Text>
      <Stack gap="xs">
        {sensitivity.map((s) => {
          const row = evidence.find((e) => e.id === s.evidenceId);
          return (
            <UnstyledButton key={s.evidenceId} onClick={() => onShowEvidence(s.evidenceId)} data-testid="ach-sensitive-item" data-evidence-id={s.evidenceId}>
              <Text size="sm" fw={500} lineClamp={2}>“{row?.label ?? '?'}”</Text>
              {s.ifRemoved && <Text size="xs" c="dimmed">If removed: {labelsOf(matrix.hypotheses, s.ifRemoved)} {wouldLead(s.ifRemoved)}</Text>}
              {s.ifWrong && <Text size="xs" c="dimmed">If wrong: {labelsOf(matrix.hypotheses, s.ifWrong)} {wouldLead(s.ifWrong)}</Text>}
            </UnstyledButton>
          );
        })}
      </Stack>
    </Paper>
  );
}
