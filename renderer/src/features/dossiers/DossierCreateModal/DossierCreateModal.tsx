/** "New dossier": title, subject entities and author; opens the new dossier in the builder. */
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { createDossier } from '../../../api/dossierMutations';
import { navigate } from '../../../routes/useRoute';
import { EntityMultiSelect } from '../../entities/EntitySelect/EntitySelect';

export function DossierCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [subjectIds, setSubjectIds] = useState<string[]>([]);
  const [author, setAuthor] = useState('');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setTitle('');
    setSubjectIds([]);
    setAuthor('');
    onClose();
  };

  const submit = async () => {
    if (!title.trim()) return;
    setBusy(true);
    const created = await createDossier({ title: title.trim(), subjectIds, author: author.trim() });
    setBusy(false);
    if (!created) return;
    close();
    navigate({ name: 'dossier', dossierId: created.id });
  };

  return (
    <Modal opened={opened} onClose={close} title="New dossier" centered data-testid="dossier-new-modal">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="dossier-new-title" data-autofocus />
          <EntityMultiSelect label="Subjects" value={subjectIds} onChange={setSubjectIds} testId="dossier-new-subjects" placeholder="Who or what the dossier is about" />
          <TextInput label="Author" value={author} onChange={(e) => setAuthor(e.currentTarget.value)} data-testid="dossier-new-author" />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={!title.trim()} data-testid="dossier-new-submit">Create</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
