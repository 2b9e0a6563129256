/** One dossier section: title (renamed on blur), move (buttons, Alt+↑/↓, drag), delete; its blocks in order and an "Add block" menu. */
import { ActionIcon, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DossierBlock, DossierSection } from '../../../../../shared/domain/types';
import { appendBlock, moveSectionBy, removeSection, renameSection } from '../dossierEdit';
import { isEditableTarget } from '../../common/lib/editableTarget';
import { newId } from '../newId';
import { AddBlockMenu, type DirectKind } from '../AddBlockMenu/AddBlockMenu';
import { DossierBlockCard } from '../DossierBlockCard/DossierBlockCard';
import { GripHandle } from '../DossierBlockCard/GripHandle';
import { blockSelector, sectionSelector, useDossierEditor } from '../DossierBuilder/editorContext';
import { IconChevronDown, IconChevronUp, IconTrash } from '../../common/Icons/Icons';
import blockClasses from '../DossierBlockCard/DossierBlockCard.module.css';
import classes from './DossierSectionCard.module.css';

function SectionTitle({ section }: { section: DossierSection }) {
  const { edit } = useDossierEditor();
  const [value, setValue] = useState(section.title);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setValue(section.title);
  }, [section.title]);
  const save = () => {
    const title = value.trim();
    if (!title) return setValue(section.title); // a section needs a heading in print
    if (title !== section.title) edit((s) => renameSection(s, section.id, title));
  };
  return (
    <TextInput
      value={value} variant="unstyled" size="md" aria-label="Section title" className={classes.title} data-testid="section-title"
      onFocus={() => { focused.current = true; }}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => { focused.current = false; save(); }}
      onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
    />
  );
}

export interface DossierSectionCardProps {
  section: DossierSection;
  index: number;
  count: number;
  nextId: string | null;
}

export function DossierSectionCard({ section, index, count, nextId }: DossierSectionCardProps) {
  const { sections, edit, pick, drag } = useDossierEditor();
  const card = useRef<HTMLElement>(null);
  const self = sectionSelector(section.id);
  const move = (delta: -1 | 1, from: 'button' | 'key') => {
    const button = `${self} [data-testid="section-move-${delta < 0 ? 'up' : 'down'}"]`;
    edit((s) => moveSectionBy(s, section.id, delta), from === 'button' ? { selector: button, fallback: self } : { selector: self });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || isEditableTarget(e.target)) return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? -1 : 1, 'key');
  };
  const addDirect = (kind: DirectKind) => {
    const block: DossierBlock = { id: newId(), kind, text: '', refId: null };
    const focus = kind === 'text' ? `${blockSelector(block.id)} textarea` : blockSelector(block.id);
    edit((s) => appendBlock(s, section.id, block), { selector: focus });
  };
  const sectionIndex = sections.findIndex((s) => s.id === section.id);
  const drop = drag.drop?.kind === 'section' && drag.drop.sectionId === section.id ? drag.drop.where : undefined;
  const dropAtEnd = drag.drop?.kind === 'section-end' && drag.drop.sectionId === section.id;

  return (
    <section
      ref={card} className={classes.card} tabIndex={0} onKeyDown={onKeyDown} {...drag.sectionTarget(section.id, nextId)}
      data-testid="section-card" data-section-id={section.id} data-drop={drop}
      data-dragging={drag.dragging?.id === section.id || undefined} aria-label={`Section ${index + 1}: ${section.title}`}
    >
      <Group gap={6} wrap="nowrap" className={classes.header}>
        <GripHandle label="Drag to move the section" {...drag.sectionHandle(section.id, () => card.current)} testId="section-drag" />
        <Text size="sm" c="dimmed" fw={600} className={classes.number}>{index + 1}</Text>
        <SectionTitle section={section} />
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move section up (Alt+↑)">
            <ActionIcon variant="subtle" color="gray" className={blockClasses.move} aria-label="Move up" disabled={index === 0} onClick={() => move(-1, 'button')} data-testid="section-move-up">
              <IconChevronUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move section down (Alt+↓)">
            <ActionIcon variant="subtle" color="gray" className={blockClasses.move} aria-label="Move down" disabled={index === count - 1} onClick={() => move(1, 'button')} data-testid="section-move-down">
              <IconChevronDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete the section and its blocks">
            <ActionIcon variant="subtle" color="red" aria-label="Delete section" onClick={() => edit((s) => removeSection(s, section.id))} data-testid="section-delete">
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <div className={classes.blocks} {...drag.sectionEndTarget(section.id)} data-drop-end={dropAtEnd || undefined} data-testid="section-blocks">
        <Stack gap={6}>
          {section.blocks.map((b, i) => (
            <DossierBlockCard
              key={b.id} block={b} sectionId={section.id} nextId={section.blocks[i + 1]?.id ?? null}
              first={sectionIndex === 0 && i === 0} last={sectionIndex === sections.length - 1 && i === section.blocks.length - 1}
            />
          ))}
          {section.blocks.length === 0 && <Text size="xs" c="dimmed" className={classes.empty}>No blocks yet: add one, or drag one here.</Text>}
        </Stack>
      </div>
      <AddBlockMenu onAdd={addDirect} onPick={(kind) => pick(section.id, kind)} />
    </section>
  );
}
