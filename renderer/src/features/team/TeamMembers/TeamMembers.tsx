/** The team workspace's members; an owner also changes roles, removes members and adds a colleague's login. */
import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TeamMemberView, TeamRoleView } from '../../../../../shared/contract/views-team';
import { addTeamMember, removeTeamMember, setTeamMemberRole } from '../../../api/teamHooks';

const ROLES: { value: TeamRoleView; label: string }[] = [
  { value: 'owner', label: 'Owner' }, { value: 'editor', label: 'Editor' }, { value: 'viewer', label: 'Viewer' },
];

function AddMember() {
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<TeamRoleView>('editor');
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    if (await addTeamMember({ login: login.trim(), role })) setLogin('');
    setBusy(false);
  };
  return (
    <form onSubmit={submit} data-testid="team-add-member">
      <Group align="flex-end" gap="sm">
        <TextInput label="Add member" description="Their team database login" placeholder="login" value={login}
          onChange={(e) => setLogin(e.currentTarget.value)} data-testid="team-add-login" />
        <Select label="Role" data={ROLES} value={role} onChange={(v) => v && setRole(v as TeamRoleView)} allowDeselect={false}
          w={120} data-testid="team-add-role" />
        <Button type="submit" loading={busy} disabled={!login.trim()} data-testid="team-add-submit">Add</Button>
      </Group>
    </form>
  );
}

function MemberRow({ m, me, owner }: { m: TeamMemberView; me: string; owner: boolean }) {
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<boolean>) => {
    setBusy(true);
    await f();
    setBusy(false);
  };
  return (
    <Table.Tr data-testid="team-member-row" data-login={m.login}>
      <Table.Td>{m.login}{m.login === me ? ' (you)' : ''}</Table.Td>
      <Table.Td>
        {owner ? (
          <Select size="xs" w={120} data={ROLES} value={m.role} allowDeselect={false} disabled={busy} aria-label={`Role of ${m.login}`}
            onChange={(v) => v && v !== m.role && void run(() => setTeamMemberRole({ login: m.login, role: v as TeamRoleView }))}
            data-testid={`team-role-${m.login}`} />
        ) : m.role}
      </Table.Td>
      {owner && (
        <Table.Td>
          <Button size="xs" variant="subtle" color="red" loading={busy} onClick={() => void run(() => removeTeamMember({ login: m.login }))}
            data-testid={`team-remove-${m.login}`}>Remove</Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function TeamMembers({ members, me, owner }: { members: TeamMemberView[]; me: string; owner: boolean }) {
  return (
    <Stack gap="xs">
      <Table withTableBorder={false} data-testid="team-members">
        <Table.Thead><Table.Tr><Table.Th>Member</Table.Th><Table.Th>Role</Table.Th>{owner && <Table.Th />}</Table.Tr></Table.Thead>
        <Table.Tbody>
          {members.map((m) => <MemberRow key={m.login} m={m} me={me} owner={owner} />)}
        </Table.Tbody>
      </Table>
      {owner && (
        <>
          <AddMember />
          <Text size="xs" c="dimmed">A workspace keeps at least one owner. New logins are created by the database administrator.</Text>
        </>
      )}
    </Stack>
  );
}
