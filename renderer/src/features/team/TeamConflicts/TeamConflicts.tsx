/** Conflicts to resolve: the record and field, both values with who set them and when, and "Keep mine" / "Keep theirs". */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TeamConflictSideView, TeamConflictView } from '../../../../../shared/contract/views-team';
import { resolveTeamConflict, useTeamConflicts } from '../../../api/teamHooks';
import { formatWhen, valueText } from '../teamFormat';

function Side({ label, side }: { label: string; side: TeamConflictSideView }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Text size="xs" c="dimmed">{label} · {side.author} · {formatWhen(side.at)}</Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>{valueText(side.value, side.deleted)}</Text>
    </div>
  );
}

function ConflictRow({ c }: { c: TeamConflictView }) {
  const [busy, setBusy] = useState(false);
  const pick = async (p: 'local' | 'remote') => {
    setBusy(true);
    await resolveTeamConflict({ id: c.id, pick: p });
    setBusy(false);
  };
  return (
    <Paper withBorder p="sm" data-testid="team-conflict">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {c.recordLabel}{c.field ? <> — <Text span ff="monospace" size="sm">{c.field}</Text></> : null}
          {c.kind === 'edit-delete' ? ' (edited on one side, deleted on the other)' : ''}
        </Text>
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <Side label="Yours" side={c.local} />
          <Side label="Theirs" side={c.remote} />
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" loading={busy} onClick={() => pick('local')} data-testid="team-keep-mine">Keep mine</Button>
          <Button size="xs" variant="default" loading={busy} onClick={() => pick('remote')} data-testid="team-keep-theirs">Keep theirs</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function TeamConflicts() {
  const { data } = useTeamConflicts(true);
  return (
    <Stack gap="sm" data-testid="team-conflicts">
      <Title order={3}>Conflicts</Title>
      {data && data.length === 0 && <Text size="sm" c="dimmed">No conflicts: concurrent edits of the same field would show here with both values.</Text>}
      {data?.map((c) => <ConflictRow key={c.id} c={c} />)}
    </Stack>
  );
}
