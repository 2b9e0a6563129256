/** Native HTML5 drag and drop of blocks (within and across sections) and of sections, with a drop indicator. */
import { useCallback, useRef, useState, type DragEvent } from 'react';

const BLOCK_TYPE = 'application/x-dossier-block';
const SECTION_TYPE = 'application/x-dossier-section';

export type DropTarget =
  | { kind: 'block'; blockId: string; where: 'before' | 'after' }
  | { kind: 'section-end'; sectionId: string }
  | { kind: 'section'; sectionId: string; where: 'before' | 'after' };

export interface DragHandlers {
  /** Props for a block's drag handle. */
  blockHandle: (blockId: string, card: () => HTMLElement | null) => HandleProps;
  sectionHandle: (sectionId: string, card: () => HTMLElement | null) => HandleProps;
  /** Props for a block card: drop before or after it. `nextId` is the block after it in its section (null = last). */
  blockTarget: (sectionId: string, blockId: string, nextId: string | null) => TargetProps;
  /** Props for a section's block list: drop at its end. */
  sectionEndTarget: (sectionId: string) => TargetProps;
  sectionTarget: (sectionId: string, nextId: string | null) => TargetProps;
  drop: DropTarget | null;
  dragging: { kind: 'block' | 'section'; id: string } | null;
}

interface HandleProps {
  draggable: true;
  onDragStart: (e: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

interface TargetProps {
  onDragOver: (e: DragEvent<HTMLElement>) => void;
  onDrop: (e: DragEvent<HTMLElement>) => void;
}

export interface DragActions {
  moveBlock: (blockId: string, sectionId: string, beforeBlockId: string | null) => void;
  moveSection: (sectionId: string, beforeSectionId: string | null) => void;
}

const half = (e: DragEvent<HTMLElement>): 'before' | 'after' => {
  const box = e.currentTarget.getBoundingClientRect();
  return e.clientY < box.top + box.height / 2 ? 'before' : 'after';
};

const sameTarget = (a: DropTarget | null, b: DropTarget) => JSON.stringify(a) === JSON.stringify(b);

export function useDossierDrag(actions: DragActions): DragHandlers {
  // The payload cannot be read during dragover (only on drop), so the dragged item is also kept here.
  const current = useRef<{ kind: 'block' | 'section'; id: string } | null>(null);
  const [dragging, setDragging] = useState<{ kind: 'block' | 'section'; id: string } | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const show = useCallback((t: DropTarget) => setDrop((d) => (sameTarget(d, t) ? d : t)), []);
  const end = useCallback(() => {
    current.current = null;
    setDragging(null);
    setDrop(null);
  }, []);

  const handle = (kind: 'block' | 'section') => (id: string, card: () => HTMLElement | null): HandleProps => ({
    draggable: true,
    onDragStart: (e) => {
      e.stopPropagation();
      e.dataTransfer.setData(kind === 'block' ? BLOCK_TYPE : SECTION_TYPE, id);
      e.dataTransfer.setData('text/plain', id);
      e.dataTransfer.effectAllowed = 'move';
      const el = card();
      if (el) e.dataTransfer.setDragImage(el, 16, 16);
      current.current = { kind, id };
      setDragging({ kind, id });
    },
    onDragEnd: end,
  });

  const accept = (e: DragEvent<HTMLElement>, kind: 'block' | 'section') => {
    if (current.current?.kind !== kind) return false;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    return true;
  };

  return {
    blockHandle: handle('block'),
    sectionHandle: handle('section'),
    blockTarget: (sectionId, blockId, nextId) => ({
      onDragOver: (e) => {
        if (accept(e, 'block')) show({ kind: 'block', blockId, where: half(e) });
      },
      onDrop: (e) => {
        if (!accept(e, 'block')) return;
        const moving = current.current!.id;
        const before = half(e) === 'before' ? blockId : nextId;
        end();
        if (moving !== blockId) actions.moveBlock(moving, sectionId, before);
      },
    }),
    sectionEndTarget: (sectionId) => ({
      onDragOver: (e) => {
        if (accept(e, 'block')) show({ kind: 'section-end', sectionId });
      },
      onDrop: (e) => {
        if (!accept(e, 'block')) return;
        const moving = current.current!.id;
        end();
        actions.moveBlock(moving, sectionId, null);
      },
    }),
    sectionTarget: (sectionId, nextId) => ({
      onDragOver: (e) => {
        if (accept(e, 'section')) show({ kind: 'section', sectionId, where: half(e) });
      },
      onDrop: (e) => {
        if (!accept(e, 'section')) return;
        const moving = current.current!.id;
        const before = half(e) === 'before' ? sectionId : nextId;
        end();
        if (moving !== sectionId) actions.moveSection(moving, before);
      },
    }),
    drop,
    dragging,
  };
}
