/** The entity page header: type, name (renamable), aliases and description (saved as they are edited), and actions. */
import { ActionIcon, Anchor, Button, Group, Select, Stack, TagsInput, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Entity } from '../../../../../shared/domain/types';
import { updateEntity } from '../../../api/analysisMutations';
import { ENTITY_TYPE_OPTIONS, isEntityType } from '../../common/lib/entityTypes';
import { hrefFor } from '../../../routes/useRoute';
import { IconGraph, IconLink } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { EntityTypeMark } from '../EntityBadge/EntityBadge';
import { IconBack, IconMerge, IconPencil, IconTrash } from '../../common/Icons/Icons';
import classes from './EntityHeader.module.css';
import { AddToDossierButton } from '../../dossiers/AddToDossier/AddToDossierButton';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

export interface EntityHeaderProps {
  entity: Entity;
  onMerge: () => void;
  onDelete: () => void;
  onRelate: () => void;
}

function NameEditor({ entity, onDone }: { entity: Entity; onDone: () => void }) {
  const [value, setValue] = useState(entity.name);
  const save = async () => {
    const name = value.trim();
    if (name && name !== entity.name) await updateEntity({ id: entity.id, name });
    onDone();
  };
  return (
    <TextInput
      value={value} autoFocus size="md" aria-label="Name" w={420} onChange={(e) => setValue(e.currentTarget.value)} onBlur={() => void save()}
      onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); if (e.key === 'Escape') onDone(); }} data-testid="entity-name-input"
    />
  );
}

export function EntityHeader({ entity, onMerge, onDelete, onRelate }: EntityHeaderProps) {
  const [renaming, setRenaming] = useState(false);
  const [description, setDescription] = useState(entity.description);
  /** What the analyst just set, shown until the saved entity comes back (no flicker). */
  const [pendingAliases, setPendingAliases] = useState<string[] | null>(null);
  useEffect(() => setDescription(entity.description), [entity.description]);

  const saveAliases = async (aliases: string[]) => {
    setPendingAliases(aliases);
    try {
      await updateEntity({ id: entity.id, aliases });
    } finally {
      setPendingAliases(null);
    }
  };

  const saveDescription = () => {
    if (description.trim() !== entity.description) void updateEntity({ id: entity.id, description });
  };

  return (
    <header className={classes.header}>
      <Anchor href={hrefFor({ name: 'entities' })} size="xs" c="dimmed" data-testid="entity-back">
        <Group gap={2} component="span"><IconBack size={12} /> Entities</Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mt={4}>
        <Group gap="sm" wrap="nowrap" align="center">
          <EntityTypeMark type={entity.type} size={34} />
          {renaming ? <NameEditor entity={entity} onDone={() => setRenaming(false)} /> : (
            <>
              <Title order={2} className={classes.name} data-testid="entity-name">{entity.name}</Title>
              <Tooltip label="Rename">
                <ActionIcon variant="subtle" color="gray" aria-label="Rename" onClick={() => setRenaming(true)}><IconPencil size={16} /></ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" component="a" href={hrefFor({ name: 'graph' })} leftSection={<IconGraph size={14} />}>Graph</Button>
          <Button size="xs" variant="default" leftSection={<IconLink size={14} />} onClick={onRelate} data-testid="entity-relate">Relate…</Button>
          <Button size="xs" variant="default" leftSection={<IconMerge size={14} />} onClick={onMerge} data-testid="entity-merge">Merge into…</Button>
          <AddToDossierButton kind="entity" refId={entity.id} />
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onDelete} data-testid="entity-delete">Delete</Button>
        </Group>
      </Group>
      <TeamAuthorLine collection="entities" id={entity.id} />
      <Stack gap="sm" mt="md" maw={720}>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Select
            label="Type" data={ENTITY_TYPE_OPTIONS} value={entity.type} allowDeselect={false} w={170}
            onChange={(v) => isEntityType(v) && v !== entity.type && void updateEntity({ id: entity.id, type: v })}
            comboboxProps={{ withinPortal: true }} data-testid="entity-type-select"
          />
          <TagsInput
            label="Aliases" placeholder="Add another name, Enter to save" value={pendingAliases ?? entity.aliases} style={{ flex: 1 }}
            onChange={(aliases) => void saveAliases(aliases)} splitChars={[',', ';']} clearable
            data-testid="entity-aliases"
          />
        </Group>
        <Textarea
          label="Description" placeholder="Who or what this is, for the reader of a dossier" autosize minRows={2} maxRows={10}
          value={description} onChange={(e) => setDescription(e.currentTarget.value)} onBlur={saveDescription} data-testid="entity-description"
        />
      </Stack>
    </header>
  );
}
