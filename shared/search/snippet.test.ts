/** Tests: snippet windows, word-boundary cuts and match ranges. */
import { describe, expect, it } from 'vitest';
import { makeSnippet, SNIPPET_LENGTH } from './snippet';

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');

describe('makeSnippet', () => {
  it('returns short text whole, with folded matches mapped to the original spelling', () => {
    const text = 'President Erdoğan met Tokayev.';
    const s = makeSnippet(text, { words: new Set(['erdogan']), phrases: [] });
    expect(s.snippet).toBe(text);
    expect(s.matches.map((m) => s.snippet.slice(m.start, m.end))).toEqual(['Erdoğan']);
    expect(s.best).toEqual({ start: 10, end: 17 });
  });

  it('centres long text on the best match and cuts at word boundaries', () => {
    const text = `${filler(60)} Çavuşoğlu called for a just peace today. ${filler(60)}`;
    const s = makeSnippet(text, { words: new Set(['cavusoglu']), phrases: [['just', 'peace']] });
    expect(s.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(s.snippet.startsWith('…filler')).toBe(true);
    expect(s.snippet.endsWith('…')).toBe(true);
    // Whole words at both ends.
    expect(s.snippet.slice(1, -1)).toMatch(/^filler\d+ .* filler\d+$/);
    expect(s.matches.map((m) => s.snippet.slice(m.start, m.end))).toEqual(['Çavuşoğlu', 'just peace']);
  });

  it('prefers the window holding more distinct query words', () => {
    const text = `Kazakhstan once. ${filler(40)} Later Kazakhstan and Türkiye together. ${filler(40)}`;
    const s = makeSnippet(text, { words: new Set(['kazakhstan', 'turkiye']), phrases: [] });
    expect(s.matches.map((m) => s.snippet.slice(m.start, m.end))).toEqual(['Kazakhstan', 'Türkiye']);
    expect(text.slice(s.best?.start, s.best?.end)).toBe('Kazakhstan');
    expect(s.best?.start).toBe(text.indexOf('Later Kazakhstan') + 6);
  });

  it('shows the beginning when nothing matches', () => {
    const text = filler(50);
    const s = makeSnippet(text, { words: new Set(['absent']), phrases: [] });
    expect(s.matches).toEqual([]);
    expect(s.best).toBeNull();
    expect(s.snippet.startsWith('filler0 ')).toBe(true);
  });
});
