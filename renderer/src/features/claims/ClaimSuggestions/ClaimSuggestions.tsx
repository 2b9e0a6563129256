/** The review list of suggested claims: quotations and reported speech in the source, never stored until accepted. */
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { dismissClaimSuggestion, useClaimSuggestions } from '../../../api/claimSuggestionHooks';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { ClaimSuggestionRow } from '../ClaimSuggestionRow/ClaimSuggestionRow';

export interface ClaimSuggestionsProps {
  sourceId: string;
  onReveal: (range: TextRange) => void;
}

export function ClaimSuggestions({ sourceId, onReveal }: ClaimSuggestionsProps) {
  const { data: suggestions, error, loading } = useClaimSuggestions(sourceId);
  // Dismissals are stored on the source (undoable); the service leaves them out of the list it sends.
  const dismiss = (key: string) => void dismissClaimSuggestion({ sourceId, key });
  const shown = suggestions ?? [];

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
