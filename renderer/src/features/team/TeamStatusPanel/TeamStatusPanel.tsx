/** Linked: where this workspace syncs, whether it is online, the last sync, queued edits, members; Sync now; the password when needed. */
import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { TeamStatusView } from '../../../../../shared/contract/views-team';
import { syncTeamNow, unlockTeam } from '../../../api/teamHooks';
import { formatWhen, plural } from '../teamFormat';
import { TeamMembers } from '../TeamMembers/TeamMembers';

type Linked = Extract<TeamStatusView, { linked: true }>;
const COLOR = { online: 'green', offline: 'gray', refused: 'red' } as const;

function Unlock() {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form onSubmit={async (e) => { e.preventDefault(); setBusy(true); await unlockTeam(password); setBusy(false); }}>
      <Group align="flex-end">
        <PasswordInput label="Team database password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="team-unlock-password" />
        <Button type="submit" loading={busy} data-testid="team-unlock">Connect</Button>
      </Group>
    </form>
  );
}

export function TeamStatusPanel({ status }: { status: Linked }) {
  const [syncing, setSyncing] = useState(false);
  const sync = async () => {
    setSyncing(true);
    await syncTeamNow();
    setSyncing(false);
  };
  return (
    <Paper withBorder p="md" data-testid="team-status">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Text fw={600}>{status.workspaceName}</Text>
              <Badge color={COLOR[status.connection]} variant="light" data-testid="team-connection">{status.connection}</Badge>
            </Group>
            <Text size="sm" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>{status.url}</Text>
            <Text size="sm" c="dimmed">Team workspace id <Text span ff="monospace" size="sm" data-testid="team-id-shown">{status.teamId}</Text></Text>
            <Text size="sm" data-testid="team-me">You are <b>{status.member}</b> ({status.role ?? 'role unknown'})</Text>
          </div>
          <Button onClick={sync} loading={syncing} disabled={status.needsPassword} data-testid="team-sync">Sync now</Button>
        </Group>
        <Text size="sm" data-testid="team-sync-facts">
          Last sync {formatWhen(status.lastSyncAt)} · {plural(status.pendingEdits, 'edit')} waiting to be sent · {plural(status.openConflicts, 'conflict')} to resolve
          {status.teamOpenConflicts != null && <span data-testid="team-wide-conflicts"> ({status.teamOpenConflicts} open team-wide)</span>}
        </Text>
        {status.reason && (
          <Alert color={status.connection === 'refused' ? 'red' : 'gray'} variant="light" data-testid="team-reason">{status.reason}</Alert>
        )}
        {status.needsPassword && <Unlock />}
        {status.secretStorage === 'memory' && (
          <Text size="xs" c="dimmed">The password is kept in memory for this session only: no OS keychain is in use (browser mode, or no keyring on this computer).</Text>
        )}
        {status.members && <TeamMembers members={status.members} me={status.member} owner={status.role === 'owner'} />}
      </Stack>
    </Paper>
  );
}
