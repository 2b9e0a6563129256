/** Where one name ends and the next begins inside a capitalisation run, when no punctuation says so. */
import { PERSON_SURNAME_RE } from './data/regional';
import { lookupGazetteer, type Gazetteer } from './gazetteer';
import { foldForMatch } from './fold';
import { isStructuralWord } from './runs';
import type { Token } from './tokenize';

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_RE = /\p{Script=Latin}/u;
/** Patronymics sit inside a full name ('Кемелұлы', 'Владимирович'): they never end it. */
const PATRONYMIC_RE = /(?:ович|евич|овна|евна|ична|ұлы|қызы|uly|kyzy|qyzy)$/iu;
const scriptOf = (t: Token): string => (CYRILLIC_RE.test(t.text) ? 'cyrillic' : LATIN_RE.test(t.text) ? 'latin' : 'other');

/** True when the run must be cut between token `a` and the next token `b`. */
function cutsBetween(a: Token, b: Token, gazetteer: Gazetteer, inName: boolean): boolean {
  if (!a.cap || !b.cap) return false;
  // 'Freedom Finance Ерлана Абдикаримова': a change of script ends a name.
  if (scriptOf(a) !== scriptOf(b)) return true;
  if (isStructuralWord(b.lower)) return false;
  const place = lookupGazetteer(gazetteer, b.text);
  // 'Türk Hava Yolları Almatı': an institution's head word followed directly by a place.
  if (isStructuralWord(a.lower) && place?.type === 'place') return true;
  if (!CYRILLIC_RE.test(a.text)) return false;
  // 'Тоқаев Парламент', 'Сұлтанова Ақтау': a surname ends a person's name.
  if (inName && PERSON_SURNAME_RE.test(a.text) && !PATRONYMIC_RE.test(a.text)) return true;
  // 'МИД Украины Георгий Тихий': a place in a case form (genitive) closes the name before it.
  const own = lookupGazetteer(gazetteer, a.text);
  return own?.type === 'place' && foldForMatch(own.canonical) !== foldForMatch(a.text);
}

/** Split a run's tokens into the names it holds. */
export function splitAtBoundaries(tokens: Token[], gazetteer: Gazetteer): Token[][] {
  const out: Token[][] = [[]];
  tokens.forEach((t, i) => {
    const current = out[out.length - 1] as Token[];
    current.push(t);
    const next = tokens[i + 1];
    if (next && cutsBetween(t, next, gazetteer, current.length > 1)) out.push([]);
  });
  return out.filter((s) => s.length > 0);
}
