/** Renaming a tag (tags.update with a new name). */
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TagSummary } from '../../../../../shared/contract/views';
import { updateTag } from '../../../api/mutations';

export function TagRenameModal({ tag, opened, onClose }: { tag: TagSummary; opened: boolean; onClose: () => void }) {
  const [name, setName] = useState(tag.name);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) setName(tag.name);
  }, [opened, tag.name]);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (trimmed === tag.name) return onClose();
    setBusy(true);
    const saved = await updateTag({ id: tag.id, name: trimmed });
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Rename “${tag.name}”`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="tag-rename-input" data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={!name.trim()} data-testid="tag-rename-submit">Rename</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
