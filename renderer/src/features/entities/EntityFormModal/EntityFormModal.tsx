/** Creating an entity: name, type, aliases and description (entities.create; a known name opens that entity instead). */
import { Button, Group, Modal, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EntityType } from '../../../../../shared/domain/types';
import { createEntity } from '../../../api/analysisMutations';
import { notifyInfo, notifySuccess } from '../../../api/notify';
import { ENTITY_TYPE_OPTIONS, isEntityType } from '../../common/lib/entityTypes';

export interface EntityFormModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  initialType?: EntityType;
}

export function EntityFormModal({ opened, onClose, onCreated, initialType = 'person' }: EntityFormModalProps) {
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>(initialType);
  const [aliases, setAliases] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setType(initialType);
    setAliases([]);
    setDescription('');
  }, [opened, initialType]);

  const submit = async () => {
    if (!name.trim()) return;
    setBusy(true);
    const created = await createEntity({ name, type, aliases, description });
    setBusy(false);
    if (!created) return;
    if (created.existed) notifyInfo('Already known', `“${name.trim()}” is the entity “${created.entity.name}”: opening it.`);
    else notifySuccess('Entity added', created.entity.name);
    onCreated(created.entity.id);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New entity" centered>
      <form data-testid="entity-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="entity-form-name" />
          <Select
            label="Type" data={ENTITY_TYPE_OPTIONS} value={type} allowDeselect={false}
            onChange={(v) => isEntityType(v) && setType(v)} comboboxProps={{ withinPortal: true }} data-testid="entity-form-type"
          />
          <TagsInput
            label="Aliases" description="Other names and spellings; press Enter after each" value={aliases} onChange={setAliases}
            splitChars={[',', ';']} data-testid="entity-form-aliases"
          />
          <Textarea label="Description" autosize minRows={2} maxRows={8} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={!name.trim()} data-testid="entity-form-submit">Add entity</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
