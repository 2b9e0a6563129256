/** The warning shown wherever a relationship rests on no passage and no claim. */
import { Badge, Tooltip, type MantineSize } from '@mantine/core';
import { IconAlert } from '../../common/Icons/Icons';

export function UnevidencedBadge({ size = 'sm' }: { size?: MantineSize }) {
  return (
    <Tooltip label="No passage or claim backs this relationship yet" withArrow>
      <Badge size={size} color="red" variant="light" leftSection={<IconAlert size={12} />} data-testid="unevidenced">
        Unevidenced
      </Badge>
    </Tooltip>
  );
}
