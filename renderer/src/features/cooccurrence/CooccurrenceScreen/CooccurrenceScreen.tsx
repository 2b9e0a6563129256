/** Code co-occurrence (ATLAS.ti's table): which tags and entities meet within a highlight, paragraph or source. */
import { Alert, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CooccurrenceCellView } from '../../../../../shared/contract/views-cooccurrence';
import type { CooccurrenceUnit } from '../../../../../shared/domain/analysis/cooccurrence';
import { useCooccurrence } from '../../../api/achHooks';
import { CooccurrenceTable, type Measure } from '../CooccurrenceTable/CooccurrenceTable';
import { CooccurrencePassages } from '../CooccurrencePassages/CooccurrencePassages';

type Pairing = 'tags-tags' | 'entities-entities' | 'tags-entities';
const PAIRINGS: { value: Pairing; label: string }[] = [
  { value: 'tags-tags', label: 'Tags × tags' },
  { value: 'entities-entities', label: 'Entities × entities' },
  { value: 'tags-entities', label: 'Tags × entities' },
];
const UNITS: { value: CooccurrenceUnit; label: string }[] = [
  { value: 'highlight', label: 'Same highlight' },
  { value: 'paragraph', label: 'Same paragraph' },
  { value: 'source', label: 'Same source' },
];

export function CooccurrenceScreen() {
  const [unit, setUnit] = useState<CooccurrenceUnit>('paragraph');
  const [pairing, setPairing] = useState<Pairing>('tags-tags');
  const [measure, setMeasure] = useState<Measure>('count');
  const [selected, setSelected] = useState<CooccurrenceCellView | null>(null);
  const [rows, columns] = pairing.split('-') as ['tags' | 'entities', 'tags' | 'entities'];
  const { data: view, error, loading } = useCooccurrence({ unit, rows, columns });
  const change = <T,>(set: (v: T) => void) => (v: string) => {
    setSelected(null);
    set(v as T);
  };

  return (
    <Stack gap="md" p="lg" data-testid="cooccurrence">
      <div>
        <Title order={2}>Co-occurrence</Title>
        <Text size="sm" c="dimmed">
          How often two codes meet in the same unit; c (0–1) says how exclusively they go together. Click a cell for its passages.
        </Text>
      </div>
      <Group gap="md">
        <SegmentedControl data={PAIRINGS} value={pairing} onChange={change(setPairing)} data-testid="cooccurrence-pairing" aria-label="Rows and columns" />
        <SegmentedControl data={UNITS} value={unit} onChange={change(setUnit)} data-testid="cooccurrence-unit" aria-label="Unit" />
        <SegmentedControl
          data={[{ value: 'count', label: 'Count' }, { value: 'c', label: 'c-coefficient' }]} value={measure}
          onChange={(v) => setMeasure(v as Measure)} data-testid="cooccurrence-measure" aria-label="Measure"
        />
        {loading && <Loader size="xs" />}
      </Group>
      {error && !view && <Alert color="red" title="The table could not be computed">{error.message}</Alert>}
      {view && (view.rows.length === 0 || view.columns.length === 0) && (
        <Text c="dimmed" data-testid="cooccurrence-empty">
          No highlight carries {rows === 'tags' || columns === 'tags' ? 'tags' : 'entities'} yet: tag passages or link them to entities in the reader.
        </Text>
      )}
      {view && view.rows.length > 0 && view.columns.length > 0 && (
        <>
          {view.cells.length === 0 && <Text size="sm" c="dimmed">No two codes meet in the same {unit} yet.</Text>}
          <CooccurrenceTable view={view} measure={measure} selected={selected} onSelect={setSelected} />
          <CooccurrencePassages view={view} cell={selected} onClose={() => setSelected(null)} />
        </>
      )}
    </Stack>
  );
}
