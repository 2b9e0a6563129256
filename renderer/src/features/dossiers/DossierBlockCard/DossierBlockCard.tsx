/** One block of a dossier section: drag handle, move buttons (and Alt+↑/↓), "Move to section…", remove; text editor or record summary. */
import { ActionIcon, Badge, Group, Menu, Textarea, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BlockKind, DossierBlock } from '../../../../../shared/domain/types';
import { isEditableTarget } from '../../common/lib/editableTarget';
import { moveBlockBy, moveBlockTo, removeBlock, setBlockText } from '../dossierEdit';
import { IconArrowRight } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { BlockSummary } from '../BlockSummary/BlockSummary';
import { blockSelector, useDossierEditor } from '../DossierBuilder/editorContext';
import { IconChevronDown, IconChevronUp, IconTrash } from '../../common/Icons/Icons';
import { GripHandle } from './GripHandle';
import classes from './DossierBlockCard.module.css';

const BLOCK_LABEL: Record<BlockKind, string> = {
  text: 'Text', claim: 'Claim', quote: 'Quote', relationship: 'Relationship', entity: 'Entity', graph: 'Graph', timeline: 'Timeline', ach: 'ACH matrix',
};

/** Markdown text, saved when the field is left (one undo step per edit, not per keystroke). */
function TextBlockEditor({ block }: { block: DossierBlock }) {
  const { edit } = useDossierEditor();
  const [value, setValue] = useState(block.text);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setValue(block.text);
  }, [block.text]);
  return (
    <Textarea
      value={value} autosize minRows={2} maxRows={16} placeholder="Write in Markdown: **bold**, *italic*, lists…"
      aria-label="Text (Markdown)" data-testid="block-text" classNames={{ input: classes.text }}
      onFocus={() => { focused.current = true; }}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => {
        focused.current = false;
        if (value !== block.text) edit((s) => setBlockText(s, block.id, value));
      }}
    />
  );
}

export interface DossierBlockCardProps {
  block: DossierBlock;
  sectionId: string;
  /** The block after this one in its section (drop "after" = before it). */
  nextId: string | null;
  first: boolean;
  last: boolean;
}

export function DossierBlockCard({ block, sectionId, nextId, first, last }: DossierBlockCardProps) {
  const { sections, lookup, edit, drag } = useDossierEditor();
  const card = useRef<HTMLDivElement>(null);
  const self = blockSelector(block.id);
  const move = (delta: -1 | 1, from: 'button' | 'key') => {
    const button = `${self} [data-testid="block-move-${delta < 0 ? 'up' : 'down'}"]`;
    edit((s) => moveBlockBy(s, block.id, delta), from === 'button' ? { selector: button, fallback: self } : { selector: self });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || isEditableTarget(e.target)) return;
    e.preventDefault();
    e.stopPropagation();
    move(e.key === 'ArrowUp' ? -1 : 1, 'key');
  };
  const drop = drag.drop?.kind === 'block' && drag.drop.blockId === block.id ? drag.drop.where : undefined;
  const others = sections.filter((s) => s.id !== sectionId);

  return (
    <div
      ref={card} className={classes.card} tabIndex={0} onKeyDown={onKeyDown} {...drag.blockTarget(sectionId, block.id, nextId)}
      data-testid="block-card" data-block-id={block.id} data-kind={block.kind} data-drop={drop}
      data-dragging={drag.dragging?.id === block.id || undefined} aria-label={`${BLOCK_LABEL[block.kind]} block`}
    >
      <Group gap={6} wrap="nowrap" mb={6}>
        <GripHandle label="Drag to move the block" {...drag.blockHandle(block.id, () => card.current)} testId="block-drag" />
        <Badge size="xs" variant="light" color="gray">{BLOCK_LABEL[block.kind]}</Badge>
        <Group gap={2} ml="auto" wrap="nowrap">
          <Tooltip label="Move up (Alt+↑)">
            <ActionIcon size="sm" variant="subtle" color="gray" className={classes.move} aria-label="Move up" disabled={first} onClick={() => move(-1, 'button')} data-testid="block-move-up">
              <IconChevronUp size={14} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down (Alt+↓)">
            <ActionIcon size="sm" variant="subtle" color="gray" className={classes.move} aria-label="Move down" disabled={last} onClick={() => move(1, 'button')} data-testid="block-move-down">
              <IconChevronDown size={14} />
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" withinPortal disabled={others.length === 0}>
            <Menu.Target>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Move to section…" disabled={others.length === 0} data-testid="block-move-to">
                <IconArrowRight size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Move to section</Menu.Label>
              {others.map((s) => (
                <Menu.Item key={s.id} onClick={() => edit((x) => moveBlockTo(x, block.id, s.id, null), { selector: self })} data-testid="block-move-to-section">
                  {s.title || 'Untitled section'}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Tooltip label="Remove from the dossier">
            <ActionIcon size="sm" variant="subtle" color="red" aria-label="Remove block" onClick={() => edit((s) => removeBlock(s, block.id))} data-testid="block-remove">
              <IconTrash size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {block.kind === 'text' ? <TextBlockEditor block={block} /> : <BlockSummary block={block} lookup={lookup} />}
    </div>
  );
}
