/** Search's folding (the shared table, whitespace kept) with a map back to original offsets, plus tokenising. */
import { foldString } from '../text/fold';
import { foldWithOrigins, toOriginalRange, type FoldedWithOrigins } from '../text/fold-origins';

/** Search folds with the one table (shared/text/fold); whitespace and other punctuation stay, as word breaks. */
export const foldText = foldString;

/** Folded text plus, per folded unit, the original cluster it came from (for snippets and highlights). */
export const foldWithMap = (text: string): FoldedWithOrigins => foldWithOrigins(text);
export { toOriginalRange, type FoldedWithOrigins };

/** A word of folded text and where it sits in that folded text. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Words are runs of letters, digits and the marks folding keeps (Indic vowel signs); longer runs are noise (hashes, base64) and are not indexed. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MAX_TERM_LENGTH = 40;

/** Tokens of already-folded text, with positions. */
export function tokenizeWithPositions(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(WORD)) {
    const term = match[0];
    if (term.length > MAX_TERM_LENGTH) continue;
    tokens.push({ term, start: match.index, end: match.index + term.length });
  }
  return tokens;
}

/** Terms of already-folded text. */
export function tokenizeFolded(folded: string): string[] {
  const terms = folded.match(WORD) ?? [];
  return terms.length > 0 && terms.some((t) => t.length > MAX_TERM_LENGTH)
    ? terms.filter((t) => t.length <= MAX_TERM_LENGTH)
    : terms;
}

/** Folds then tokenises raw text. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(foldText(text));
}
