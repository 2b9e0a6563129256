/** Tests: passage chunking keeps exact offsets and splits long paragraphs at sentences. */
import { describe, expect, it } from 'vitest';
import { chunkText, CHUNK_TARGET } from './chunk';

const sentence = (i: number): string => `Sentence number ${i} talks about Kazakhstan and Türkiye at some length here.`;

describe('chunkText', () => {
  it('makes one chunk per paragraph with exact start offsets', () => {
    const text = '  First paragraph.\n\nSecond one, Erdoğan.\n   \nThird.  ';
    const chunks = chunkText(text);
    expect(chunks.map((c) => c.text)).toEqual(['First paragraph.', 'Second one, Erdoğan.', 'Third.']);
    for (const c of chunks) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
  });

  it('splits long paragraphs at sentence boundaries near the target size', () => {
    const paragraph = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const text = `Intro.\n${paragraph}`;
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(CHUNK_TARGET);
      expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
      expect(c.text.endsWith('.')).toBe(true);
    }
    // Nothing is lost: the chunks cover every sentence.
    expect(chunks.map((c) => c.text).join(' ')).toBe(`Intro. ${paragraph}`);
  });

  it('splits a run-on sentence at whitespace', () => {
    const text = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(1500);
      expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
      expect(c.text).toMatch(/^word\d+/);
    }
  });

  it('returns nothing for blank text', () => {
    expect(chunkText(' \n\n ')).toEqual([]);
  });
});
