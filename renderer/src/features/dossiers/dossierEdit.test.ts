import { describe, expect, it } from 'vitest';
import type { DossierSection } from '../../../../shared/domain/types';
import {
  appendBlock, findBlock, moveBlockBy, moveBlockTo, moveSectionBy, moveSectionTo, orderOf, removeBlock, removeSection, renameSection, setBlockText,
} from './dossierEdit';

const block = (id: string) => ({ id, kind: 'text' as const, text: id, refId: null });
const sections: DossierSection[] = [
  { id: 'A', title: 'Alpha', blocks: [block('a1'), block('a2'), block('a3')] },
  { id: 'B', title: 'Beta', blocks: [] },
  { id: 'C', title: 'Gamma', blocks: [block('c1')] },
];

describe('moving blocks', () => {
  it('moves a block down and up within its section', () => {
    expect(orderOf(moveBlockBy(sections, 'a1', 1)!)).toEqual(['s:A', 'a2', 'a1', 'a3', 's:B', 's:C', 'c1']);
    expect(orderOf(moveBlockBy(sections, 'a3', -1)!)).toEqual(['s:A', 'a1', 'a3', 'a2', 's:B', 's:C', 'c1']);
  });

  it('crosses into the neighbouring section at an edge, and stops at the ends of the dossier', () => {
    expect(orderOf(moveBlockBy(sections, 'a3', 1)!)).toEqual(['s:A', 'a1', 'a2', 's:B', 'a3', 's:C', 'c1']);
    expect(orderOf(moveBlockBy(sections, 'c1', -1)!)).toEqual(['s:A', 'a1', 'a2', 'a3', 's:B', 'c1', 's:C']);
    expect(moveBlockBy(sections, 'a1', -1)).toBeNull();
    expect(moveBlockBy(sections, 'c1', 1)).toBeNull();
    expect(moveBlockBy(sections, 'nope', 1)).toBeNull();
  });

  it('moves a block before another block of another section, or to its end', () => {
    expect(orderOf(moveBlockTo(sections, 'a2', 'C', 'c1')!)).toEqual(['s:A', 'a1', 'a3', 's:B', 's:C', 'a2', 'c1']);
    expect(orderOf(moveBlockTo(sections, 'a1', 'A', null)!)).toEqual(['s:A', 'a2', 'a3', 'a1', 's:B', 's:C', 'c1']);
    expect(orderOf(moveBlockTo(sections, 'c1', 'B', null)!)).toEqual(['s:A', 'a1', 'a2', 'a3', 's:B', 'c1', 's:C']);
  });

  it('reports a drop that changes nothing as null and leaves the input untouched', () => {
    expect(moveBlockTo(sections, 'a2', 'A', 'a3')).toBeNull();
    expect(moveBlockTo(sections, 'a2', 'A', 'a2')).toBeNull();
    expect(moveBlockTo(sections, 'a2', 'Z', null)).toBeNull();
    expect(orderOf(sections)).toEqual(['s:A', 'a1', 'a2', 'a3', 's:B', 's:C', 'c1']);
  });
});

describe('moving sections', () => {
  it('moves by one step within bounds', () => {
    expect(moveSectionBy(sections, 'B', -1)!.map((s) => s.id)).toEqual(['B', 'A', 'C']);
    expect(moveSectionBy(sections, 'B', 1)!.map((s) => s.id)).toEqual(['A', 'C', 'B']);
    expect(moveSectionBy(sections, 'A', -1)).toBeNull();
    expect(moveSectionBy(sections, 'C', 1)).toBeNull();
  });

  it('moves before another section or to the end, keeping its blocks', () => {
    const moved = moveSectionTo(sections, 'C', 'A')!;
    expect(orderOf(moved)).toEqual(['s:C', 'c1', 's:A', 'a1', 'a2', 'a3', 's:B']);
    expect(moveSectionTo(sections, 'A', null)!.map((s) => s.id)).toEqual(['B', 'C', 'A']);
    expect(moveSectionTo(sections, 'A', 'B')).toBeNull();
  });
});

describe('editing', () => {
  it('renames, removes, appends and edits text without touching other sections', () => {
    expect(renameSection(sections, 'B', 'Bravo')[1]!.title).toBe('Bravo');
    expect(removeSection(sections, 'B').map((s) => s.id)).toEqual(['A', 'C']);
    expect(orderOf(appendBlock(sections, 'B', block('b1')))).toContain('b1');
    expect(findBlock(appendBlock(sections, 'B', block('b1')), 'b1')).toEqual({ sectionIndex: 1, blockIndex: 0 });
    const edited = setBlockText(sections, 'a2', 'changed');
    expect(edited[0]!.blocks[1]!.text).toBe('changed');
    expect(edited[2]).toBe(sections[2]);
    expect(orderOf(removeBlock(sections, 'a2'))).toEqual(['s:A', 'a1', 'a3', 's:B', 's:C', 'c1']);
  });
});
