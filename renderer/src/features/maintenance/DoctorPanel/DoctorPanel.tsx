/** The integrity check: run it, list what it found (and what repair would do), repair with one undoable step. */
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DoctorProblem, DoctorReport } from '../../../../../shared/contract/views-maintenance';
import { checkWorkspace, undoRepair } from '../../../api/maintenanceMutations';
import { describeRepair, formatWhen, plural, problemKindLabel } from '../maintenanceFormat';
import { IconStethoscope } from '../MaintenanceIcons/MaintenanceIcons';

function ProblemRow({ problem }: { problem: DoctorProblem }) {
  return (
    <Paper withBorder p="sm" data-testid="doctor-problem" data-kind={problem.kind}>
      <Group gap="xs" mb={4}>
        <Badge size="sm" variant="light" color={problem.repairable ? 'yellow' : 'red'}>{problemKindLabel(problem.kind)}</Badge>
        {problem.file && <Text size="xs" c="dimmed" ff="monospace">{problem.file}</Text>}
      </Group>
      <Text size="sm">{problem.message}</Text>
      <Text size="sm" c="dimmed" mt={2}>
        {problem.repairable ? `Repair: ${problem.fix}` : `Not repaired automatically. ${problem.fix}`}
      </Text>
    </Paper>
  );
}

const REPAIR_NOTIFICATION = 'doctor-repaired';

/** The undo offer after a repair, in a notification as well as on the screen (the notification goes away). */
function notifyRepaired(summary: string, historyLabel: string | null, onUndo: (label: string) => void) {
  notifications.hide(REPAIR_NOTIFICATION);
  notifications.show({
    id: REPAIR_NOTIFICATION, title: 'Workspace repaired', color: 'teal', autoClose: 12_000,
    message: (
      <Stack gap={6}>
        <Text size="sm">{summary}</Text>
        {historyLabel && (
          <Button size="compact-xs" variant="light" w="fit-content" data-testid="doctor-undo-notification"
            onClick={() => onUndo(historyLabel)}>
            Undo “{historyLabel}”
          </Button>
        )}
      </Stack>
    ),
  });
}

/** What the screen says after a repair (with its undo) or after undoing it. */
interface RepairNote {
  color: 'teal' | 'blue';
  title: string;
  summary: string;
  historyLabel: string | null;
}

export function DoctorPanel() {
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [repairNote, setRepairNote] = useState<RepairNote | null>(null);
  const [busy, setBusy] = useState<'check' | 'repair' | 'undo' | null>(null);

  const check = async () => {
    setBusy('check');
    const next = await checkWorkspace(false);
    setBusy(null);
    if (next) setReport(next);
  };
  const repair = async () => {
    setBusy('repair');
    const done = await checkWorkspace(true);
    // Show what is left after the repair, not what was found before it.
    const after = done ? await checkWorkspace(false) : null;
    setBusy(null);
    if (!done) return;
    if (!done.repaired) {
      // Repair found nothing to do: say so rather than leaving the screen unchanged.
      setRepairNote(null);
      setReport(done);
      return;
    }
    const note: RepairNote = { color: 'teal', title: 'Repaired', summary: describeRepair(done.repaired), historyLabel: done.repaired.historyLabel };
    setRepairNote(note);
    if (after) setReport(after);
    notifyRepaired(note.summary, note.historyLabel, (label) => void undoIt(label));
  };
  async function undoIt(label: string) {
    setBusy('undo');
    const undone = await undoRepair(label);
    setBusy(null);
    if (!undone) return;
    notifications.hide(REPAIR_NOTIFICATION);
    setReport(null);
    setRepairNote({
      color: 'blue',
      title: 'Repair undone',
      summary: 'The record fixes were taken back. Files moved to quarantine/ stay there; check again to see what is left.',
      historyLabel: null,
    });
  }

  const repairable = report?.problems.filter((p) => p.repairable).length ?? 0;
  return (
    <Stack gap="sm" data-testid="doctor-panel">
      <Group gap="xs">
        <Button leftSection={<IconStethoscope size={16} />} onClick={check} loading={busy === 'check'} disabled={busy !== null && busy !== 'check'} data-testid="doctor-run">
          Check workspace
        </Button>
        <Button variant="default" onClick={repair} loading={busy === 'repair'} disabled={busy !== null && busy !== 'repair'} data-testid="doctor-repair">
          Repair
        </Button>
      </Group>
      {repairNote && (
        <Alert color={repairNote.color} title={repairNote.title} data-testid="doctor-repaired">
          <Group justify="space-between" align="center" gap="sm">
            <Text size="sm">{repairNote.summary}</Text>
            {repairNote.historyLabel && (
              <Button size="xs" variant="default" loading={busy === 'undo'} onClick={() => void undoIt(repairNote.historyLabel!)} data-testid="doctor-undo">
                Undo “{repairNote.historyLabel}”
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {report && report.problems.length === 0 && (
        <Alert color="teal" title="No problems found" data-testid="doctor-ok">
          Every reference, id and text file checked out ({formatWhen(report.checkedAt)}).
        </Alert>
      )}
      {report && report.problems.length > 0 && (
        <Stack gap="xs" data-testid="doctor-problems">
          <Text size="sm" fw={500}>
            {plural(report.problems.length, 'problem')} found ({formatWhen(report.checkedAt)});{' '}
            {repairable === report.problems.length ? 'Repair fixes all of them.' : `Repair fixes ${repairable}.`}
          </Text>
          {report.problems.map((p, i) => <ProblemRow key={`${p.kind}:${p.recordId ?? p.file ?? ''}:${i}`} problem={p} />)}
        </Stack>
      )}
    </Stack>
  );
}
