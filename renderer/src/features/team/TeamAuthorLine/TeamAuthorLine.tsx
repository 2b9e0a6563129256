/**
 * "Created by X · last changed by Y, 3 min ago" for a record of a team workspace. Renders nothing (and asks nothing
 * beyond the shared, cached team status) when the workspace is not linked or the record's authors are unknown.
 */
import { Text } from '@mantine/core';
import type { TeamAuthorMarkView } from '../../../../../shared/contract/views-team';
import { useAuthorOf, useTeamLinked } from '../../../api/teamHooks';
import { formatAgo, formatWhen } from '../teamFormat';

const who = (m: TeamAuthorMarkView) => (m.isMe ? 'you' : m.member);

export function TeamAuthorLine({ collection, id }: { collection: string; id: string }) {
  const linked = useTeamLinked();
  const { data } = useAuthorOf(linked, collection, id);
  if (!linked || !data) return null;
  const { created } = data;
  // Nobody changed it since it was made: one name, one time.
  const untouched = created !== null && created.member === data.member && created.at === data.at;
  const text = created === null
    ? `Last changed by ${who(data)}, ${formatAgo(data.at)}`
    : untouched
      ? `Created by ${who(created)}, ${formatAgo(created.at)}`
      : `Created by ${who(created)} · last changed by ${who(data)}, ${formatAgo(data.at)}`;
  const title = created ? `Created ${formatWhen(created.at)} · last changed ${formatWhen(data.at)}` : `Last changed ${formatWhen(data.at)}`;
  return (
    <Text size="xs" c="dimmed" title={title} data-testid="team-author">
      {text}
    </Text>
  );
}
