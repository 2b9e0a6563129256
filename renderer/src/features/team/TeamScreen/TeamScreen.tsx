/** The Team panel: share or join a team workspace; once linked, sync status, members, conflicts and the activity feed. */
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useTeamPolling, useTeamStatus } from '../../../api/teamHooks';
import { TeamActivity } from '../TeamActivity/TeamActivity';
import { TeamConflicts } from '../TeamConflicts/TeamConflicts';
import { TeamLinkForm } from '../TeamLinkForm/TeamLinkForm';
import { TeamStatusPanel } from '../TeamStatusPanel/TeamStatusPanel';
import classes from './TeamScreen.module.css';

export function TeamScreen() {
  const { data: status, error } = useTeamStatus();
  useTeamPolling();
  return (
    <div className={classes.root} data-testid="team-screen">
      <Stack gap="xl">
        <div>
          <Title order={2}>Team</Title>
          <Text size="sm" c="dimmed">
            Work on one investigation with others through a PostgreSQL team database. This workspace stays on this machine and
            keeps working offline; edits sync in the background when the database can be reached.
          </Text>
        </div>
        {error && !status && <Alert color="red" title="The team status could not be read">{error.message}</Alert>}
        {!status && !error && <Loader size="sm" />}
        {status && !status.linked && <TeamLinkForm secretStorage={status.secretStorage} />}
        {status?.linked && (
          <>
            <TeamStatusPanel status={status} />
            <TeamConflicts />
            <TeamActivity />
          </>
        )}
      </Stack>
    </div>
  );
}
