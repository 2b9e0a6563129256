/** The timeline's filters, as on the graph: kinds, entity types, tag, source, claim grade and a date range. */
import { Checkbox, Divider, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ENTITY_TYPES, type EntityType } from '../../../../../shared/domain/types';
import { TIMELINE_KINDS, type TimelineKind } from '../../../../../shared/contract/views-timeline';
import { useSources, useTags } from '../../../api/hooks';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';
import { tagLabel } from '../../common/lib/tagValues';
import { dateError } from '../../analysis/ClaimDialog/claimDraft';
import { ShapeSwatch } from '../../graph/GraphFilters/ShapeSwatch';
import { gradeError, type TimelineFilters as Filters } from '../timelineFilter';

const KIND_LABEL: Record<TimelineKind, string> = { claim: 'Claims (date claimed)', relationship: 'Relationships (from – until)', event: 'Events' };

export interface TimelineFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
  shown: number;
  undated: number;
}

function toggled<T>(all: readonly T[], current: readonly T[], value: T, on: boolean): T[] {
  return on ? all.filter((x) => x === value || current.includes(x)) : current.filter((x) => x !== value);
}

export function TimelineFilters({ filters, onChange, shown, undated }: TimelineFiltersProps) {
  const { data: tags = [] } = useTags();
  const { data: sources = [] } = useSources();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });

  return (
    <Stack gap="md" data-testid="timeline-filters">
      <div>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>Show</Text>
        <Stack gap={6}>
          {TIMELINE_KINDS.map((k) => (
            <Checkbox
              key={k} size="xs" label={KIND_LABEL[k]} checked={filters.kinds.includes(k)}
              onChange={(e) => set('kinds', toggled(TIMELINE_KINDS, filters.kinds, k, e.currentTarget.checked))} data-testid={`timeline-kind-${k}`}
            />
          ))}
        </Stack>
      </div>
      <div>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>Involving</Text>
        <Stack gap={6}>
          {ENTITY_TYPES.map((t: EntityType) => (
            <Checkbox
              key={t} size="xs" checked={filters.entityTypes.includes(t)}
              onChange={(e) => set('entityTypes', toggled(ENTITY_TYPES, filters.entityTypes, t, e.currentTarget.checked))}
              label={<Group gap={6} wrap="nowrap"><ShapeSwatch style={ENTITY_TYPE_STYLE[t]} />{ENTITY_TYPE_STYLE[t].label}</Group>}
              data-testid={`timeline-type-${t}`}
            />
          ))}
        </Stack>
      </div>
      <Divider />
      <Select
        label="Tag" placeholder="Any" data={tags.map((t) => ({ value: t.id, label: tagLabel(t) }))} value={filters.tagId}
        onChange={(v) => set('tagId', v)} clearable searchable size="xs" comboboxProps={{ withinPortal: true }} data-testid="timeline-filter-tag"
      />
      <Select
        label="Source" placeholder="Any" data={sources.map((s) => ({ value: s.id, label: s.meta.title || 'Untitled' }))} value={filters.sourceId}
        onChange={(v) => set('sourceId', v)} clearable searchable size="xs" comboboxProps={{ withinPortal: true }} data-testid="timeline-filter-source"
      />
      <TextInput
        label="Claim grade" description="Narrows claims only" placeholder="e.g. B, B2 or 2" size="xs" value={filters.grade}
        error={gradeError(filters.grade)} onChange={(e) => set('grade', e.currentTarget.value.trim())} data-testid="timeline-filter-grade"
      />
      <Group grow gap="xs" align="flex-start">
        <TextInput label="From" placeholder="YYYY-MM-DD" size="xs" value={filters.from} error={dateError(filters.from)} onChange={(e) => set('from', e.currentTarget.value.trim())} data-testid="timeline-filter-from" />
        <TextInput label="To" placeholder="YYYY-MM-DD" size="xs" value={filters.to} error={dateError(filters.to)} onChange={(e) => set('to', e.currentTarget.value.trim())} data-testid="timeline-filter-to" />
      </Group>
      <Text size="xs" c="dimmed" data-testid="timeline-counts">
        {shown} on the timeline{undated > 0 ? ` · ${undated} undated not shown` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        Partial dates span their whole month or year. Dashed bars are uncertain (“before”, “after”, “about”); a fading end is open.
      </Text>
    </Stack>
  );
}
