/** Entity pickers: searchable by name or alias; the single picker can create a new entity from what was typed. */
import { Group, MultiSelect, Select, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { EntitySummary } from '../../../../../shared/contract/views-analysis';
import type { EntityType } from '../../../../../shared/domain/types';
import { useEntities } from '../../../api/analysisHooks';
import { createEntity } from '../../../api/analysisMutations';
import { notifyInfo } from '../../../api/notify';
import { ENTITY_TYPE_STYLE, isEntityType } from '../../common/lib/entityTypes';
import { matchesEntity } from '../../common/lib/suggestionAliases';
import { EntityTypeIcon } from '../../analysis/AnalysisIcons/AnalysisIcons';

/** Option values that stand for "create an entity of this type from what was typed" rather than an existing entity. */
const CREATE_PREFIX = '__create__:';
const createValue = (type: EntityType) => `${CREATE_PREFIX}${type}`;
const isCreateValue = (value: string) => value.startsWith(CREATE_PREFIX);

function entityOptions(entities: readonly EntitySummary[], exclude: readonly string[]) {
  return entities.filter((e) => !exclude.includes(e.id)).map((e) => ({ value: e.id, label: e.name }));
}

/** Filters by name or alias (diacritics ignored); the "create" option always stays. */
function aliasFilter(entities: readonly EntitySummary[]): OptionsFilter {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return ({ options, search, limit }) => (options as ComboboxItem[]).filter((o) => {
    if (isCreateValue(o.value)) return true;
    const e = byId.get(o.value);
    return e ? matchesEntity(e, search) : o.label.toLowerCase().includes(search.toLowerCase());
  }).slice(0, limit);
}

function renderEntityOption(entities: readonly EntitySummary[]) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return ({ option }: { option: ComboboxItem }) => {
    const e = byId.get(option.value);
    if (!e) return <Text size="sm" c="indigo" fw={500}>{option.label}</Text>;
    return (
      <Group gap={8} wrap="nowrap">
        <EntityTypeIcon type={e.type} size={16} color={`var(--mantine-color-${ENTITY_TYPE_STYLE[e.type].color}-6)`} />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" truncate>{e.name}</Text>
          {e.aliases.length > 0 && <Text size="xs" c="dimmed" truncate>{e.aliases.join(', ')}</Text>}
        </div>
      </Group>
    );
  };
}

export interface EntitySelectProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** When set, typing a name nobody has offers "New <type> “name”" (one option per type when several are given). */
  createType?: EntityType | readonly EntityType[];
  exclude?: readonly string[];
  placeholder?: string;
  testId?: string;
  required?: boolean;
  clearable?: boolean;
  autoFocus?: boolean;
  /** False inside a Popover: a portalled list counts as a click outside it, which closes the popover on the press. */
  withinPortal?: boolean;
}

export function EntitySelect({ label, value, onChange, createType, exclude = [], placeholder, testId, required, clearable = true, autoFocus, withinPortal = true }: EntitySelectProps) {
  const { data: entities = [] } = useEntities();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const typed = search.trim();
  const selectedName = entities.find((e) => e.id === value)?.name;
  const createTypes: readonly EntityType[] = createType === undefined ? [] : typeof createType === 'string' ? [createType] : createType;
  const offerCreate = createTypes.length > 0 && typed !== '' && typed !== selectedName
    && !entities.some((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === typed.toLowerCase()));
  const createKey = createTypes.join(',');
  const data = useMemo(() => [
    ...entityOptions(entities, exclude),
    ...(offerCreate ? createTypes.map((t) => ({ value: createValue(t), label: `+ New ${ENTITY_TYPE_STYLE[t].label.toLowerCase()} “${typed}”` })) : []),
    // createKey stands for createTypes, which callers may pass as a fresh array each render.
  ], [entities, exclude, offerCreate, createKey, typed]);

  const change = async (next: string | null) => {
    if (next === null || !isCreateValue(next)) return onChange(next);
    const type = next.slice(CREATE_PREFIX.length);
    if (!isEntityType(type) || !createTypes.includes(type)) return;
    setCreating(true);
    const created = await createEntity({ type, name: typed });
    setCreating(false);
    if (!created) return;
    if (created.existed) notifyInfo('Already known', `“${typed}” is the entity “${created.entity.name}”.`);
    onChange(created.entity.id);
  };

  return (
    <Select
      label={label} placeholder={placeholder ?? 'Search by name or alias'} data={data} value={value}
      onChange={(v) => void change(v)} searchable searchValue={search} onSearchChange={setSearch}
      filter={aliasFilter(entities)} renderOption={renderEntityOption(entities)} limit={50}
      nothingFoundMessage="No entity by that name" clearable={clearable} required={required} disabled={creating}
      comboboxProps={{ withinPortal }} data-testid={testId} autoFocus={autoFocus}
    />
  );
}

export interface EntityMultiSelectProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  testId?: string;
  placeholder?: string;
}

export function EntityMultiSelect({ label, value, onChange, testId, placeholder }: EntityMultiSelectProps) {
  const { data: entities = [] } = useEntities();
  const data = useMemo(() => entityOptions(entities, []), [entities]);
  return (
    <MultiSelect
      label={label} placeholder={value.length === 0 ? (placeholder ?? 'Search by name or alias') : undefined} data={data} value={value}
      onChange={onChange} searchable filter={aliasFilter(entities)} renderOption={renderEntityOption(entities)} limit={50}
      nothingFoundMessage="No entity by that name" comboboxProps={{ withinPortal: true }} data-testid={testId} clearable
    />
  );
}
