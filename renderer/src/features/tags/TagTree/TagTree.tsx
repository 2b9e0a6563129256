/** Tags as an indented tree: colour swatch, name and highlight count; a click selects the tag. */
import { Badge, ColorSwatch, Group, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import type { TagSummary } from '../../../../../shared/contract/views';
import { buildTagTree, flattenTagTree } from '../tagTree';
import classes from './TagTree.module.css';

export interface TagTreeProps {
  tags: TagSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function TagTree({ tags, selectedId, onSelect }: TagTreeProps) {
  const rows = useMemo(() => flattenTagTree(buildTagTree(tags)), [tags]);
  return (
    <div role="tree" aria-label="Tags" data-testid="tags-tree" className={classes.tree}>
      {rows.map(({ tag, depth, children }) => (
        <UnstyledButton
          key={tag.id}
          role="treeitem"
          aria-level={depth + 1}
          aria-selected={tag.id === selectedId}
          className={classes.row}
          data-active={tag.id === selectedId || undefined}
          style={{ paddingLeft: `calc(var(--mantine-spacing-xs) + ${depth * 18}px)` }}
          onClick={() => onSelect(tag.id)}
          data-testid="tag-row"
          data-tag-id={tag.id}
          data-depth={depth}
        >
          <Group gap={8} wrap="nowrap" justify="space-between">
            <Group gap={8} wrap="nowrap" miw={0}>
              <Text component="span" size="xs" c="dimmed" w={10} aria-hidden>{children.length > 0 ? '▾' : ''}</Text>
              <ColorSwatch color={tag.color} size={12} withShadow={false} />
              <Text size="sm" truncate data-testid="tag-row-name">{tag.name}</Text>
            </Group>
            <Badge size="sm" variant="light" color="gray" data-testid="tag-row-count">{tag.count}</Badge>
          </Group>
        </UnstyledButton>
      ))}
    </div>
  );
}
