/** Workspace upkeep: where the workspace is and what it holds, the integrity check, backups (take, restore), browser extension pairing. */
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupInfo } from '../../../../../shared/contract/views-maintenance';
import { useWorkspaceInfo } from '../../../api/hooks';
import { useBackups } from '../../../api/maintenanceHooks';
import { createBackup, restoreBackup } from '../../../api/maintenanceMutations';
import { notifySuccess } from '../../../api/notify';
import { formatBytes, formatWhen, inWorkspace, plural } from '../maintenanceFormat';
import { BackupsTable } from '../BackupsTable/BackupsTable';
import { DoctorPanel } from '../DoctorPanel/DoctorPanel';
import { ExtensionPanel } from '../../capture/ExtensionPanel/ExtensionPanel';
import { IconArchive, IconFolder } from '../MaintenanceIcons/MaintenanceIcons';
import { RestoreBackupDialog } from '../RestoreBackupDialog/RestoreBackupDialog';
import classes from './MaintenanceScreen.module.css';

function WorkspaceSummary() {
  const { data: workspace } = useWorkspaceInfo();
  if (!workspace) return null;
  const { counts } = workspace;
  return (
    <Paper withBorder p="md" data-testid="maintenance-workspace">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconFolder size={18} className={classes.dimIcon} />
        <div className={classes.grow}>
          <Text size="sm" fw={500} className={classes.path} data-testid="maintenance-path">{workspace.path}</Text>
          <Text size="sm" c="dimmed" data-testid="maintenance-counts">
            {plural(counts.sources, 'source')} · {plural(counts.highlights, 'highlight')} · {plural(counts.tags, 'tag')} · schema {workspace.schemaVersion}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

function BackupsSection({ workspacePath }: { workspacePath: string }) {
  const { data: backups, error, loading } = useBackups();
  const [creating, setCreating] = useState(false);
  const [toRestore, setToRestore] = useState<BackupInfo | null>(null);

  const backUpNow = async () => {
    setCreating(true);
    const made = await createBackup();
    setCreating(false);
    if (made) notifySuccess('Backup taken', `Verified backup of ${formatBytes(made.bytes)} taken ${formatWhen(made.createdAt)}.`);
  };
  const restore = async (backup: BackupInfo) => {
    const outcome = await restoreBackup(backup.id);
    setToRestore(null);
    if (outcome) {
      notifySuccess('Backup restored',
        `The workspace is back as of ${formatWhen(outcome.restored.createdAt)}; ${plural(outcome.quarantined.length, 'replaced file')} kept in quarantine/.`);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>Backups</Title>
          <Text size="sm" c="dimmed">
            Taken once a day (on opening, and checked every hour while open), before every upgrade, and on request; each is read back and verified. Kept: 7 daily, 3 before
            upgrade, 5 manual, in <Text span ff="monospace" size="sm">{inWorkspace(workspacePath, 'backups')}</Text>.
          </Text>
        </div>
        <Button leftSection={<IconArchive size={16} />} onClick={backUpNow} loading={creating} data-testid="backup-create">
          Back up now
        </Button>
      </Group>
      {error && !backups && <Alert color="red" title="The backups could not be listed">{error.message}</Alert>}
      {loading && !backups && <Loader size="sm" />}
      {backups && backups.length === 0 && (
        <Text size="sm" c="dimmed" className={classes.empty} data-testid="backups-empty">
          No backups yet. The first daily backup is taken within the hour once the workspace has something in it, or take one now.
        </Text>
      )}
      {backups && backups.length > 0 && <BackupsTable backups={backups} onRestore={setToRestore} disabled={creating} />}
      <RestoreBackupDialog backup={toRestore} workspacePath={workspacePath} onCancel={() => setToRestore(null)} onConfirm={restore} />
    </Stack>
  );
}

export function MaintenanceScreen() {
  const { data: workspace } = useWorkspaceInfo();
  return (
    <div className={classes.root} data-testid="maintenance-screen">
      <Stack gap="xl">
        <div>
          <Title order={2}>Maintenance</Title>
          <Text size="sm" c="dimmed">Check the workspace for damage, and keep or restore backups. Nothing here deletes your files.</Text>
        </div>
        <WorkspaceSummary />
        <Stack gap="sm">
          <div>
            <Title order={3}>Workspace check</Title>
            <Text size="sm" c="dimmed">
              Looks for broken references, duplicate ids, tag cycles and missing or damaged text files. Repair fixes records in one
              step you can undo and moves bad files to quarantine/.
            </Text>
          </div>
          <DoctorPanel />
        </Stack>
        {workspace && <BackupsSection workspacePath={workspace.path} />}
        <ExtensionPanel />
      </Stack>
    </div>
  );
}
