/** The source's highlights in reading order; a click selects one and scrolls the text to it. */
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { AnchoredHighlight, TagSummary } from '../../../../shared/contract/views';
import { HIGHLIGHT_SWATCH } from '../../lib/highlightColors';
import classes from './HighlightList.module.css';

export interface HighlightListProps {
  placed: AnchoredHighlight[];
  tagsById: ReadonlyMap<string, TagSummary>;
  onSelect: (id: string) => void;
}

export function HighlightList({ placed, tagsById, onSelect }: HighlightListProps) {
  if (placed.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Select text to highlight it (press <strong>H</strong> for yellow). Click a highlight to tag it or add a note.
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="highlight-list">
      {placed.map(({ highlight }) => (
        <UnstyledButton
          key={highlight.id} className={classes.item} onClick={() => onSelect(highlight.id)}
          style={{ borderLeftColor: HIGHLIGHT_SWATCH[highlight.color] }}
          data-testid="highlight-list-item" data-highlight-id={highlight.id}
        >
          <Text size="sm" lineClamp={3}>{highlight.quote.exact}</Text>
          {(highlight.tagIds.length > 0 || highlight.note) && (
            <Group gap={4} mt={4}>
              {highlight.tagIds.map((id) => {
                const tag = tagsById.get(id);
                return tag ? <Badge key={id} size="xs" variant="light" color={tag.color}>{tag.name}</Badge> : null;
              })}
              {highlight.note && <Text size="xs" c="dimmed" lineClamp={1}>✎ {highlight.note}</Text>}
            </Group>
          )}
        </UnstyledButton>
      ))}
    </Stack>
  );
}
