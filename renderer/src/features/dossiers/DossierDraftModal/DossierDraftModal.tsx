/** "Auto-draft…": one to twenty subject entities (and an optional title) -> dossiers.draft, then the draft opens in the builder. */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { draftDossier } from '../../../api/dossierMutations';
import { navigate } from '../../../routes/useRoute';
import { EntityMultiSelect } from '../../entities/EntitySelect/EntitySelect';

/** The backend's limit (dossiers.draft accepts up to 20 subjects). */
const MAX_SUBJECTS = 20;

export function DossierDraftModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [subjectIds, setSubjectIds] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const tooMany = subjectIds.length > MAX_SUBJECTS;

  const close = () => {
    setSubjectIds([]);
    setTitle('');
    onClose();
  };

  const submit = async () => {
    if (subjectIds.length === 0 || tooMany) return;
    setBusy(true);
    const drafted = await draftDossier({ subjectIds, ...(title.trim() ? { title: title.trim() } : {}) });
    setBusy(false);
    if (!drafted) return;
    close();
    navigate({ name: 'dossier', dossierId: drafted.id });
  };

  return (
    <Modal opened={opened} onClose={close} title="Auto-draft a dossier" centered data-testid="draft-modal">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            A first draft gathers every claim, relationship and quoted passage about the subjects into sections you can then edit.
          </Text>
          {/* Title first: the open subjects list drops down over what follows, which must not be a field still to fill. */}
          <TextInput
            label="Title" placeholder="Optional — named after the subjects when empty"
            value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="draft-title"
          />
          <EntityMultiSelect label={`Subjects (up to ${MAX_SUBJECTS})`} value={subjectIds} onChange={setSubjectIds} testId="draft-subjects" />
          {tooMany && <Text size="xs" c="red">Pick at most {MAX_SUBJECTS} subjects.</Text>}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={subjectIds.length === 0 || tooMany} data-testid="draft-submit">Draft dossier</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
