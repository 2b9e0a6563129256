/** One highlight in the side panel's list: its quote (three lines at most), tags and note. */
import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { AnchoredHighlight, TagSummary } from '../../../../../shared/contract/views';
import { HIGHLIGHT_SWATCH } from '../../common/lib/highlightColors';
import classes from './HighlightList.module.css';

export interface HighlightListItemProps {
  highlight: AnchoredHighlight['highlight'];
  tagsById: ReadonlyMap<string, TagSummary>;
  onSelect: (id: string) => void;
}

function HighlightListItemImpl({ highlight, tagsById, onSelect }: HighlightListItemProps) {
  return (
    <UnstyledButton
      className={classes.item} onClick={() => onSelect(highlight.id)}
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
  );
}

/** Memoised: scrolling the virtual list re-renders the list, not the items that stay in view. */
export const HighlightListItem = memo(HighlightListItemImpl);
