/** "Last changed by X · when" for a record of a team workspace; renders nothing when the workspace is not linked or it is unknown. */
import { Text } from '@mantine/core';
import { useAuthorOf, useTeamLinked } from '../../../api/teamHooks';
import { formatWhen } from '../teamFormat';

export function TeamAuthorLine({ collection, id }: { collection: string; id: string }) {
  const linked = useTeamLinked();
  const { data } = useAuthorOf(linked, collection, id);
  if (!linked || !data) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="team-author">
      Last changed by {data.isMe ? 'you' : data.member} · {formatWhen(data.at)}
    </Text>
  );
}
