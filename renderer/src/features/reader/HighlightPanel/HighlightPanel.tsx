/** The reader's right side panel: the selected highlight's editor, or the source's highlight list; orphans always. */
import { Button, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import type { AnchoredHighlight, TagSummary } from '../../../../../shared/contract/views';
import { AddToDossierButton } from '../../dossiers/AddToDossier/AddToDossierButton';
import { HighlightEditor } from '../HighlightEditor/HighlightEditor';
import { HighlightList } from '../HighlightList/HighlightList';
import { IconBack } from '../../common/Icons/Icons';
import { OrphanList } from '../OrphanList/OrphanList';
import { placedInReadingOrder } from './placedOrder';
import classes from './HighlightPanel.module.css';

export interface HighlightPanelProps {
  highlights: AnchoredHighlight[];
  tags: TagSummary[];
  selectedId: string | null;
  focusField: 'tags' | 'note' | null;
  onFocusHandled: () => void;
  /** Select (and scroll to, when placed) a highlight; null goes back to the list. */
  onSelect: (id: string | null) => void;
  /** Extra actions for the selected highlight (claims, relationships), shown under its editor. */
  selectedExtras?: (selected: AnchoredHighlight) => ReactNode;
}

type SelectedProps = Pick<HighlightPanelProps, 'tags' | 'focusField' | 'onFocusHandled' | 'onSelect' | 'selectedExtras'> & { selected: AnchoredHighlight };

/**
 * The selected highlight's editor and actions. Memoised on the highlight's own record: an edit to another
 * highlight (a new one made in the text) leaves it alone; its tag and entity pickers are the panel's costliest parts.
 */
const SelectedHighlight = memo(function SelectedHighlight({ selected, tags, focusField, onFocusHandled, onSelect, selectedExtras }: SelectedProps) {
  const back = useCallback(() => onSelect(null), [onSelect]);
  return (
    <>
      <Group justify="space-between">
        <Button size="compact-sm" variant="subtle" leftSection={<IconBack size={14} />} onClick={back} data-testid="panel-back">
          All highlights
        </Button>
      </Group>
      <HighlightEditor
        key={selected.highlight.id} anchored={selected} tags={tags}
        focusField={focusField} onFocusHandled={onFocusHandled} onDeleted={back}
      />
      {selectedExtras?.(selected)}
      <Group><AddToDossierButton kind="quote" refId={selected.highlight.id} variant="subtle" size="compact-sm" /></Group>
    </>
  );
});

/** The list of every placed highlight, with its count: only built while no highlight is selected (the editor shows instead). */
function AllHighlights({ highlights, tagsById, onSelect }: { highlights: AnchoredHighlight[]; tagsById: ReadonlyMap<string, TagSummary>; onSelect: (id: string) => void }) {
  const placed = useMemo(() => placedInReadingOrder(highlights), [highlights]);
  return (
    <>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {placed.length} highlight{placed.length === 1 ? '' : 's'}
      </Text>
      <HighlightList placed={placed} tagsById={tagsById} onSelect={onSelect} />
    </>
  );
}

function HighlightPanelImpl({ highlights, tags, selectedId, focusField, onFocusHandled, onSelect, selectedExtras }: HighlightPanelProps) {
  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const orphans = useMemo(() => highlights.filter((h) => h.status === 'orphan' || h.range === null), [highlights]);
  const selected = selectedId ? highlights.find((h) => h.highlight.id === selectedId) : undefined;

  return (
    <aside className={classes.panel} data-testid="side-panel" aria-label="Highlights">
      <ScrollArea className={classes.scroll} type="auto" offsetScrollbars>
        <Stack gap="md" p="md">
          {selected ? (
            <SelectedHighlight
              selected={selected} tags={tags} focusField={focusField} onFocusHandled={onFocusHandled}
              onSelect={onSelect} selectedExtras={selectedExtras}
            />
          ) : (
            <AllHighlights highlights={highlights} tagsById={tagsById} onSelect={onSelect} />
          )}
          <OrphanList orphans={orphans} onSelect={onSelect} />
        </Stack>
      </ScrollArea>
    </aside>
  );
}

/** Memoised: the reader re-renders on every selection and scroll request; the panel only when its inputs change. */
export const HighlightPanel = memo(HighlightPanelImpl);
