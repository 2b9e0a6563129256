/** The entity list: type, name, aliases and how much of the workspace refers to each; filter by type and name; add. */
import { Alert, Button, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ENTITY_TYPES, type EntityType } from '../../../../../shared/domain/types';
import { useEntities } from '../../../api/analysisHooks';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';
import { matchesEntity } from '../../common/lib/suggestionAliases';
import { navigate } from '../../../routes/useRoute';
import { EntityTypeMark } from '../EntityBadge/EntityBadge';
import { EntityFormModal } from '../EntityFormModal/EntityFormModal';
import { IconPlus, IconSearch } from '../../common/Icons/Icons';
import classes from './EntitiesScreen.module.css';

type TypeFilter = EntityType | 'all';

export function EntitiesScreen() {
  const { data: entities, error, loading } = useEntities();
  const [typeFilter, setTypeFilter] = useState<TypeFilter>('all');
  const [query, setQuery] = useState('');
  const [createOpen, setCreateOpen] = useState(false);

  const shown = useMemo(
    () => (entities ?? []).filter((e) => (typeFilter === 'all' || e.type === typeFilter) && matchesEntity(e, query)),
    [entities, typeFilter, query],
  );
  const countOf = (t: EntityType) => (entities ?? []).filter((e) => e.type === t).length;
  const typeOptions = [
    { value: 'all', label: `All ${entities?.length ?? ''}`.trim() },
    ...ENTITY_TYPES.map((t) => ({ value: t, label: `${ENTITY_TYPE_STYLE[t].label} ${countOf(t)}` })),
  ];
  const open = (id: string) => navigate({ name: 'entity', entityId: id });

  return (
    <div className={classes.root} data-testid="entities-screen">
      <Group justify="space-between" mb="md">
        <Title order={2}>Entities</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreateOpen(true)} data-testid="entity-create">New entity</Button>
      </Group>
      <Group gap="sm" mb="md" wrap="wrap">
        <SegmentedControl
          size="xs" data={typeOptions} value={typeFilter} onChange={(v) => setTypeFilter(v as TypeFilter)}
          data-testid="entity-type-filter"
        />
        <TextInput
          placeholder="Filter by name or alias" leftSection={<IconSearch size={16} />} value={query}
          onChange={(e) => setQuery(e.currentTarget.value)} w={280} data-testid="entity-filter"
        />
      </Group>
      {error && !entities && <Alert color="red" title="The entities could not be loaded">{error.message}</Alert>}
      {loading && !entities && <Loader size="sm" />}
      {entities && entities.length === 0 && (
        <Text c="dimmed" size="sm">
          No entities yet. Add one here, or open a source and use <strong>Suggest entities</strong> to accept the people,
          places and organisations it names.
        </Text>
      )}
      {entities && entities.length > 0 && (
        <Table highlightOnHover verticalSpacing="xs" data-testid="entities-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44} />
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th className={classes.count}>Passages</Table.Th>
              <Table.Th className={classes.count}>Claims</Table.Th>
              <Table.Th className={classes.count}>Relationships</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr
                key={e.id} className={classes.row} onClick={() => open(e.id)} tabIndex={0}
                onKeyDown={(ev) => ev.key === 'Enter' && open(e.id)} data-testid="entity-row" data-name={e.name}
              >
                <Table.Td><EntityTypeMark type={e.type} /></Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>{e.name}</Text>
                    {e.aliases.length > 0 && <Text size="xs" c="dimmed" truncate className={classes.aliases}>{e.aliases.join(' · ')}</Text>}
                  </Stack>
                </Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{ENTITY_TYPE_STYLE[e.type].label}</Text></Table.Td>
                <Table.Td className={classes.count}>{e.linkedCount}</Table.Td>
                <Table.Td className={classes.count}>{e.claimCount}</Table.Td>
                <Table.Td className={classes.count}>{e.relationshipCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entities && entities.length > 0 && shown.length === 0 && <Text size="sm" c="dimmed" mt="sm">No entity matches this filter.</Text>}
      <EntityFormModal opened={createOpen} onClose={() => setCreateOpen(false)} onCreated={open} initialType={typeFilter === 'all' ? 'person' : typeFilter} />
    </div>
  );
}
