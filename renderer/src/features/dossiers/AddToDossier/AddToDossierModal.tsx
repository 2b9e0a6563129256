/** Picks a dossier (or names a new one) and a section, then appends the record as a block with dossiers.addBlock. */
import { Anchor, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useDossier, useDossiers } from '../../../api/dossierHooks';
import { addBlockToDossier, createDossier } from '../../../api/dossierMutations';
import { notifySuccess } from '../../../api/notify';
import { hrefFor } from '../../../routes/useRoute';
import type { CitableKind } from './AddToDossierButton';

const NEW_DOSSIER = '__new__';
/** No section chosen: the server appends to the last section (or makes a "Notes" section). */
const LAST_SECTION = '__last__';

const WHAT: Record<CitableKind, string> = { quote: 'passage', claim: 'claim', relationship: 'relationship', entity: 'entity profile', ach: 'ACH matrix' };

export function AddToDossierModal({ kind, refId, onClose }: { kind: CitableKind; refId: string; onClose: () => void }) {
  const { data: dossiers } = useDossiers();
  const [dossierId, setDossierId] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const [sectionId, setSectionId] = useState(LAST_SECTION);
  const [busy, setBusy] = useState(false);
  const existing = dossierId && dossierId !== NEW_DOSSIER ? dossierId : null;
  const { data: chosen } = useDossier(existing);

  // Start on the most recently changed dossier, or on "new" when there is none.
  useEffect(() => {
    if (dossierId === null && dossiers) setDossierId(dossiers[0]?.id ?? NEW_DOSSIER);
  }, [dossiers, dossierId]);
  useEffect(() => setSectionId(LAST_SECTION), [dossierId]);

  const sections = chosen && chosen.dossier.id === existing ? chosen.dossier.sections : [];
  const lastTitle = sections[sections.length - 1]?.title;
  const canSubmit = dossierId === NEW_DOSSIER ? newTitle.trim() !== '' : existing !== null;

  const submit = async () => {
    if (!canSubmit) return;
    setBusy(true);
    let target = existing;
    let title = dossiers?.find((d) => d.id === existing)?.title ?? '';
    if (dossierId === NEW_DOSSIER) {
      const created = await createDossier({ title: newTitle.trim(), subjectIds: [], author: '' });
      target = created?.id ?? null;
      title = created?.title ?? '';
    }
    const added = target
      ? await addBlockToDossier({ dossierId: target, kind, refId, ...(sectionId !== LAST_SECTION ? { sectionId } : {}) })
      : null;
    setBusy(false);
    if (!added) return;
    notifySuccess('Added to the dossier', `The ${WHAT[kind]} is now in “${title}”.`);
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title="Add to dossier" centered data-testid="add-to-dossier-modal">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Select
            label="Dossier" data={[...(dossiers ?? []).map((d) => ({ value: d.id, label: d.title })), { value: NEW_DOSSIER, label: '+ New dossier…' }]}
            value={dossierId} onChange={(v) => v && setDossierId(v)} allowDeselect={false} searchable
            comboboxProps={{ withinPortal: true }} data-testid="add-to-dossier-dossier"
          />
          {dossierId === NEW_DOSSIER ? (
            <TextInput label="New dossier title" required value={newTitle} onChange={(e) => setNewTitle(e.currentTarget.value)} data-testid="add-to-dossier-new-title" data-autofocus />
          ) : (
            <Select
              label="Section" allowDeselect={false} value={sectionId} onChange={(v) => v && setSectionId(v)}
              data={[
                { value: LAST_SECTION, label: lastTitle ? `At the end (${lastTitle})` : 'A new “Notes” section' },
                ...sections.map((s, i) => ({ value: s.id, label: `${i + 1} ${s.title}` })),
              ]}
              comboboxProps={{ withinPortal: true }} data-testid="add-to-dossier-section"
            />
          )}
          <Group justify="space-between" mt="xs">
            {existing ? <Anchor size="sm" href={hrefFor({ name: 'dossier', dossierId: existing })} onClick={onClose}>Open dossier</Anchor> : <Text />}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>Cancel</Button>
              <Button type="submit" loading={busy} disabled={!canSubmit} data-testid="add-to-dossier-submit">Add</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
