import { describe, expect, it } from 'vitest';
import { characterErrorRate, joinLines, paragraphsOfBlocks, shapeBlocks, type OcrLine } from './ocrText';

const line = (text: string, top: number, paragraph = 0): OcrLine => ({ text, paragraph, top, bottom: top + 40 });

describe('OCR text shaping', () => {
  it('joins lines with spaces, and a line ending in letter-hyphen to the next without one', () => {
    expect(joinLines(['The  report', 'was well-', 'known; pages 10 -', '12'])).toBe('The report was well-known; pages 10 - 12');
  });

  it('starts a paragraph at a blank-line gap, at tesseract\'s paragraph breaks and at each block', () => {
    // Lines 50 px apart (gap 10 px), then a gap of 60 px; a second tesseract paragraph; then a second block.
    const first = [line('one', 0), line('two', 50), line('three', 150), line('four', 200, 1)];
    const second = [line('five', 400)];
    expect(paragraphsOfBlocks([first, second])).toEqual([['one', 'two'], ['three'], ['four'], ['five']]);
    expect(shapeBlocks([first, second])).toBe('one two\n\nthree\n\nfour\n\nfive');
  });

  it('splits a page of two lines, or of one-line paragraphs, at blank-line gaps (too few ordinary gaps to compare)', () => {
    expect(shapeBlocks([[line('first', 0), line('second', 120)]])).toBe('first\n\nsecond');
    expect(shapeBlocks([[line('a', 0), line('b', 120), line('c', 240), line('d', 360)]])).toBe('a\n\nb\n\nc\n\nd');
  });

  it('keeps evenly spaced lines in one paragraph', () => {
    expect(shapeBlocks([[line('a', 0), line('b', 60), line('c', 120), line('d', 180)]])).toBe('a b c d');
  });

  it('measures the character error rate in code points', () => {
    expect(characterErrorRate('Erdoğan', 'Erdogan')).toBeCloseTo(1 / 7);
    expect(characterErrorRate('Қазақстан', 'Қазақстан')).toBe(0);
    expect(characterErrorRate('', 'x')).toBe(1);
  });
});
