import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestEntities, type EntitySuggestion, type KnownEntity } from './index';

const sample = readFileSync(new URL('../../seeds/sample-article.txt', import.meta.url), 'utf8');
const heldOut = readFileSync(new URL('./eval/heldout-article.txt', import.meta.url), 'utf8');
const sampleSuggestions = suggestEntities(sample);

const byName = (list: EntitySuggestion[], name: string): EntitySuggestion | undefined => list.find((s) => s.name === name);
const names = (list: EntitySuggestion[]): string[] => list.map((s) => s.name);
const allForms = (list: EntitySuggestion[]): string[] => list.flatMap((s) => [s.name, ...s.variants]);

describe('suggestEntities: normalisation', () => {
  it('keeps diacritics exactly', () => {
    const found = suggestEntities('Foreign Minister Mevlüt Çavuşoğlu met Ms İpek Şahin in İzmir on Monday.');
    expect(names(found)).toEqual(expect.arrayContaining(['Mevlüt Çavuşoğlu', 'İpek Şahin', 'İzmir']));
    expect(names(sampleSuggestions)).toEqual(expect.arrayContaining(['Türkiye', 'Recep Tayyip Erdoğan', 'Mevlüt Çavuşoğlu']));
  });

  it("strips possessives ('s and ’s) from names and occurrences", () => {
    const text = "Erdoğan's visit shows Türkiye's reach. Erdoğan’s team met Kazakhstan’s envoy in Ankara.";
    const found = suggestEntities(text);
    const erdogan = byName(found, 'Erdoğan');
    expect(erdogan?.variants).toEqual(['Erdoğan']);
    expect(erdogan?.mentions).toBe(2);
    expect(erdogan?.occurrences.map((o) => text.slice(o.start, o.end))).toEqual(['Erdoğan', 'Erdoğan']);
    expect(byName(found, 'Türkiye')?.variants).toEqual(['Türkiye']);
    expect(byName(found, 'Kazakhstan')?.variants).toEqual(['Kazakhstan']);
  });

  it('returns no punctuation fragments such as Kazakhstan,"', () => {
    for (const form of allForms(sampleSuggestions)) {
      expect(form, form).toMatch(/^[\p{L}\p{N}](?:.*[\p{L}\p{N}.])?$/u);
      expect(form).not.toMatch(/["“”,;:()]/);
    }
  });

  it('never returns bare titles, and titles are not part of names', () => {
    const found = suggestEntities('President Recep Tayyip Erdoğan spoke. The President said Mr Bloggs and Foreign Minister Jane Doe agreed.');
    expect(names(found)).toEqual(expect.arrayContaining(['Recep Tayyip Erdoğan', 'Bloggs', 'Jane Doe']));
    for (const form of [...allForms(found), ...allForms(sampleSuggestions)]) {
      expect(form).not.toMatch(/^(President|Minister|Foreign Minister|Mr|Ms|Kremlin spokesperson)\b/);
    }
    expect(byName(found, 'Bloggs')?.type).toBe('person');
  });

  it('does not turn adjectives, sentence-initial common words, days or months into entities', () => {
    const rejected = ['Turkish', 'Kazakh', 'Western', 'Ukrainian', 'Turkic', 'Russian', 'Soviet', 'The', 'During',
      'Thanks', 'Meanwhile', 'Established', 'Unfortunately', 'Preparations', 'It', 'This', 'Ahead', 'Wednesday',
      'Thursday', 'Tuesday', 'Monday', 'March', 'May', 'June', 'February', 'Oct', 'President', 'I'];
    for (const word of rejected) expect(names(sampleSuggestions), word).not.toContain(word);
  });

  it('skips ALL-CAPS headline lines', () => {
    expect(names(suggestEntities(heldOut))).not.toEqual(expect.arrayContaining(['AGREE']));
    expect(allForms(suggestEntities(heldOut)).some((f) => /DEAL|AGREE|TRANSPORT/.test(f))).toBe(false);
  });
});

describe('suggestEntities: merging', () => {
  it('folds surnames into the full name, keeps hyphenated first names', () => {
    const tokayev = byName(sampleSuggestions, 'Kassym-Jomart Tokayev');
    expect(tokayev?.variants).toEqual(expect.arrayContaining(['Tokayev', 'Kassym-Jomart Tokayev']));
    expect(tokayev?.type).toBe('person');
    expect(names(sampleSuggestions)).not.toContain('Tokayev');
    expect(names(sampleSuggestions)).not.toContain('Erdoğan');
  });

  it('folds partial names through the longest one', () => {
    const found = suggestEntities('President Recep Tayyip Erdoğan arrived. Tayyip Erdoğan spoke. Later Erdoğan left.');
    const erdogan = byName(found, 'Recep Tayyip Erdoğan');
    expect(erdogan?.mentions).toBe(3);
    expect(found).toHaveLength(1);
  });

  it('leaves a surname alone when two people share it', () => {
    const found = suggestEntities('Bill Clinton met Hillary Clinton in Boston. Later, Clinton said no.');
    expect(names(found)).toEqual(expect.arrayContaining(['Bill Clinton', 'Hillary Clinton', 'Clinton']));
  });

  it('splits place compounds but keeps them inside institution names', () => {
    const found = suggestEntities('A Russia-Ukraine swap preceded the Türkiye-Kazakhstan Strategic Cooperation Council meeting.');
    expect(names(found)).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'Türkiye', 'Kazakhstan',
      'Türkiye-Kazakhstan Strategic Cooperation Council']));
    expect(names(found)).not.toContain('Russia-Ukraine');
  });

  it('links an acronym in parentheses to its long form', () => {
    const found = suggestEntities('Loans from the European Bank for Reconstruction and Development (EBRD) grew. The EBRD said so.');
    const ebrd = byName(found, 'European Bank for Reconstruction and Development');
    expect(ebrd?.variants).toEqual(expect.arrayContaining(['EBRD']));
    expect(ebrd?.mentions).toBe(3);
    expect(ebrd?.type).toBe('organisation');
  });

  it('merges a gazetteer alias with the modern name (Turkey → Türkiye)', () => {
    const found = suggestEntities('Türkiye, formerly called Turkey in English, borders Georgia. Turkey is a NATO member.');
    const turkiye = byName(found, 'Türkiye');
    expect(turkiye?.variants).toEqual(expect.arrayContaining(['Türkiye', 'Turkey']));
    expect(turkiye?.mentions).toBe(3);
  });
});

