/** Case endings of Russian and Kazakh (and Turkish apostrophe suffixes): base forms for gazetteer lookup and grouping keys. */
import { foldForMatch } from './fold';

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
/** Russian noun/name case endings with the nominative ending they replace ('Москве' → 'Москва', 'Киргизии' → 'Киргизия'). */
const RUSSIAN_ENDINGS: Array<[string, string]> = [
  ['ии', 'ия'], ['ией', 'ия'], ['ию', 'ия'], ['ы', 'а'], ['е', 'а'], ['у', 'а'], ['ой', 'а'], ['ою', 'а'],
  ['ым', ''], ['ом', ''], ['ем', ''], ['ого', ''], ['ому', ''], ['а', ''], ['у', ''], ['е', ''], ['я', 'ь'], ['и', 'ь'],
  ['ей', 'ь'], ['ю', 'ь'], ['и', 'а'], ['я', ''],
];
/** Kazakh case, possessive and plural-free suffixes, longest first. */
const KAZAKH_SUFFIXES = [
  'ындағы', 'індегі', 'ынан', 'інен', 'ында', 'інде', 'ының', 'інің', 'дағы', 'дегі', 'тағы', 'тегі', 'ның', 'нің',
  'дың', 'дің', 'тың', 'тің', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'ға', 'ге', 'қа', 'ке',
  'на', 'не', 'да', 'де', 'та', 'те', 'ды', 'ді', 'ты', 'ті', 'ны', 'ні', 'ын', 'ін', 'сы', 'сі', 'ы', 'і',
];

/** Possible base forms of one word (itself first), shortest stem at least three letters. */
export function baseForms(word: string): string[] {
  const out = [word];
  if (!CYRILLIC_RE.test(word)) return out;
  for (const [ending, nominative] of RUSSIAN_ENDINGS) {
    if (word.length - ending.length >= 3 && word.endsWith(ending)) out.push(word.slice(0, -ending.length) + nominative);
  }
  for (const suffix of KAZAKH_SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length));
  }
  return out;
}

/** Stem of a Cyrillic word for grouping ('Мирзиёевым', 'Мирзиёева' → 'мирзиёев'); other scripts are only folded. */
function stem(word: string): string {
  const folded = foldForMatch(word);
  if (!CYRILLIC_RE.test(word)) return folded;
  for (const ending of ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем', 'ой', 'ей', 'ою', 'ию', 'ии', 'ия', 'мен', 'бен', 'пен', 'ға', 'ге', 'да', 'де', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и']) {
    if (folded.length - ending.length >= 4 && folded.endsWith(ending)) return folded.slice(0, -ending.length);
  }
  return folded;
}

/** Grouping key of a name: folded, each Cyrillic word stemmed, so case forms of one name share it. */
export function nameKey(surface: string): string {
  return surface.split(/\s+/).filter(Boolean).map(stem).join(' ');
}
