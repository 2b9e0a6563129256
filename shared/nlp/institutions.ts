/** Russian and Kazakh institution names written partly in lowercase, which capitalisation runs cannot see whole. */
import { KAZAKH_INSTITUTION_RE, RUSSIAN_INSTITUTION_RE } from './data/regional';
import { lookupGazetteer, type Gazetteer } from './gazetteer';
import type { Candidate } from './types';

/** Organisation candidates for 'Министерство иностранных дел России', 'Энергетика министрлігі' and the like. */
export function institutionCandidates(text: string, gazetteer: Gazetteer, sentenceOf: (offset: number) => number): Candidate[] {
  const out: Candidate[] = [];
  for (const re of [RUSSIAN_INSTITUTION_RE, KAZAKH_INSTITUTION_RE]) {
    for (const m of text.matchAll(re)) {
      let surface = m[0];
      const start = m.index ?? 0;
      const words = surface.split(/\s+/);
      const last = words[words.length - 1] ?? '';
      // A trailing capitalised word belongs to the name only when it is a place ('… России'), not the next name.
      if (re === RUSSIAN_INSTITUTION_RE && /^\p{Lu}/u.test(last) && words.length > 1 && lookupGazetteer(gazetteer, last)?.type !== 'place') {
        surface = surface.slice(0, surface.length - last.length).trimEnd();
      }
      const kept = surface.split(/\s+/);
      if (kept.length < 2) continue;
      out.push({
        start, end: start + surface.length, surface, words: kept, sentenceInitial: false, personCue: false,
        sentence: sentenceOf(start), gazetteer: null, acronym: null, possessive: false,
      });
    }
  }
  return out;
}
