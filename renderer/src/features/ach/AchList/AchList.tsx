/** The ACH matrices of the workspace, newest change first, with a form to start one. */
import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AchMatrixSummary } from '../../../../../shared/contract/views-ach';
import { useAchMatrices } from '../../../api/achHooks';
import { createMatrix, deleteMatrix } from '../../../api/achMutations';
import { notifySuccess } from '../../../api/notify';
import { navigate } from '../../../routes/useRoute';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { IconPlus } from '../../common/Icons/Icons';
import { dateTime, plural } from '../../common/lib/format';
import { EmptyRecords, RecordScreen, RecordTable, type RecordColumn } from '../../common/RecordTable/RecordTable';

const open = (id: string) => navigate({ name: 'ach', matrixId: id });

const COLUMNS: RecordColumn<AchMatrixSummary>[] = [
  { header: 'Title', strong: true, cell: (m) => m.title },
  { header: 'Question', cell: (m) => <Text size="sm" c={m.question ? undefined : 'dimmed'} lineClamp={2}>{m.question || '—'}</Text> },
  { header: 'Contents', cell: (m) => <Text size="sm">{plural(m.hypotheses, 'hypothesis', 'hypotheses')} · {plural(m.evidence, 'item')}</Text> },
  { header: 'Updated', cell: (m) => <Text size="sm" c="dimmed">{dateTime(m.updatedAt)}</Text> },
];

export function AchList() {
  const { data: matrices, error, loading } = useAchMatrices();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [toDelete, setToDelete] = useState<AchMatrixSummary | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    const made = await createMatrix({ title: title.trim(), question: question.trim() });
    setBusy(false);
    if (made) open(made.matrix.id);
  };

  return (
    <RecordScreen testId="ach-list">
      <Stack gap="md">
        <div>
          <Title order={2}>Competing hypotheses</Title>
          <Text size="sm" c="dimmed">
            Weigh claims and passages against every hypothesis at once (Heuer’s ACH): the least inconsistent hypothesis leads.
          </Text>
        </div>
        <form onSubmit={create}>
          <Group align="flex-end" gap="xs">
            <TextInput label="New matrix" placeholder="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="ach-new-title" w={260} />
            <TextInput label="Question" placeholder="What are we trying to explain?" value={question} onChange={(e) => setQuestion(e.currentTarget.value)} data-testid="ach-new-question" style={{ flex: 1 }} />
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={busy} disabled={!title.trim()} data-testid="ach-create">Create</Button>
          </Group>
        </form>
        {error && !matrices && <Alert color="red" title="The matrices could not be loaded">{error.message}</Alert>}
        {loading && !matrices && <Loader size="sm" />}
        {matrices && matrices.length === 0 && (
          <EmptyRecords title="No matrices yet">Give the question a title above, then add hypotheses and the evidence to weigh.</EmptyRecords>
        )}
        {matrices && matrices.length > 0 && (
          <RecordTable
            items={matrices} columns={COLUMNS} noun="matrix" onOpen={(m) => open(m.id)} onDelete={setToDelete}
            testIds={{ table: 'ach-matrices', row: 'ach-row', delete: 'ach-delete' }} rowData={(m) => ({ 'data-matrix-id': m.id })}
          />
        )}
      </Stack>
      <ConfirmDialog
        opened={toDelete !== null} title="Delete matrix?" confirmLabel="Delete matrix" onCancel={() => setToDelete(null)}
        onConfirm={async () => {
          if (toDelete && (await deleteMatrix(toDelete.id))) {
            notifySuccess('Matrix deleted', `“${toDelete.title}” was deleted (Undo brings it back).`);
            setToDelete(null);
          }
        }}
      >
        “{toDelete?.title}” and its ratings will be deleted. The claims and passages it weighs stay.
      </ConfirmDialog>
    </RecordScreen>
  );
}
