/** "New tag": name, colour and an optional parent (tags.create). */
import { Button, ColorInput, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TagSummary } from '../../../../../shared/contract/views';
import { createTag } from '../../../api/mutations';
import { defaultTagColor, isHexColor, TAG_SWATCHES } from '../tagPalette';
import { tagLabel } from '../../common/lib/tagValues';

export const ROOT_PARENT = '__root__';

export interface TagFormModalProps {
  opened: boolean;
  tags: TagSummary[];
  /** Pre-selected parent (e.g. the tag currently open). */
  parentId: string | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}

export function TagFormModal({ opened, tags, parentId, onClose, onCreated }: TagFormModalProps) {
  const [name, setName] = useState('');
  const [color, setColor] = useState(defaultTagColor(tags.length));
  const [parent, setParent] = useState<string>(ROOT_PARENT);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setColor(defaultTagColor(tags.length));
    setParent(parentId ?? ROOT_PARENT);
    // Reset only when the dialog opens, not when the tag list refreshes behind it.
  }, [opened]);

  const parentOptions = [
    { value: ROOT_PARENT, label: 'None (top level)' },
    ...tags.map((t) => ({ value: t.id, label: tagLabel(t) })).sort((a, b) => a.label.localeCompare(b.label)),
  ];

  const submit = async () => {
    if (!name.trim()) return;
    setBusy(true);
    const created = await createTag({
      name: name.trim(),
      ...(isHexColor(color) ? { color } : {}),
      parentId: parent === ROOT_PARENT ? null : parent,
    });
    setBusy(false);
    if (created) {
      onCreated(created.id);
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New tag" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="tag-name-input" data-autofocus />
          <ColorInput label="Colour" format="hex" swatches={TAG_SWATCHES} value={color} onChange={setColor} data-testid="tag-color-input" />
          <Select
            label="Parent" data={parentOptions} value={parent} allowDeselect={false} searchable
            onChange={(v) => setParent(v ?? ROOT_PARENT)} data-testid="tag-parent-input"
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={!name.trim()} data-testid="tag-create-submit">Create tag</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
