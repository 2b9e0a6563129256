/** Activity feed: recent changes by other members (who, what, when), newest first. */
import { Stack, Text, Title } from '@mantine/core';
import { useTeamActivity } from '../../../api/teamHooks';
import { formatWhen } from '../teamFormat';

export function TeamActivity() {
  const { data } = useTeamActivity(true);
  return (
    <Stack gap="xs" data-testid="team-activity">
      <Title order={3}>Activity</Title>
      {data && data.length === 0 && <Text size="sm" c="dimmed">Nothing from other members yet.</Text>}
      {data?.map((a, i) => (
        <Text key={`${a.collection}/${a.recordId}/${a.at}/${i}`} size="sm" data-testid="team-activity-item">
          <b>{a.member}</b> {a.action} {a.recordLabel} <Text span size="xs" c="dimmed">· {formatWhen(a.at)}</Text>
        </Text>
      ))}
    </Stack>
  );
}
