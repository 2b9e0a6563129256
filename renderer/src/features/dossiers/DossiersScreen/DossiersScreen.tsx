/** The dossier list: title, subjects, author, contents and last change; new dossier and auto-draft. */
import { ActionIcon, Alert, Button, Group, Loader, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { DossierSummary } from '../../../../../shared/contract/views-dossiers';
import { useDossiers } from '../../../api/dossierHooks';
import { deleteDossier } from '../../../api/dossierMutations';
import { notifySuccess } from '../../../api/notify';
import { navigate } from '../../../routes/useRoute';
import { IconSparkles } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { DossierCreateModal } from '../DossierCreateModal/DossierCreateModal';
import { DossierDraftModal } from '../DossierDraftModal/DossierDraftModal';
import { IconPlus, IconTrash } from '../../common/Icons/Icons';
import classes from './DossiersScreen.module.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function DossiersScreen() {
  const { data: dossiers, error, loading } = useDossiers();
  const [creating, setCreating] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [toDelete, setToDelete] = useState<DossierSummary | null>(null);

  return (
    <div className={classes.root} data-testid="dossiers">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>Dossiers</Title>
            <Text size="sm" c="dimmed">Printable reports built from claims, relationships and quoted passages, every one cited.</Text>
          </div>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconSparkles size={16} />} onClick={() => setDrafting(true)} data-testid="dossier-draft-open">
              Auto-draft…
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="dossier-new">New dossier</Button>
          </Group>
        </Group>
        {error && !dossiers && <Alert color="red" title="The dossiers could not be loaded">{error.message}</Alert>}
        {loading && !dossiers && <Loader size="sm" />}
        {dossiers && dossiers.length === 0 && (
          <div className={classes.empty}>
            <Text fw={500}>No dossiers yet</Text>
            <Text size="sm" c="dimmed">Start an empty one, or let “Auto-draft…” gather what the workspace holds on one or two entities.</Text>
          </div>
        )}
        {dossiers && dossiers.length > 0 && (
          <Table highlightOnHover verticalSpacing="sm" data-testid="dossiers-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Subjects</Table.Th>
                <Table.Th>Author</Table.Th>
                <Table.Th>Contents</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dossiers.map((d) => (
                <Table.Tr
                  key={d.id} className={classes.row} tabIndex={0} data-testid="dossier-row" data-dossier-id={d.id}
                  onClick={() => navigate({ name: 'dossier', dossierId: d.id })}
                  onKeyDown={(e) => { if (e.key === 'Enter' && e.target === e.currentTarget) navigate({ name: 'dossier', dossierId: d.id }); }}
                >
                  <Table.Td fw={500}>{d.title}</Table.Td>
                  <Table.Td><Text size="sm" c={d.subjectNames.length ? undefined : 'dimmed'}>{d.subjectNames.join(', ') || '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm" c={d.author ? undefined : 'dimmed'}>{d.author || '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{plural(d.sectionCount, 'section')} · {plural(d.blockCount, 'block')}</Text></Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{when(d.updatedAt)}</Text></Table.Td>
                  <Table.Td>
                    <Tooltip label="Delete dossier">
                      <ActionIcon
                        variant="subtle" color="red" aria-label={`Delete dossier ${d.title}`}
                        onClick={(e) => { e.stopPropagation(); setToDelete(d); }} data-testid="dossier-delete"
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <DossierCreateModal opened={creating} onClose={() => setCreating(false)} />
      <DossierDraftModal opened={drafting} onClose={() => setDrafting(false)} />
      <ConfirmDialog
        opened={toDelete !== null} title="Delete dossier?" confirmLabel="Delete dossier" onCancel={() => setToDelete(null)}
        onConfirm={async () => {
          if (!toDelete) return;
          if (await deleteDossier(toDelete.id)) {
            notifySuccess('Dossier deleted', `“${toDelete.title}” was deleted (Undo brings it back).`);
            setToDelete(null);
          }
        }}
      >
        “{toDelete?.title}” will be deleted. The claims, passages and relationships it cites stay.
      </ConfirmDialog>
    </div>
  );
}
