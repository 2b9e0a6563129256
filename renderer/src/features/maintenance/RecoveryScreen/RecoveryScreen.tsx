/** Shown instead of the whole app while the workspace cannot be opened: what is damaged, where it went, and the ways out. */
import { Alert, Badge, Button, Code, Container, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { WorkspaceInfo } from '../../../../../shared/contract/views';
import type { BackupInfo, RecoveryInfo } from '../../../../../shared/contract/views-maintenance';
import { continueRecovery, restoreBackup } from '../../../api/maintenanceMutations';
import { notifySuccess } from '../../../api/notify';
import {
  backupKindLabel, describeBackupCounts, formatBytes, formatWhen, inWorkspace, recommendedBackup,
} from '../maintenanceFormat';
import { BackupsTable } from '../BackupsTable/BackupsTable';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { IconAlert, IconRestore } from '../MaintenanceIcons/MaintenanceIcons';
import { RestoreBackupDialog } from '../RestoreBackupDialog/RestoreBackupDialog';
import classes from './RecoveryScreen.module.css';

const TITLES: Record<RecoveryInfo['kind'], string> = {
  damaged: 'The workspace could not be opened',
  restore_interrupted: 'A restore was interrupted',
  too_new: 'This workspace needs a newer version of the app',
};

function Quarantined({ recovery, path }: { recovery: RecoveryInfo; path: string }) {
  if (recovery.quarantined.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="recovery-quarantined">
      <Text fw={600} size="sm" mb={6}>Nothing was deleted. These files were set aside:</Text>
      <List size="sm" spacing={4}>
        {recovery.quarantined.map((q) => (
          <List.Item key={q.movedTo}>
            <Code>{q.file}</Code> moved to <Code className={classes.path}>{inWorkspace(path, q.movedTo)}</Code>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt={8}>
        The quarantine folder only grows; delete files from it by hand once you no longer need them.
      </Text>
    </Paper>
  );
}

function RecommendedBackup({ backup, onRestore }: { backup: BackupInfo; onRestore: () => void }) {
  return (
    <Paper withBorder p="md" className={classes.recommended} data-testid="recovery-recommended">
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <div>
          <Group gap="xs" mb={2}>
            <Text fw={600}>Latest good backup</Text>
            <Badge size="sm" variant="light" color="teal">Verified</Badge>
          </Group>
          <Text size="sm">{formatWhen(backup.createdAt)} · {backupKindLabel(backup.kind)} · {formatBytes(backup.bytes)}</Text>
          <Text size="sm" c="dimmed">{describeBackupCounts(backup.counts)}</Text>
        </div>
        <Button leftSection={<IconRestore size={16} />} onClick={onRestore} data-testid="recovery-restore" className={classes.action}>
          Restore this backup
        </Button>
      </Group>
    </Paper>
  );
}

export function RecoveryScreen({ info }: { info: WorkspaceInfo & { recovery: RecoveryInfo } }) {
  const { recovery } = info;
  const [toRestore, setToRestore] = useState<BackupInfo | null>(null);
  const [confirmContinue, setConfirmContinue] = useState(false);
  const recommended = recommendedBackup(recovery.backups, recovery.recommendedBackupId);
  const others = recovery.backups.filter((b) => b.id !== recommended?.id);
  const tooNew = recovery.kind === 'too_new';

  const restore = async (backup: BackupInfo) => {
    const outcome = await restoreBackup(backup.id);
    setToRestore(null);
    if (outcome) notifySuccess('Backup restored', `The workspace is back as of ${formatWhen(outcome.restored.createdAt)}. The files it replaced are in quarantine/.`);
  };
  const continueAnyway = async () => {
    const opened = await continueRecovery();
    setConfirmContinue(false);
    if (opened) notifySuccess('Workspace opened', 'Opened with what could be read; the damaged files stay in quarantine/.');
  };

  return (
    <Container size={820} py="xl" data-testid="recovery-screen" data-recovery-kind={recovery.kind}>
      <Stack gap="lg">
        <div>
          <Text size="sm" c="dimmed">Analyst Workbench · recovery</Text>
          <Title order={2}>{TITLES[recovery.kind]}</Title>
          <Text size="sm" c="dimmed" className={classes.path}>{info.path}</Text>
        </div>
        <Alert color={tooNew ? 'blue' : 'orange'} icon={<IconAlert size={20} />} data-testid="recovery-message">
          <Text size="sm">{recovery.message}</Text>
        </Alert>
        {tooNew ? (
          <Text data-testid="recovery-update">
            Update the app to open this workspace. Nothing here can change it, so it is safe to leave as it is until then.
          </Text>
        ) : (
          <>
            <Quarantined recovery={recovery} path={info.path} />
            {recommended && <RecommendedBackup backup={recommended} onRestore={() => setToRestore(recommended)} />}
            {recovery.canContinue && (
              <Paper withBorder p="md" data-testid="recovery-continue-card">
                <Group justify="space-between" align="center" wrap="nowrap" gap="md">
                  <div>
                    <Text fw={600}>Continue with what could be read</Text>
                    <Text size="sm" c="dimmed" data-testid="recovery-continue-effect">{recovery.continueEffect}</Text>
                  </div>
                  <Button variant="default" onClick={() => setConfirmContinue(true)} data-testid="recovery-continue" className={classes.action}>
                    Continue without a backup
                  </Button>
                </Group>
              </Paper>
            )}
            {recovery.backups.length === 0 && !recovery.canContinue && (
              <Text size="sm">
                There is no backup to restore and nothing could be read. The set-aside files are kept as they were; ask for help
                before deleting anything.
              </Text>
            )}
            {others.length > 0 && (
              <Stack gap={4}>
                <Text fw={600} size="sm">{recommended ? 'Other backups' : 'Backups'}</Text>
                <BackupsTable backups={others} onRestore={setToRestore} />
              </Stack>
            )}
          </>
        )}
      </Stack>
      <RestoreBackupDialog backup={toRestore} workspacePath={info.path} onCancel={() => setToRestore(null)} onConfirm={restore} />
      <ConfirmDialog
        opened={confirmContinue} title="Continue without a backup?" confirmLabel="Continue"
        onCancel={() => setConfirmContinue(false)} onConfirm={continueAnyway}
      >
        {recovery.continueEffect} The set-aside files stay in quarantine/, so a backup can still be restored later.
      </ConfirmDialog>
    </Container>
  );
}
