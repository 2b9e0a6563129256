import { describe, expect, it } from 'vitest';
import { paragraphIndexAt, splitParagraphs } from './paragraphs';

describe('splitParagraphs', () => {
  it('splits on newlines and blank lines, keeping exact offsets', () => {
    const text = 'First line.\nSecond line.\n\n\nThird 👩‍👩‍👧 para.\r\nFourth';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'First line.', 'Second line.', 'Third 👩‍👩‍👧 para.', 'Fourth',
    ]);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3]);
  });

  it('skips whitespace-only lines but keeps leading spaces of real ones', () => {
    const text = '  \n   indented\n\t\n';
    const [only, ...rest] = splitParagraphs(text);
    expect(rest).toHaveLength(0);
    expect(text.slice(only!.start, only!.end)).toBe('   indented');
  });

  it('returns nothing for empty text', () => {
    expect(splitParagraphs('')).toEqual([]);
  });
});

describe('paragraphIndexAt', () => {
  const paragraphs = splitParagraphs('aaa\n\nbbb\nccc');
  it('finds the paragraph containing an offset, or the next one after a gap', () => {
    expect(paragraphIndexAt(paragraphs, 0)).toBe(0);
    expect(paragraphIndexAt(paragraphs, 2)).toBe(0);
    expect(paragraphIndexAt(paragraphs, 3)).toBe(1); // the newline after "aaa" belongs to no paragraph
    expect(paragraphIndexAt(paragraphs, 6)).toBe(1);
    expect(paragraphIndexAt(paragraphs, 10)).toBe(2);
    expect(paragraphIndexAt(paragraphs, 99)).toBe(-1);
  });
});
