/** A claim in a list elsewhere (entity page, panels): grade, statement, who, what kind, when; opens the claim. */
import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import type { ClaimView } from '../../../../../shared/contract/views-analysis';
import { CLAIM_TYPE_LABEL } from '../analysisLabels';
import { navigate } from '../../../routes/useRoute';
import { GradeBadge } from '../GradeBadge/GradeBadge';
import classes from '../RecordCard.module.css';
import { qualifierInWords } from '../../../../../shared/domain/partial-dates';

export function ClaimCard({ claim }: { claim: ClaimView }) {
  const facts = [claim.claimantName ?? 'Unknown claimant', CLAIM_TYPE_LABEL[claim.type], qualifierInWords(claim.claimedAt)].filter(Boolean);
  return (
    <UnstyledButton
      className={classes.card} onClick={() => navigate({ name: 'claims', claimId: claim.id })}
      data-testid="claim-card" data-claim-id={claim.id}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <GradeBadge grade={claim.grade} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" lineClamp={3}>{claim.statement}</Text>
          <Group gap={6} mt={4}>
            <Text size="xs" c="dimmed">{facts.join(' · ')}</Text>
            {claim.corroborated && <Badge size="xs" color="teal" variant="light">Corroborated</Badge>}
            {claim.contradictedBy.length > 0 && <Badge size="xs" color="red" variant="light">Contradicted</Badge>}
          </Group>
        </div>
      </Group>
    </UnstyledButton>
  );
}
