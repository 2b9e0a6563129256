/** The passages behind one row of evidence, each opening the reader at it. */
import { Drawer, Stack, Text } from '@mantine/core';
import type { AchEvidenceView } from '../../../../../shared/contract/views-ach';
import { PassageQuote } from '../../common/PassageQuote/PassageQuote';

export function AchPassages({ row, onClose }: { row: AchEvidenceView | null; onClose: () => void }) {
  return (
    <Drawer
      opened={row !== null} onClose={onClose} position="right" size="md" data-testid="ach-passages"
      title={row ? (row.kind === 'claim' ? 'Evidence of the claim' : 'The highlighted passage') : ''}
    >
      {row && (
        <Stack gap="md">
          <Text size="sm" fw={500}>{row.label}</Text>
          {row.passages.length === 0 && <Text size="sm" c="dimmed">No passage: the claim has no evidence yet.</Text>}
          {row.passages.map((p) => <PassageQuote key={`${p.highlightId}-${p.start}`} passage={p} testId="ach-passage" />)}
        </Stack>
      )}
    </Drawer>
  );
}
