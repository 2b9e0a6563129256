/** The word diff between two versions: exact reconstruction, word granularity, elision, stats, and 1 MB texts. */
import { describe, expect, it } from 'vitest';
import { diffWordsWithSpace } from 'diff';
import { elide, fullTextDiff, paragraphTokens, textDiff } from './text-diff';
import { createPrng, randomInt } from '../../../tests/support/synthetic-text';

const side = (parts: Array<{ op: string; text: string }>, drop: 'insert' | 'delete') =>
  parts.filter((p) => p.op !== drop).map((p) => p.text).join('');

/** Seeded prose in paragraphs of 40–120 words; distinct openings so paragraphs are told apart. */
function prose(seed: number, chars: number): string[] {
  const words = ['the', 'committee', 'heard', 'evidence', 'over', 'several', 'sessions', 'about', 'supply', 'routes',
    'financing', 'and', 'role', 'of', 'intermediaries', 'in', 'region', 'minister', 'said', 'border', 'Türkiye', 'café'];
  const random = createPrng(seed);
  const paras: string[] = [];
  let length = 0;
  while (length < chars) {
    const n = randomInt(random, 40, 120);
    const w = Array.from({ length: n }, () => words[randomInt(random, 0, words.length - 1)]!);
    const p = `Paragraph ${paras.length} ${w.join(' ')}.`;
    paras.push(p);
    length += p.length + 2;
  }
  return paras;
}

