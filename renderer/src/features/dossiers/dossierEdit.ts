/** Pure edits of a dossier's sections (reorder, move between sections, add, rename, delete): every change returns new arrays. */
import type { DossierBlock, DossierSection } from '../../../../shared/domain/types';

export type Sections = readonly DossierSection[];

export interface BlockPlace {
  sectionIndex: number;
  blockIndex: number;
}

export function findBlock(sections: Sections, blockId: string): BlockPlace | null {
  for (const [sectionIndex, s] of sections.entries()) {
    const blockIndex = s.blocks.findIndex((b) => b.id === blockId);
    if (blockIndex >= 0) return { sectionIndex, blockIndex };
  }
  return null;
}

const withBlocks = (s: DossierSection, blocks: DossierBlock[]): DossierSection => ({ ...s, blocks });

/**
 * Moves a block one step. At the edge of its section it crosses into the neighbouring section
 * (end of the previous one, start of the next one), so the keyboard alone can reach every place.
 * Returns null when there is nowhere to go.
 */
export function moveBlockBy(sections: Sections, blockId: string, delta: -1 | 1): DossierSection[] | null {
  const at = findBlock(sections, blockId);
  if (!at) return null;
  const section = sections[at.sectionIndex]!;
  const target = at.blockIndex + delta;
  if (target >= 0 && target < section.blocks.length) {
    const blocks = [...section.blocks];
    const [block] = blocks.splice(at.blockIndex, 1);
    blocks.splice(target, 0, block!);
    return sections.map((s, i) => (i === at.sectionIndex ? withBlocks(s, blocks) : s));
  }
  const neighbour = sections[at.sectionIndex + delta];
  if (!neighbour) return null;
  return moveBlockTo(sections, blockId, neighbour.id, delta === -1 ? null : neighbour.blocks[0]?.id ?? null);
}

/** Moves a block into a section, before `beforeBlockId` (null = at the end). */
export function moveBlockTo(sections: Sections, blockId: string, sectionId: string, beforeBlockId: string | null): DossierSection[] | null {
  if (blockId === beforeBlockId) return null;
  const at = findBlock(sections, blockId);
  if (!at || !sections.some((s) => s.id === sectionId)) return null;
  const block = sections[at.sectionIndex]!.blocks[at.blockIndex]!;
  const without = sections.map((s, i) => (i === at.sectionIndex ? withBlocks(s, s.blocks.filter((b) => b.id !== blockId)) : s));
  const next = without.map((s) => {
    if (s.id !== sectionId) return s;
    const index = beforeBlockId === null ? -1 : s.blocks.findIndex((b) => b.id === beforeBlockId);
    const blocks = [...s.blocks];
    blocks.splice(index < 0 ? blocks.length : index, 0, block);
    return withBlocks(s, blocks);
  });
  return sameOrder(sections, next) ? null : next;
}

export function moveSectionBy(sections: Sections, sectionId: string, delta: -1 | 1): DossierSection[] | null {
  const index = sections.findIndex((s) => s.id === sectionId);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= sections.length) return null;
  const next = [...sections];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved!);
  return next;
}

/** Moves a section before another (null = to the end). */
export function moveSectionTo(sections: Sections, sectionId: string, beforeSectionId: string | null): DossierSection[] | null {
  if (sectionId === beforeSectionId) return null;
  const moving = sections.find((s) => s.id === sectionId);
  if (!moving) return null;
  const next = sections.filter((s) => s.id !== sectionId);
  const index = beforeSectionId === null ? -1 : next.findIndex((s) => s.id === beforeSectionId);
  next.splice(index < 0 ? next.length : index, 0, moving);
  return sameOrder(sections, next) ? null : next;
}

export const addSection = (sections: Sections, section: DossierSection): DossierSection[] => [...sections, section];

export const renameSection = (sections: Sections, sectionId: string, title: string): DossierSection[] =>
  sections.map((s) => (s.id === sectionId ? { ...s, title } : s));

export const removeSection = (sections: Sections, sectionId: string): DossierSection[] => sections.filter((s) => s.id !== sectionId);

export const appendBlock = (sections: Sections, sectionId: string, block: DossierBlock): DossierSection[] =>
  sections.map((s) => (s.id === sectionId ? withBlocks(s, [...s.blocks, block]) : s));

export const setBlockText = (sections: Sections, blockId: string, text: string): DossierSection[] =>
  sections.map((s) => (s.blocks.some((b) => b.id === blockId) ? withBlocks(s, s.blocks.map((b) => (b.id === blockId ? { ...b, text } : b))) : s));

export const removeBlock = (sections: Sections, blockId: string): DossierSection[] =>
  sections.map((s) => (s.blocks.some((b) => b.id === blockId) ? withBlocks(s, s.blocks.filter((b) => b.id !== blockId)) : s));

/** The order of sections and blocks as one comparable list of ids. */
export const orderOf = (sections: Sections): string[] => sections.flatMap((s) => [`s:${s.id}`, ...s.blocks.map((b) => b.id)]);

function sameOrder(a: Sections, b: Sections): boolean {
  const x = orderOf(a);
  const y = orderOf(b);
  return x.length === y.length && x.every((id, i) => id === y[i]);
}
