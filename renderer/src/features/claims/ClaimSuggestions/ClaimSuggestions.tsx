/** The review list of suggested claims: quotations and reported speech in the source, never stored until accepted. */
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useClaimSuggestions } from '../../../api/claimSuggestionHooks';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { ClaimSuggestionRow } from '../ClaimSuggestionRow/ClaimSuggestionRow';

/** Dismissed suggestions, per source, for this session only: keeping them would need a new field on sources. */
const dismissedBySource = new Map<string, Set<string>>();

export interface ClaimSuggestionsProps {
  sourceId: string;
  onReveal: (range: TextRange) => void;
}

export function ClaimSuggestions({ sourceId, onReveal }: ClaimSuggestionsProps) {
  const { data: suggestions, error, loading } = useClaimSuggestions(sourceId);
  const [dismissed, setDismissed] = useState<Set<string>>(() => dismissedBySource.get(sourceId) ?? new Set());
  const dismiss = (key: string) => {
    const next = new Set(dismissed).add(key);
    dismissedBySource.set(sourceId, next);
    setDismissed(next);
  };
  const shown = (suggestions ?? []).filter((s) => !dismissed.has(s.key));

  return (
    <Stack gap="sm" data-testid="claim-suggestions">
      <Text size="sm" c="dimmed">
        Statements this source quotes or reports, with who made them. Accepting highlights the passage and adds the
        claim (and the claimant, if new) in one step that Undo reverses.
      </Text>
      {error && !suggestions && <Alert color="red" title="No suggestions">{error.message}</Alert>}
      {loading && !suggestions && <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Reading the text…</Text></Group>}
      {suggestions && <Text size="xs" c="dimmed">{shown.length} suggested claim{shown.length === 1 ? '' : 's'}</Text>}
      {suggestions && shown.length === 0 && <Text size="sm" c="dimmed">No (more) quoted or reported statements found.</Text>}
      {shown.map((s) => <ClaimSuggestionRow key={s.key} suggestion={s} sourceId={sourceId} onReveal={onReveal} onDismiss={dismiss} />)}
    </Stack>
  );
}