describe('textDiff', () => {
  it('gives word-level changes that rebuild both texts exactly, with stats', () => {
    const before = 'The minister denied the report on Monday.\n\nA second paragraph stays.\n';
    const after = 'The minister confirmed the report on Tuesday.\n\nA second paragraph stays.\n';
    const parts = fullTextDiff(before, after);
    expect(side(parts, 'insert')).toBe(before);
    expect(side(parts, 'delete')).toBe(after);
    // Words and punctuation are separate tokens: the full stop is unchanged.
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['denied', 'Monday']);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['confirmed', 'Tuesday']);
    const d = textDiff(before, after);
    expect(d.stats).toEqual({
      deletedChars: parts.filter((p) => p.op === 'delete').reduce((n, p) => n + p.text.length, 0),
      insertedChars: parts.filter((p) => p.op === 'insert').reduce((n, p) => n + p.text.length, 0),
      unchangedChars: parts.filter((p) => p.op === 'equal').reduce((n, p) => n + p.text.length, 0),
    });
    expect(d.stats.unchangedChars).toBeGreaterThan(40);
  });

  it('identical texts: one elided run and no changes; empty to text: all inserted', () => {
    const text = prose(1, 5_000).join('\n\n');
    expect(textDiff(text, text)).toEqual({
      parts: [{ op: 'equal', text: '', elided: text.length }],
      stats: { insertedChars: 0, deletedChars: 0, unchangedChars: text.length },
    });
    expect(textDiff('', 'New text.').parts).toEqual([{ op: 'insert', text: 'New text.' }]);
  });

  it('elides long unchanged runs to context on each side, as separate parts the view can draw', () => {
    const paras = prose(2, 20_000);
    const after = [...paras];
    after[10] = after[10]!.replace(/ the /, ' THE ');
    const before = paras.join('\n\n');
    const d = textDiff(before, after.join('\n\n'), 100);
    const elided = d.parts.filter((p) => p.elided);
    expect(elided).toHaveLength(2);
    for (const e of elided) expect(e).toMatchObject({ op: 'equal', text: '' });
    // Kept context + elided counts add up to the unchanged text; the kept context is short.
    const kept = d.parts.filter((p) => p.op === 'equal' && !p.elided).reduce((n, p) => n + p.text.length, 0);
    expect(kept + elided.reduce((n, p) => n + p.elided!, 0)).toBe(d.stats.unchangedChars);
    expect(kept).toBeLessThan(400);
    expect(d.parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual(['the']);
    expect(d.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['THE']);
    // The context stops at word breaks.
    const head = d.parts[d.parts.findIndex((p) => p.op === 'insert') + 1]!;
    expect(head.text.endsWith(' ') || /\S$/.test(head.text)).toBe(true);
    expect(elide([{ op: 'equal', text: 'short' }, { op: 'insert', text: 'x' }], 100)).toEqual([{ op: 'equal', text: 'short' }, { op: 'insert', text: 'x' }]);
  });

  it('finds the same changes as one jsdiff word diff of the whole text when paragraphs keep their openings', () => {
    const before = prose(3, 1_500).join('\n\n');
    const after = before.replace('Paragraph 2', 'Paragraph two').replace(/committee/g, 'panel');
    const ours = fullTextDiff(before, after);
    const changed = (ps: Array<{ op: string; text: string }>) => ps.filter((p) => p.op !== 'equal').map((p) => `${p.op}:${p.text.trim()}`).sort();
    const theirs = diffWordsWithSpace(before, after).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
    expect(changed(ours)).toEqual(changed(theirs));
  });

  it('cuts an over-long paragraph after sentence ends so the tokens still join back to it', () => {
    const para = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} says something short.`).join(' ');
    const tokens = paragraphTokens(`${para}\n\nNext.`);
    expect(tokens.join('')).toBe(`${para}\n\nNext.`);
    expect(tokens.length).toBeGreaterThan(4);
    expect(Math.max(...tokens.map((t) => t.length))).toBeLessThanOrEqual(4_000);
    const noStops = 'word '.repeat(3_000);
    expect(paragraphTokens(noStops).join('')).toBe(noStops);
  });

  describe('1 MB texts', () => {
    const paras = prose(4, 1_000_000);
    const before = paras.join('\n\n');

    it('a removed, an edited, a moved and an added paragraph: exact rebuild and the changes named', () => {
      const after = [...paras];
      const moved = after.splice(200, 1)[0]!;
      after.splice(900, 0, moved);
      const removed = after.splice(500, 1)[0]!;
      after[1200] = after[1200]!.replace(/^(Paragraph \d+ \S+ \S+)/, '$1 INSERTED');
      after.push('A new closing paragraph.');
      const text = after.join('\n\n');
      const parts = fullTextDiff(before, text);
      expect(side(parts, 'insert')).toBe(before);
      expect(side(parts, 'delete')).toBe(text);
      const inserted = parts.filter((p) => p.op === 'insert').map((p) => p.text).join('|');
      const deleted = parts.filter((p) => p.op === 'delete').map((p) => p.text).join('|');
      expect(inserted).toContain('INSERTED');
      expect(inserted).toContain('A new closing paragraph.');
      expect(deleted).toContain(removed);
      expect(inserted).toContain(moved);
      const d = textDiff(before, text);
      expect(d.stats.unchangedChars).toBeGreaterThan(0.99 * before.length - 2 * moved.length);
      expect(d.parts.length).toBeLessThan(40);
    });

    it('every paragraph edited: still word level (paragraphs paired by their openings), exact rebuild', () => {
      const after = paras.map((p) => p.replace(/ (\S+)\.$/, ' CHANGED.')).join('\n\n');
      const parts = fullTextDiff(before, after);
      expect(side(parts, 'insert')).toBe(before);
      expect(side(parts, 'delete')).toBe(after);
      const inserted = parts.filter((p) => p.op === 'insert');
      expect(inserted.length).toBe(paras.length);
      expect(inserted.every((p) => p.text === 'CHANGED')).toBe(true);
    });

    it('two unrelated texts: removed and added whole, exact rebuild', () => {
      const other = prose(5, 1_000_000).map((p) => p.replace(/^Paragraph/, 'Section')).join('\n\n');
      const parts = fullTextDiff(before, other);
      expect(side(parts, 'insert')).toBe(before);
      expect(side(parts, 'delete')).toBe(other);
    });

    it('one 1 MB paragraph with no line breaks and a few edits: the edits, not a rewrite', () => {
      const line = paras.join(' ');
      const edited = line.replace('Paragraph 100 ', 'Paragraph 100 EDIT ').replace('Paragraph 1500 ', 'Paragraph 1500 EDIT ');
      const parts = fullTextDiff(line, edited);
      expect(side(parts, 'delete')).toBe(edited);
      expect(parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['EDIT', 'EDIT']);
      expect(parts.filter((p) => p.op === 'delete')).toEqual([]);
    });
  });
});
