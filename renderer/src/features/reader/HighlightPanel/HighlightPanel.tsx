/** The reader's right side panel: the selected highlight's editor, or the source's highlight list; orphans always. */
import { Button, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import type { AnchoredHighlight, TagSummary } from '../../../../../shared/contract/views';
import { AddToDossierButton } from '../../dossiers/AddToDossier/AddToDossierButton';
import { HighlightEditor } from '../HighlightEditor/HighlightEditor';
import { HighlightList } from '../HighlightList/HighlightList';
import { IconBack } from '../../common/Icons/Icons';
import { OrphanList } from '../OrphanList/OrphanList';
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

export function HighlightPanel({ highlights, tags, selectedId, focusField, onFocusHandled, onSelect, selectedExtras }: HighlightPanelProps) {
  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const placed = useMemo(
    () => highlights.filter((h) => h.range !== null && h.status !== 'orphan').sort((a, b) => a.range!.start - b.range!.start),
    [highlights],
  );
  const orphans = useMemo(() => highlights.filter((h) => h.status === 'orphan' || h.range === null), [highlights]);
  const selected = selectedId ? highlights.find((h) => h.highlight.id === selectedId) : undefined;

  return (
    <aside className={classes.panel} data-testid="side-panel" aria-label="Highlights">
      <ScrollArea className={classes.scroll} type="auto" offsetScrollbars>
        <Stack gap="md" p="md">
          {selected ? (
            <>
              <Group justify="space-between">
                <Button size="compact-sm" variant="subtle" leftSection={<IconBack size={14} />} onClick={() => onSelect(null)} data-testid="panel-back">
                  All highlights
                </Button>
              </Group>
              <HighlightEditor
                key={selected.highlight.id} anchored={selected} tags={tags}
                focusField={focusField} onFocusHandled={onFocusHandled} onDeleted={() => onSelect(null)}
              />
              {selectedExtras?.(selected)}
              <Group><AddToDossierButton kind="quote" refId={selected.highlight.id} variant="subtle" size="compact-sm" /></Group>
            </>
          ) : (
            <>
              <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                {placed.length} highlight{placed.length === 1 ? '' : 's'}
              </Text>
              <HighlightList placed={placed} tagsById={tagsById} onSelect={onSelect} />
            </>
          )}
          <OrphanList orphans={orphans} onSelect={onSelect} />
        </Stack>
      </ScrollArea>
    </aside>
  );
}
