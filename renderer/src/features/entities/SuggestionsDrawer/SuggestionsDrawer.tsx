/** The reader's suggestions: names and claims the source holds, proposed (never created) until the analyst accepts them. */
import { Alert, Drawer, Group, Loader, ScrollArea, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useEntities, useSuggestions } from '../../../api/analysisHooks';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { SuggestionRow } from '../SuggestionRow/SuggestionRow';
import { ClaimSuggestions } from '../../claims/ClaimSuggestions/ClaimSuggestions';

export interface SuggestionsDrawerProps {
  sourceId: string;
  opened: boolean;
  onClose: () => void;
  onReveal: (range: TextRange) => void;
}

export function SuggestionsDrawer({ sourceId, opened, onClose, onReveal }: SuggestionsDrawerProps) {
  const [view, setView] = useState<'entities' | 'claims'>('entities');
  const { data: suggestions, error, loading } = useSuggestions(opened && view === 'entities' ? sourceId : null);
  const { data: entities = [] } = useEntities();
  const [showKnown, setShowKnown] = useState(true);
  const shown = (suggestions ?? []).filter((s) => showKnown || !s.matchesEntityId);
  const knownCount = (suggestions ?? []).filter((s) => s.matchesEntityId).length;

  return (
    <Drawer
      opened={opened} onClose={onClose} position="right" size={380} title={view === 'entities' ? 'Suggested entities' : 'Suggested claims'}
      // The text stays visible and scrollable beside the list: a mention count shows where the name occurs.
      withOverlay={false} lockScroll={false} trapFocus={false} closeOnClickOutside={false} shadow="xl"
      scrollAreaComponent={ScrollArea.Autosize} data-testid="suggestions"
    >
      <Stack gap="sm">
        <SegmentedControl
          size="xs" fullWidth value={view} onChange={(v) => setView(v === 'claims' ? 'claims' : 'entities')}
          data={[{ value: 'entities', label: 'Entities' }, { value: 'claims', label: 'Claims' }]} data-testid="suggestions-view"
        />
        {view === 'claims' ? <ClaimSuggestions sourceId={sourceId} onReveal={onReveal} /> : <>
        <Text size="sm" c="dimmed">
          People, organisations, places and events this source names. Nothing is added until you accept it; set the
          type first if it is wrong.
        </Text>
        {suggestions && suggestions.length > 0 && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">{suggestions.length} suggestion{suggestions.length === 1 ? '' : 's'}, {knownCount} already known</Text>
            <Switch size="xs" label="Show known" checked={showKnown} onChange={(e) => setShowKnown(e.currentTarget.checked)} />
          </Group>
        )}
        {error && !suggestions && <Alert color="red" title="No suggestions">{error.message}</Alert>}
        {loading && !suggestions && <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Reading the text…</Text></Group>}
        {suggestions && suggestions.length === 0 && <Text size="sm" c="dimmed">No (more) names found in this source.</Text>}
        {shown.map((s) => <SuggestionRow key={s.name} suggestion={s} sourceId={sourceId} entities={entities} onReveal={onReveal} />)}
        </>}
      </Stack>
    </Drawer>
  );
}
