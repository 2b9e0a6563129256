/** Parses a search box string into folded free terms and quoted phrases. */
import { foldText, tokenizeFolded } from './fold';

export interface ParsedQuery {
  /** Folded words outside quotes, in order, without duplicates. */
  terms: string[];
  /** Folded word sequences that must appear adjacent (quoted parts with two or more words). */
  phrases: string[][];
  /** The last free term is still being typed: match it as a prefix too. */
  lastTermIsPrefix: boolean;
}

const QUOTED = /"([^"]*)"?/g;

export function parseQuery(query: string): ParsedQuery {
  const folded = foldText(query);
  const terms: string[] = [];
  const phrases: string[][] = [];
  let lastTermIsPrefix = false;
  let outside = 0;

  const addFree = (segment: string, atEnd: boolean): void => {
    const words = tokenizeFolded(segment);
    for (const w of words) if (!terms.includes(w)) terms.push(w);
    // Typing "erdo" wants "erdogan"; "erdo " (trailing space) means the word is complete.
    if (words.length > 0) lastTermIsPrefix = atEnd && /[\p{L}\p{N}]$/u.test(segment);
  };

  for (const m of folded.matchAll(QUOTED)) {
    addFree(folded.slice(outside, m.index), false);
    const words = tokenizeFolded(m[1] ?? '');
    // A one-word "phrase" is just an exact term; it is never treated as a prefix.
    if (words.length === 1 && words[0] !== undefined && !terms.includes(words[0])) terms.push(words[0]);
    if (words.length > 1) phrases.push(words);
    outside = m.index + m[0].length;
    lastTermIsPrefix = false;
  }
  addFree(folded.slice(outside), true);
  return { terms, phrases, lastTermIsPrefix };
}

/** Occurrences of a phrase in folded text: the words in order, separated only by non-word characters. */
export function findPhrase(folded: string, phrase: readonly string[], limit = Infinity): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  const [first] = phrase;
  if (first === undefined) return found;
  let from = 0;
  while (found.length < limit) {
    const at = folded.indexOf(first, from);
    if (at < 0) break;
    from = at + 1;
    if (at > 0 && isWordChar(folded, at - 1)) continue;
    const end = matchRest(folded, at + first.length, phrase);
    if (end >= 0) found.push({ start: at, end });
  }
  return found;
}

function matchRest(folded: string, pos: number, phrase: readonly string[]): number {
  for (let i = 1; i < phrase.length; i++) {
    if (pos < folded.length && isWordChar(folded, pos)) return -1;
    while (pos < folded.length && !isWordChar(folded, pos)) pos++;
    const word = phrase[i] ?? '';
    if (!folded.startsWith(word, pos)) return -1;
    pos += word.length;
  }
  return pos < folded.length && isWordChar(folded, pos) ? -1 : pos;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** True when the code unit at `index` belongs to a word (letter, digit or a kept mark). */
function isWordChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(text.charAt(index));
}

/** How often `word` occurs in folded text as a whole word (stops counting at `max`). */
export function countWord(folded: string, word: string, max = 50): number {
  let count = 0;
  let from = 0;
  while (count < max) {
    const at = folded.indexOf(word, from);
    if (at < 0) break;
    from = at + word.length;
    if (at > 0 && isWordChar(folded, at - 1)) continue;
    if (from < folded.length && isWordChar(folded, from)) continue;
    count++;
  }
  return count;
}
