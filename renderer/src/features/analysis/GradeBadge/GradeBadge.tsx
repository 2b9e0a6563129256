/** A claim's Admiralty grade (e.g. "B2") as a badge coloured by how good it is, with its meaning on hover. */
import { Badge, Tooltip, type MantineSize } from '@mantine/core';
import { gradeColor, gradeMeaning } from '../analysisLabels';
import { RELIABILITY_LABEL } from '../../common/lib/reliability';

const reliabilityLabel = (letter: string) => RELIABILITY_LABEL[letter as keyof typeof RELIABILITY_LABEL];

export function GradeBadge({ grade, size = 'md' }: { grade: string; size?: MantineSize }) {
  return (
    <Tooltip label={gradeMeaning(grade, reliabilityLabel)} withArrow>
      <Badge
        size={size} variant="filled" color={gradeColor(grade)} radius="sm"
        styles={{ label: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.04em' } }}
        data-testid="claim-grade" data-grade={grade}
      >
        {grade}
      </Badge>
    </Tooltip>
  );
}
