/** Tests of the one folding table (shared/text/fold), its offset-keeping variant, and that every user folds alike. */
import { describe, expect, it } from 'vitest';
import { foldString } from './fold';
import { foldWithOrigins, toOriginalRange } from './fold-origins';
import { foldForMatch } from '../nlp/fold';
import { foldText as searchFold } from '../search/fold';
import { findMentions, foldName } from '../domain/analysis/mentions';

/** [input, folded]: the letters each language needs, and the ones NFD alone gets wrong. */
const TABLE: Array<[string, string]> = [
  // Turkish: dotted capital İ, dotless ı, ş ğ ç ö ü
  ['Erdoğan', 'erdogan'], ['Türkiye', 'turkiye'], ['Çavuşoğlu', 'cavusoglu'], ['İstanbul', 'istanbul'],
  ['ISTANBUL', 'istanbul'], ['ıstanbul', 'istanbul'], ['DİYARBAKIR', 'diyarbakir'], ['KIRKLARELİ ılık', 'kirklareli ilik'],
  // German, French, Spanish, Portuguese, Czech, Romanian
  ['Straße', 'strasse'], ['STRAẞE', 'strasse'], ['Mühlheim', 'muhlheim'], ['Côte', 'cote'], ['Peña', 'pena'],
  ['São João', 'sao joao'], ['Dvořák', 'dvorak'], ['Timișoara', 'timisoara'],
  // Nordic and Icelandic: ø æ å þ ð
  ['Søren Æbelø', 'soren aebelo'], ['Øresund', 'oresund'], ['Ålesund', 'alesund'], ['Þórður', 'thordur'], ['Guðrún', 'gudrun'],
  // Polish, Croatian/Vietnamese đ, Maltese ħ, Catalan ŀ, Sami ŧ
  ['Łódź', 'lodz'], ['ŁUKASZ', 'lukasz'], ['Đorđević', 'dordevic'], ['Ħamrun', 'hamrun'],
  ['Paral·lel', 'paral·lel'], ['paraŀlel', 'parallel'], ['Ŧeŧ', 'tet'],
  // Ligatures and digraph letters
  ['Œuvre', 'oeuvre'], ['ĳsselmeer', 'ijsselmeer'], ['ﬁnance', 'finance'], ['ǅemal', 'dzemal'],
  // Vietnamese: stacked marks, horn, đ
  ['Nguyễn Tấn Dũng', 'nguyen tan dung'], ['Hồ Chí Minh', 'ho chi minh'], ['Đà Nẵng', 'da nang'], ['Thương', 'thuong'],
  // Greek: case, tonos, final sigma (ΣΩΚΡΆΤΗΣ and Σωκράτης must meet)
  ['ΣΩΚΡΆΤΗΣ', 'σωκρατησ'], ['Σωκράτης', 'σωκρατησ'], ['Αθήνα', 'αθηνα'],
  // Cyrillic: case, ё/й lose their marks (as every earlier table did)
  ['МОСКВА', 'москва'], ['Пётр', 'петр'], ['Київ', 'киів'],
  // Arabic harakat and Hebrew points are optional pointing: dropped
  ['كَتَبَ', 'كتب'], ['שָׁלוֹם', 'שלום'],
  // Typographic apostrophes and dashes, invisible break hints
  ['Côte d’Ivoire', "cote d'ivoire"], ['`quoted´', "'quoted'"], ['cease—fire–now', 'cease-fire-now'], ['Erdo\u00adğan\u200b', 'erdogan'],
  // Already decomposed input
  ['Erdog\u0306an', 'erdogan'], ['Sa\u0301nchez', 'sanchez'],
];

describe('foldString: the letter table', () => {
  it.each(TABLE)('folds %s to %s', (input, expected) => {
    expect(foldString(input)).toBe(expected);
  });

  it('keeps marks that are part of spelling: kana voicing, Indic vowel signs', () => {
    expect(foldString('ガス')).not.toBe(foldString('カス'));
    expect(foldString('ガス')).toBe(foldString('ガス'.normalize('NFD')));
    expect(foldString('कमला')).not.toBe(foldString('कमल'));
  });

  it('leaves whitespace, digits, other punctuation and emoji alone', () => {
    expect(foldString('A\tB\n1,2; 👩‍🔬 Ω')).toBe('a\tb\n1,2; 👩‍🔬 ω');
    expect(foldString('plain ascii, no change needed')).toBe('plain ascii, no change needed');
  });
});

describe('foldWithOrigins', () => {
  it('gives the same text as foldString when spaces are kept', () => {
    for (const [input] of TABLE) expect(foldWithOrigins(input).text).toBe(foldString(input));
  });

  it('maps every folded unit to its whole original cluster', () => {
    const text = 'Mr. Çavuşoğlu, Erdog\u0306an and die Straße';
    const folded = foldWithOrigins(text);
    const slice = (word: string): string => {
      const at = folded.text.indexOf(word);
      const range = toOriginalRange(folded, at, at + word.length);
      return text.slice(range.start, range.end);
    };
    expect(slice('cavusoglu')).toBe('Çavuşoğlu');
    expect(slice('erdogan')).toBe('Erdog\u0306an');
    expect(slice('strasse')).toBe('Straße');
    const ss = folded.text.indexOf('ss');
    expect([folded.start[ss], folded.end[ss], folded.start[ss + 1], folded.end[ss + 1]]).toEqual([36, 37, 36, 37]);
  });

  it('collapses whitespace runs to one space when asked, mapped to the whole run', () => {
    const folded = foldWithOrigins('a \r\n\u00a0 b', { spaces: 'collapse' });
    expect(folded.text).toBe('a b');
    expect([folded.start[1], folded.end[1]]).toEqual([1, 6]);
  });
});

describe('every user folds with the same table', () => {
  it.each(TABLE)('%s: search, name keys and mention needles agree', (input, expected) => {
    expect(searchFold(input)).toBe(expected);
    expect(foldForMatch(input)).toBe(expected.trim());
    expect(foldName(input)).toBe(expected.trim());
  });

  it('mentions match across case, final sigma, soft hyphens and line breaks', () => {
    const slices = (text: string, names: string[]) => findMentions(text, names).map((m) => text.slice(m.start, m.end));
    expect(slices('Ο Σωκράτης είπε', ['ΣΩΚΡΆΤΗΣ'])).toEqual(['Σωκράτης']);
    expect(slices('said Erdo\u00adğan today', ['Erdogan'])).toEqual(['Erdo\u00adğan']);
    expect(slices('Kassym-Jomart\n   Tokayev', ['Kassym-Jomart Tokayev'])).toEqual(['Kassym-Jomart\n   Tokayev']);
  });
});
