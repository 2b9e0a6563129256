/** The dossier list: title, subjects, author, contents and last change; new dossier and auto-draft. */
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
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
import { IconPlus } from '../../common/Icons/Icons';
import { dateTime, plural } from '../../common/lib/format';
import { EmptyRecords, RecordScreen, RecordTable, type RecordColumn } from '../../common/RecordTable/RecordTable';

const COLUMNS: RecordColumn<DossierSummary>[] = [
  { header: 'Title', strong: true, cell: (d) => d.title },
  { header: 'Subjects', cell: (d) => <Text size="sm" c={d.subjectNames.length ? undefined : 'dimmed'}>{d.subjectNames.join(', ') || '—'}</Text> },
  { header: 'Author', cell: (d) => <Text size="sm" c={d.author ? undefined : 'dimmed'}>{d.author || '—'}</Text> },
  { header: 'Contents', cell: (d) => <Text size="sm">{plural(d.sectionCount, 'section')} · {plural(d.blockCount, 'block')}</Text> },
  { header: 'Updated', cell: (d) => <Text size="sm" c="dimmed">{dateTime(d.updatedAt)}</Text> },
];

export function DossiersScreen() {
  const { data: dossiers, error, loading } = useDossiers();
  const [creating, setCreating] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const [toDelete, setToDelete] = useState<DossierSummary | null>(null);

  return (
    <RecordScreen testId="dossiers">
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
          <EmptyRecords title="No dossiers yet">Start an empty one, or let “Auto-draft…” gather what the workspace holds on one or two entities.</EmptyRecords>
        )}
        {dossiers && dossiers.length > 0 && (
          <RecordTable
            items={dossiers} columns={COLUMNS} noun="dossier" onOpen={(d) => navigate({ name: 'dossier', dossierId: d.id })} onDelete={setToDelete}
            testIds={{ table: 'dossiers-list', row: 'dossier-row', delete: 'dossier-delete' }} rowData={(d) => ({ 'data-dossier-id': d.id })}
          />
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
    </RecordScreen>
  );
}
