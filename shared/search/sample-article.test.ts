/** Tests: search over the seed article (folded names, phrases, snippets at word boundaries). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeSource } from '../../tests/support/search-fixtures';
import { SearchIndex } from './index';

const text = readFileSync(fileURLToPath(new URL('../../seeds/sample-article.txt', import.meta.url)), 'utf8');
const index = new SearchIndex();
index.upsertSource(makeSource('article', text, { title: 'Türkiye to support Kazakhstan', publishedAt: '2022-10-12' }), text);
const paragraphs = text.split('\n').filter((p) => p.trim());

describe('sample article', () => {
  it('finds the paragraphs with Erdoğan when searching Erdogan, each hit opening on the word', () => {
    const hits = index.search('Erdogan', { limit: 100 });
    const expected = paragraphs.filter((p) => p.includes('Erdoğan')).length;
    expect(hits).toHaveLength(expected);
    for (const hit of hits) {
      expect(text.slice(hit.start, hit.end)).toBe('Erdoğan');
      expect(hit.matches.length).toBeGreaterThan(0);
      for (const m of hit.matches) expect(hit.snippet.slice(m.start, m.end)).toBe('Erdoğan');
    }
  });

  it('finds the Çavuşoğlu paragraph for "just peace"', () => {
    const hits = index.search('"just peace"');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.snippet.includes('Çavuşoğlu called for a "just peace"'))).toBe(true);
    for (const hit of hits) {
      expect(text.slice(hit.start, hit.end)).toBe('just peace');
      expect(hit.matches.map((m) => hit.snippet.slice(m.start, m.end))).toContain('just peace');
    }
  });

  it('finds Çavuşoğlu typed without diacritics, and as a prefix while typing', () => {
    const full = index.search('cavusoglu');
    expect(full).toHaveLength(2);
    expect(index.search('cavus').map((h) => h.start)).toEqual(full.map((h) => h.start));
  });

  it('keeps snippets near 160 characters and cut at word boundaries', () => {
    for (const hit of index.search('Kazakhstan', { limit: 50 })) {
      expect(hit.snippet.length).toBeLessThanOrEqual(162);
      const inner = hit.snippet.replace(/^…/, '').replace(/…$/, '');
      expect(text).toContain(inner);
      const at = text.indexOf(inner);
      expect(at === 0 || /\s/.test(text.charAt(at - 1))).toBe(true);
      const end = at + inner.length;
      expect(end === text.length || /\s/.test(text.charAt(end))).toBe(true);
    }
  });
});
