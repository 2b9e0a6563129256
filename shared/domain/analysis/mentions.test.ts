/** Text mentions: whole words, folded case and diacritics, exact offsets, longest name first. */
import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions';

const slices = (text: string, names: string[]) => findMentions(text, names).map((m) => text.slice(m.start, m.end));

describe('findMentions', () => {
  it('finds names whole-word with diacritics folded and offsets into the original text', () => {
    const text = 'President Recep Tayyip Erdoğan met Tokayev. ERDOGAN said: "Erdoğan\'s view". Erdoganism is not a mention.';
    expect(slices(text, ['Erdogan'])).toEqual(['Erdoğan', 'ERDOGAN', 'Erdoğan']);
    expect(slices(text, ['Erdoğan', 'Recep Tayyip Erdoğan'])).toEqual(['Recep Tayyip Erdoğan', 'ERDOGAN', 'Erdoğan']);
  });

  it('does not match a capitalised name against a lower-case word, and handles decomposed text', () => {
    expect(slices('Peace talks brought peace.', ['Peace'])).toEqual(['Peace']);
    const nfd = 'Sa\u0301nchez and Sánchez';
    expect(slices(nfd, ['Sanchez'])).toEqual(['Sa\u0301nchez', 'Sánchez']);
    expect(slices('İstanbul and Istanbul', ['istanbul'])).toEqual(['İstanbul', 'Istanbul']);
    expect(slices('Straße, Strasse, Straßen', ['Strasse'])).toEqual(['Straße', 'Strasse']);
  });

  it('spans line breaks and finds nothing for blank names', () => {
    expect(slices('Kassym-Jomart\nTokayev', ['Kassym-Jomart Tokayev'])).toEqual(['Kassym-Jomart\nTokayev']);
    expect(findMentions('anything', ['  '])).toEqual([]);
  });
});
