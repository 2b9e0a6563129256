/** The confirm step before a restore: which backup, what it holds, and that the current files are kept in quarantine/. */
import { List, Stack, Text } from '@mantine/core';
import type { BackupInfo } from '../../../../../shared/contract/views-maintenance';
import { backupKindLabel, describeBackupCounts, formatWhen, inWorkspace } from '../maintenanceFormat';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';

export interface RestoreBackupDialogProps {
  /** The backup to restore; null closes the dialog. */
  backup: BackupInfo | null;
  workspacePath: string;
  onCancel: () => void;
  onConfirm: (backup: BackupInfo) => Promise<unknown>;
}

export function RestoreBackupDialog({ backup, workspacePath, onCancel, onConfirm }: RestoreBackupDialogProps) {
  return (
    <ConfirmDialog
      opened={backup !== null} title="Restore this backup?" confirmLabel="Restore backup"
      onCancel={onCancel} onConfirm={() => (backup ? onConfirm(backup) : undefined)}
    >
      {backup && (
        <Stack gap="xs" data-testid="restore-dialog">
          <Text size="sm">
            The workspace will be replaced by the <strong>{backupKindLabel(backup.kind).toLowerCase()}</strong> backup
            from <strong>{formatWhen(backup.createdAt)}</strong> ({describeBackupCounts(backup.counts)}).
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>Nothing is deleted: the current files are moved to <Text span ff="monospace" size="sm">quarantine/</Text> first.</List.Item>
            <List.Item>Changes made after this backup are no longer shown; they stay in those quarantined files.</List.Item>
            <List.Item>Every hash of the backup is checked again before anything is replaced.</List.Item>
          </List>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            Quarantine folder: {inWorkspace(workspacePath, 'quarantine')}
          </Text>
        </Stack>
      )}
    </ConfirmDialog>
  );
}
