/** The graph's controls: find a node, filter (types, relationship types, tag, source, dates), legend and layout. */
import { Autocomplete, Button, Checkbox, Divider, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { GraphNode } from '../../../../../shared/contract/views-analysis';
import { countOf } from '../../../../../shared/domain/analysis/graph-nav';
import { ENTITY_TYPES, type EntityType } from '../../../../../shared/domain/types';
import { useSources, useTags } from '../../../api/hooks';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';
import type { GraphFilters as Filters } from '../graphFilter';
import { matchesEntity } from '../../common/lib/suggestionAliases';
import { tagLabel } from '../../common/lib/tagValues';
import { IconFocus, IconRefresh } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { dateError } from '../../analysis/ClaimDialog/claimDraft';
import { UNEVIDENCED_COLOR } from '../GraphCanvas/graphStyle';
import { IconSearch } from '../../common/Icons/Icons';
import { ShapeSwatch } from './ShapeSwatch';

export interface GraphFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
  nodes: GraphNode[];
  relationshipTypes: Array<{ value: string; label: string }>;
  shown: { nodes: number; edges: number };
  /** Centres the node with this name (or alias); false when none is shown. */
  onFind: (query: string) => boolean;
  onRelayout: () => void;
  onFit: () => void;
}

function EdgeLegend() {
  const line = (dashed: boolean, color: string) => (
    <svg width={34} height={10} aria-hidden="true">
      <line x1={1} y1={5} x2={26} y2={5} stroke={color} strokeWidth={2} strokeDasharray={dashed ? '5 3' : undefined} />
      <path d="M26 1l7 4-7 4z" fill={color} />
    </svg>
  );
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">{line(false, '#adb5bd')}<Text size="xs">Backed by evidence</Text></Group>
      <Group gap={6} wrap="nowrap">{line(true, UNEVIDENCED_COLOR)}<Text size="xs">Unevidenced</Text></Group>
    </Stack>
  );
}

export function GraphFilters({ filters, onChange, nodes, relationshipTypes, shown, onFind, onRelayout, onFit }: GraphFiltersProps) {
  const { data: tags = [] } = useTags();
  const { data: sources = [] } = useSources();
  const [search, setSearch] = useState('');
  const [notFound, setNotFound] = useState(false);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  const suggestions = useMemo(() => {
    if (!search.trim()) return [];
    return [...new Set(nodes.filter((n) => matchesEntity(n, search)).map((n) => n.name))].slice(0, 8);
  }, [nodes, search]);
  const find = (value: string) => setNotFound(!onFind(value));
  const toggleType = (t: EntityType, on: boolean) =>
    set('entityTypes', on ? ENTITY_TYPES.filter((x) => x === t || filters.entityTypes.includes(x)) : filters.entityTypes.filter((x) => x !== t));

  return (
    <Stack gap="md" data-testid="graph-filters">
      <Autocomplete
        placeholder="Find an entity, Enter" leftSection={<IconSearch size={16} />} data={suggestions} value={search}
        onChange={(v) => { setSearch(v); setNotFound(false); }} onOptionSubmit={find} error={notFound ? 'Not on the graph (filtered out?)' : undefined}
        onKeyDown={(e) => { if (e.key === 'Enter') find(e.currentTarget.value); }} data-testid="graph-search" comboboxProps={{ withinPortal: true }}
      />
      <div>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>Entities</Text>
        <Stack gap={6}>
          {ENTITY_TYPES.map((t) => (
            <Checkbox
              key={t} size="xs" checked={filters.entityTypes.includes(t)} onChange={(e) => toggleType(t, e.currentTarget.checked)}
              label={<Group gap={6} wrap="nowrap"><ShapeSwatch style={ENTITY_TYPE_STYLE[t]} />{ENTITY_TYPE_STYLE[t].label}</Group>}
              data-testid={`graph-type-${t}`}
            />
          ))}
        </Stack>
      </div>
      <div>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>Relationships</Text>
        <EdgeLegend />
      </div>
      <Divider />
      <MultiSelect
        label="Relationship types" placeholder={filters.relationshipTypes.length ? undefined : 'All'} data={relationshipTypes}
        value={[...filters.relationshipTypes]} onChange={(v) => set('relationshipTypes', v)} clearable size="xs" comboboxProps={{ withinPortal: true }}
        data-testid="graph-filter-reltypes"
      />
      <Select
        label="Tag" placeholder="Any" data={tags.map((t) => ({ value: t.id, label: tagLabel(t) }))} value={filters.tagId}
        onChange={(v) => set('tagId', v)} clearable searchable size="xs" comboboxProps={{ withinPortal: true }} data-testid="graph-filter-tag"
      />
      <Select
        label="Source" placeholder="Any" data={sources.map((s) => ({ value: s.id, label: s.meta.title || 'Untitled' }))} value={filters.sourceId}
        onChange={(v) => set('sourceId', v)} clearable searchable size="xs" comboboxProps={{ withinPortal: true }} data-testid="graph-filter-source"
      />
      <Group grow gap="xs" align="flex-start">
        <TextInput label="From" placeholder="YYYY-MM-DD" size="xs" value={filters.from} error={dateError(filters.from)} onChange={(e) => set('from', e.currentTarget.value.trim())} data-testid="graph-filter-from" />
        <TextInput label="To" placeholder="YYYY-MM-DD" size="xs" value={filters.to} error={dateError(filters.to)} onChange={(e) => set('to', e.currentTarget.value.trim())} data-testid="graph-filter-to" />
      </Group>
      {(filters.from || filters.to) && <Text size="xs" c="dimmed">Undated relationships are hidden while a date range is set.</Text>}
      <Text size="xs" c="dimmed" data-testid="graph-counts">{countOf(shown.nodes, 'entity', 'entities')} · {countOf(shown.edges, 'relationship', 'relationships')} shown</Text>
      <Group gap="xs" grow>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onRelayout} data-testid="graph-relayout">Re-layout</Button>
        <Button size="xs" variant="default" leftSection={<IconFocus size={14} />} onClick={onFit} data-testid="graph-fit">Fit</Button>
      </Group>
    </Stack>
  );
}
