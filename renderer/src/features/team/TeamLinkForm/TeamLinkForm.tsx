/** Not linked yet: share this workspace with a team database (become its owner) or join a team workspace into this one. */
import { Alert, Button, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SecretStorageKind } from '../../../../../shared/contract/views-team';
import { joinTeam, shareWorkspace } from '../../../api/teamHooks';
import { notifySuccess } from '../../../api/notify';

export function TeamLinkForm({ secretStorage }: { secretStorage: SecretStorageKind }) {
  const [mode, setMode] = useState<'share' | 'join'>('share');
  const [db, setDb] = useState('');
  const [password, setPassword] = useState('');
  const [extra, setExtra] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const done = mode === 'share'
      ? await shareWorkspace({ db: db.trim(), password, ...(extra.trim() ? { title: extra.trim() } : {}) })
      : await joinTeam({ db: db.trim(), password, teamId: extra.trim() });
    setBusy(false);
    if (done && done.status.linked) {
      notifySuccess(mode === 'share' ? 'Workspace shared' : 'Joined the team workspace',
        `Team workspace ${done.status.teamId}: ${done.pushed} edits sent, ${done.pulled} received.`);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="team-link-form">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SegmentedControl
            value={mode} onChange={(v) => setMode(v as 'share' | 'join')} data-testid="team-mode"
            data={[{ value: 'share', label: 'Share this workspace' }, { value: 'join', label: 'Join a team workspace' }]}
          />
          <Text size="sm" c="dimmed">
            {mode === 'share'
              ? 'Creates a team workspace on the database and sends everything in this workspace to it. You become its owner and can add members.'
              : 'Pulls a team workspace into this one, which must be empty (open a new workspace first). Its owner must have added your login.'}
          </Text>
          <TextInput
            label="Team database" placeholder="postgresql://LOGIN@HOST:5432/DATABASE" required value={db}
            onChange={(e) => setDb(e.currentTarget.value)} data-testid="team-db"
            description="TLS is required (add ?sslmode=require) unless the database is on this machine. Leave the password out of it."
          />
          <PasswordInput label="Password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="team-password" />
          {mode === 'share'
            ? <TextInput label="Team workspace name" placeholder="the workspace folder's name" value={extra} onChange={(e) => setExtra(e.currentTarget.value)} data-testid="team-title" />
            : <TextInput label="Team workspace id" placeholder="given by its owner" required value={extra} onChange={(e) => setExtra(e.currentTarget.value)} data-testid="team-id" />}
          {secretStorage === 'memory' && (
            <Alert color="yellow" variant="light" data-testid="team-memory-note">
              Without an OS keychain (browser mode, or no keyring on this computer) the password is kept in memory only: after a restart you are asked for it again.
            </Alert>
          )}
          <Button type="submit" loading={busy} data-testid="team-submit" style={{ alignSelf: 'flex-start' }}>
            {mode === 'share' ? 'Share workspace' : 'Join'}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
