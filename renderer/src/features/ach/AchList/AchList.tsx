/** The ACH matrices of the workspace, newest change first, with a form to start one. */
import { ActionIcon, Alert, Button, Group, Loader, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AchMatrixSummary } from '../../../../../shared/contract/views-ach';
import { useAchMatrices } from '../../../api/achHooks';
import { createMatrix, deleteMatrix } from '../../../api/achMutations';
import { notifySuccess } from '../../../api/notify';
import { navigate } from '../../../routes/useRoute';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { IconPlus, IconTrash } from '../../common/Icons/Icons';
import classes from './AchList.module.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const open = (id: string) => navigate({ name: 'ach', matrixId: id });

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
    <div className={classes.root} data-testid="ach-list">
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
          <div className={classes.empty}>
            <Text fw={500}>No matrices yet</Text>
            <Text size="sm" c="dimmed">Give the question a title above, then add hypotheses and the evidence to weigh.</Text>
          </div>
        )}
        {matrices && matrices.length > 0 && (
          <Table highlightOnHover verticalSpacing="sm" data-testid="ach-matrices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Question</Table.Th>
                <Table.Th>Contents</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th w={48} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrices.map((m) => (
                <Table.Tr
                  key={m.id} className={classes.row} tabIndex={0} data-testid="ach-row" data-matrix-id={m.id}
                  onClick={() => open(m.id)}
                  onKeyDown={(e) => { if (e.key === 'Enter' && e.target === e.currentTarget) open(m.id); }}
                >
                  <Table.Td fw={500}>{m.title}</Table.Td>
                  <Table.Td><Text size="sm" c={m.question ? undefined : 'dimmed'} lineClamp={2}>{m.question || '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{m.hypotheses} {m.hypotheses === 1 ? 'hypothesis' : 'hypotheses'} · {plural(m.evidence, 'item')}</Text></Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{when(m.updatedAt)}</Text></Table.Td>
                  <Table.Td>
                    <Tooltip label="Delete matrix">
                      <ActionIcon
                        variant="subtle" color="red" aria-label={`Delete matrix ${m.title}`} data-testid="ach-delete"
                        onClick={(e) => { e.stopPropagation(); setToDelete(m); }}
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
    </div>
  );
}
