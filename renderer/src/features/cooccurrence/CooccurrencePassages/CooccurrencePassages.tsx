/** The passages behind one co-occurrence cell, each opening the reader at it. */
import { Drawer, Stack, Text } from '@mantine/core';
import type { CooccurrenceCellView, CooccurrenceView } from '../../../../../shared/contract/views-cooccurrence';
import { PassageQuote } from '../../common/PassageQuote/PassageQuote';

const UNIT_NAME = { highlight: 'highlight', paragraph: 'paragraph', source: 'source' } as const;

export interface CooccurrencePassagesProps {
  view: CooccurrenceView;
  cell: CooccurrenceCellView | null;
  onClose: () => void;
}

export function CooccurrencePassages({ view, cell, onClose }: CooccurrencePassagesProps) {
  const label = (key: string) => [...view.rows, ...view.columns].find((c) => c.key === key)?.label ?? '?';
  return (
    <Drawer
      opened={cell !== null} onClose={onClose} position="right" size="md" data-testid="cooccurrence-passages"
      title={cell ? `${label(cell.row)} × ${label(cell.column)}` : ''}
    >
      {cell && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Together in {cell.count} {UNIT_NAME[view.unit]}{cell.count === 1 ? '' : 's'} (c = {cell.c.toFixed(2)}). The passages carrying either:
          </Text>
          {cell.highlightIds.map((id) => {
            const p = view.passages[id];
            return p ? <PassageQuote key={id} passage={p} testId="cooccurrence-passage" /> : null;
          })}
        </Stack>
      )}
    </Drawer>
  );
}
