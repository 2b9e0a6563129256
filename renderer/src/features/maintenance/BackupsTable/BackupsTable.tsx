/** Backups, newest first: when, kind, what they hold, size, whether they read back; one "Restore…" per row. */
import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import type { BackupInfo } from '../../../../../shared/contract/views-maintenance';
import { backupKindLabel, describeBackupCounts, formatBytes, formatWhen } from '../maintenanceFormat';

export interface BackupsTableProps {
  backups: BackupInfo[];
  onRestore: (backup: BackupInfo) => void;
  /** Marked "Recommended" (recovery mode). */
  recommendedId?: string | null;
  /** Restore buttons are disabled while another upkeep action runs. */
  disabled?: boolean;
}

function VerifiedBadge({ backup }: { backup: BackupInfo }) {
  if (backup.verified) return <Badge size="sm" variant="light" color="teal">Verified</Badge>;
  return (
    <Tooltip label={backup.problem ?? 'This backup did not read back completely.'} multiline maw={320}>
      <Badge size="sm" variant="light" color="red">Problem</Badge>
    </Tooltip>
  );
}

export function BackupsTable({ backups, onRestore, recommendedId = null, disabled = false }: BackupsTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="backups-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Taken</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Contents</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th>Check</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.id} data-testid="backup-row" data-backup-id={backup.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" title={backup.id}>{formatWhen(backup.createdAt)}</Text>
                  {backup.id === recommendedId && <Badge size="xs" variant="filled">Recommended</Badge>}
                </Group>
              </Table.Td>
              <Table.Td><Text size="sm">{backupKindLabel(backup.kind)}</Text></Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{describeBackupCounts(backup.counts)}</Text></Table.Td>
              <Table.Td ta="right"><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatBytes(backup.bytes)}</Text></Table.Td>
              <Table.Td><VerifiedBadge backup={backup} /></Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs" variant="default" disabled={disabled}
                  onClick={() => onRestore(backup)} data-testid="backup-restore"
                >
                  Restore…
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