describe('suggestEntities: types', () => {
  it('types people, places, organisations and events', () => {
    const text = 'Kremlin spokesperson Dmitry Peskov met Kazakh counterpart Kassym-Jomart Tokayev in Czechia and Eswatini. '
      + 'Halyk Bank, Nazarbayev University and the Ministry of Energy attended the Munich Security Conference, '
      + 'which recalled World War II and the Paris Peace Forum.';
    const found = suggestEntities(text);
    const typeOf = (name: string): string | undefined => byName(found, name)?.type;
    expect(typeOf('Dmitry Peskov')).toBe('person');
    expect(typeOf('Kassym-Jomart Tokayev')).toBe('person');
    expect(typeOf('Kremlin')).toBe('organisation');
    expect(typeOf('Czechia')).toBe('place');
    expect(typeOf('Eswatini')).toBe('place');
    expect(typeOf('Halyk Bank')).toBe('organisation');
    expect(typeOf('Nazarbayev University')).toBe('organisation');
    expect(typeOf('Ministry of Energy')).toBe('organisation');
    expect(typeOf('Munich Security Conference')).toBe('event');
    expect(typeOf('World War II')).toBe('event');
    expect(typeOf('Paris Peace Forum')).toBe('event');
  });
});

describe('suggestEntities: known entities', () => {
  const known: KnownEntity[] = [
    { id: 'k-erdogan', name: 'Recep Tayyip Erdogan', aliases: ['Erdogan'], type: 'person' },
    { id: 'k-turkiye', name: 'TURKIYE', aliases: [], type: 'place' },
    { id: 'k-kz', name: 'Republic of Kazakhstan', aliases: ['kazakhstan'], type: 'place' },
    { id: 'k-acme', name: 'Acme Widgets', aliases: [], type: 'organisation' },
  ];

  it('matches names and aliases case- and diacritic-insensitively', () => {
    const found = suggestEntities(sample, known);
    expect(byName(found, 'Recep Tayyip Erdoğan')?.matchesEntityId).toBe('k-erdogan');
    expect(byName(found, 'Türkiye')?.matchesEntityId).toBe('k-turkiye');
    expect(byName(found, 'Kazakhstan')?.matchesEntityId).toBe('k-kz');
    expect(byName(found, 'Vladimir Putin')?.matchesEntityId).toBeNull();
  });

  it("matches 'Erdogan' in text to a known 'Erdoğan', and takes the known type", () => {
    const found = suggestEntities('Erdogan met the board of Acme Widgets. Acme Widgets said Erdogan agreed.', [
      { id: 'k1', name: 'Erdoğan', aliases: [], type: 'person' },
      { id: 'k2', name: 'acme widgets', aliases: [], type: 'organisation' },
    ]);
    expect(byName(found, 'Erdogan')?.matchesEntityId).toBe('k1');
    expect(byName(found, 'Erdogan')?.type).toBe('person');
    expect(byName(found, 'Acme Widgets')?.type).toBe('organisation');
    expect(byName(found, 'Acme Widgets')?.matchesEntityId).toBe('k2');
  });
});

