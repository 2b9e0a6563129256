/** Filters of the search results screen: kinds, tag, entity, source and a date range (YYYY[-MM[-DD]]). */
import { Chip, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { SEARCH_KINDS, type SearchKind } from '../../../../../shared/search/types';
import { useEntities } from '../../../api/analysisHooks';
import { useSources, useTags } from '../../../api/hooks';
import { KIND_LABEL } from '../searchTargets';
import { isPartialDate, type SearchFilters as Filters } from '../../../routes/searchRoute';

function DateField({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const bad = !isPartialDate(draft.trim());
  return (
    <TextInput
      label={label} placeholder="YYYY-MM-DD" w={130} value={draft} error={bad ? 'YYYY, YYYY-MM or YYYY-MM-DD' : undefined} data-testid={testId}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => { if (!bad) onChange(draft.trim()); }}
      onKeyDown={(e) => { if (e.key === 'Enter' && !bad) onChange(draft.trim()); }}
    />
  );
}

export function SearchFilters({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { data: tags = [] } = useTags();
  const { data: entities = [] } = useEntities();
  const { data: sources = [] } = useSources();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <Stack gap="sm" data-testid="search-filters">
      <div>
        <Text size="xs" fw={600} c="dimmed" mb={4}>Kinds</Text>
        <Chip.Group multiple value={filters.kinds} onChange={(v) => set({ kinds: SEARCH_KINDS.filter((k) => v.includes(k)) as SearchKind[] })}>
          <Group gap={6}>
            {SEARCH_KINDS.map((k) => <Chip key={k} value={k} size="xs" wrapperProps={{ 'data-testid': `filter-kind-${k}` }}>{KIND_LABEL[k]}</Chip>)}
          </Group>
        </Chip.Group>
      </div>
      <Group gap="sm" align="flex-start">
        <Select
          label="Tag" placeholder="Any tag" clearable searchable w={200} value={filters.tagId} onChange={(v) => set({ tagId: v })}
          data={tags.map((t) => ({ value: t.id, label: t.path || t.name }))} comboboxProps={{ withinPortal: true }} data-testid="filter-tag"
        />
        <Select
          label="Entity" placeholder="Any entity" clearable searchable w={200} value={filters.entityId} onChange={(v) => set({ entityId: v })}
          data={entities.map((e) => ({ value: e.id, label: e.name }))} comboboxProps={{ withinPortal: true }} data-testid="filter-entity"
        />
        <Select
          label="Source" placeholder="Any source" clearable searchable w={260} value={filters.sourceId} onChange={(v) => set({ sourceId: v })}
          data={sources.map((s) => ({ value: s.id, label: s.meta.title }))} comboboxProps={{ withinPortal: true }} data-testid="filter-source"
        />
        <DateField label="From" value={filters.dateFrom} onChange={(dateFrom) => set({ dateFrom })} testId="filter-from" />
        <DateField label="To" value={filters.dateTo} onChange={(dateTo) => set({ dateTo })} testId="filter-to" />
      </Group>
    </Stack>
  );
}
