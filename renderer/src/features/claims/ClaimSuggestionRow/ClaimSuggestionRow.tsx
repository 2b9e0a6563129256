/** One suggested claim: claimant, statement, type (editable), the evidence passage; accept creates it all, dismiss hides it. */
import { Anchor, Badge, Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import type { ClaimSuggestionView } from '../../../../../shared/contract/api-suggest-claims';
import { CLAIM_TYPES, type ClaimType } from '../../../../../shared/domain/types';
import { acceptClaimSuggestion } from '../../../api/claimSuggestionHooks';
import { notifySuccess } from '../../../api/notify';
import { CLAIM_TYPE_OPTIONS } from '../../analysis/analysisLabels';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { IconCheck, IconX } from '../../analysis/AnalysisIcons/AnalysisIcons';
import classes from './ClaimSuggestionRow.module.css';

export interface ClaimSuggestionRowProps {
  suggestion: ClaimSuggestionView;
  sourceId: string;
  onReveal: (range: TextRange) => void;
  onDismiss: (key: string) => void;
}

const isClaimType = (v: string | null): v is ClaimType => CLAIM_TYPES.includes(v as ClaimType);

export function ClaimSuggestionRow({ suggestion, sourceId, onReveal, onDismiss }: ClaimSuggestionRowProps) {
  const [type, setType] = useState<ClaimType>(suggestion.type);
  const [busy, setBusy] = useState(false);
  const claimant = suggestion.claimant;
  const accept = async () => {
    setBusy(true);
    const done = await acceptClaimSuggestion({ sourceId, key: suggestion.key, type });
    setBusy(false);
    if (!done) return;
    // The refreshed list leaves the accepted suggestion out (a claim now cites its passage) until Undo removes the claim.
    notifySuccess('Claim added', `${claimant?.name ?? 'An unnamed source'}: “${suggestion.statement.slice(0, 80)}”${done.createdClaimant ? ` (new entity “${claimant?.name}”)` : ''}. Undo removes it all.`);
  };

  return (
    <div className={classes.row} data-testid="claim-suggestion-row" data-key={suggestion.key}>
      <div>
        <div style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600} size="sm" data-testid="claim-suggestion-claimant">{claimant?.name ?? 'Unnamed source'}</Text>
            {claimant && (
              <Badge size="xs" variant="light" color={claimant.entityId ? 'teal' : 'gray'}>
                {claimant.entityId ? 'known' : ENTITY_TYPE_STYLE[claimant.type].label.toLowerCase()}
              </Badge>
            )}
          </Group>
          <Text size="sm" mt={4} className={classes.statement} data-testid="claim-suggestion-statement">
            {suggestion.quoted ? `“${suggestion.statement}”` : suggestion.statement}
          </Text>
        </div>
      </div>
      <Anchor
        component="button" type="button" size="xs" className={classes.evidence} onClick={() => onReveal(suggestion.evidence)}
        title="Show the passage in the text" data-testid="claim-suggestion-evidence"
      >
        {suggestion.evidence.text}
      </Anchor>
      <Group gap={6} mt={8} justify="flex-end">
        <Select
          size="xs" w={150} mr="auto" data={CLAIM_TYPE_OPTIONS} value={type} allowDeselect={false} aria-label={`Type of the claim “${suggestion.statement.slice(0, 40)}”`}
          onChange={(v) => isClaimType(v) && setType(v)} comboboxProps={{ withinPortal: true }} data-testid="claim-suggestion-type"
        />
        <Button size="compact-xs" leftSection={<IconCheck size={12} />} onClick={() => void accept()} loading={busy}
          aria-label={`Accept the claim by ${claimant?.name ?? 'an unnamed source'}: highlight the passage and add the claim`} data-testid="claim-suggestion-accept"
        >
          Accept
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={12} />} onClick={() => onDismiss(suggestion.key)}
          aria-label={`Dismiss the claim by ${claimant?.name ?? 'an unnamed source'}`} data-testid="claim-suggestion-dismiss"
        >
          Dismiss
        </Button>
      </Group>
    </div>
  );
}