describe('suggestEntities: shape', () => {
  it('points every occurrence at the exact surface text of a variant', () => {
    for (const [text, list] of [[sample, sampleSuggestions], [heldOut, suggestEntities(heldOut)]] as const) {
      for (const s of list) {
        expect(s.mentions).toBe(s.occurrences.length);
        let previous = -1;
        for (const o of s.occurrences) {
          expect(s.variants).toContain(text.slice(o.start, o.end).replace(/\s+/g, ' '));
          expect(o.start).toBeGreaterThanOrEqual(previous);
          previous = o.start;
        }
        expect(s.confidence).toBeGreaterThan(0);
        expect(s.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('sorts by mentions, most first', () => {
    const counts = sampleSuggestions.map((s) => s.mentions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('joins a name hard-wrapped across lines, with exact occurrences', () => {
    const text = 'Officials said on Wednesday that the visiting President Recep\nTayyip Erdoğan would see\nKassym-Jomart Tokayev. Erdoğan left.';
    const erdogan = byName(suggestEntities(text), 'Recep Tayyip Erdoğan');
    expect(erdogan?.mentions).toBe(2);
    expect(erdogan?.occurrences.map((o) => text.slice(o.start, o.end))).toEqual(['Recep\nTayyip Erdoğan', 'Erdoğan']);
  });

  it('handles empty and name-less text', () => {
    expect(suggestEntities('')).toEqual([]);
    expect(suggestEntities('nothing here is capitalised, not even this.')).toEqual([]);
  });

  // How its time grows with size is a benchmark figure (npm run bench -- --only suggest), not a unit test.
  it('gives the same answers on a 1 MB text (the sample repeated), with every mention counted', () => {
    const copies = Math.ceil(1_000_000 / sample.length);
    const big = Array.from({ length: copies }, () => sample).join('\n');
    const found = suggestEntities(big);
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    expect(byName(found, 'Recep Tayyip Erdoğan')?.mentions).toBe(17 * copies);
    expect(names(found).slice(0, 3)).toEqual(names(sampleSuggestions).slice(0, 3));
    expect(found.length).toBe(sampleSuggestions.length);
  });
});
