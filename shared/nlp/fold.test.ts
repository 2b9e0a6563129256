import { describe, expect, it } from 'vitest';
import { foldForMatch } from './fold';

describe('foldForMatch', () => {
  it('strips Turkish diacritics including dotless and dotted i', () => {
    expect(foldForMatch('Erdoğan')).toBe('erdogan');
    expect(foldForMatch('Çavuşoğlu')).toBe('cavusoglu');
    expect(foldForMatch('Türkiye')).toBe('turkiye');
    expect(foldForMatch('İstanbul')).toBe('istanbul');
    expect(foldForMatch('KIRKLARELİ ılık')).toBe('kirklareli ilik');
  });
  it('handles letters without a decomposition', () => {
    expect(foldForMatch('Łódź')).toBe('lodz');
    expect(foldForMatch('Søren Æbelø')).toBe('soren aebelo');
    expect(foldForMatch('Straße')).toBe('strasse');
  });
  it('collapses whitespace and normalises apostrophes', () => {
    expect(foldForMatch('  Kassym-Jomart \n  Tokayev ')).toBe('kassym-jomart tokayev');
    expect(foldForMatch('Côte d’Ivoire')).toBe("cote d'ivoire");
  });
});
