/** Locate a person's title inside a run: 'President', 'Foreign Minister', 'Secretary of State', 'President of Kazakhstan'. */
import { AMBIGUOUS_TITLE_HEADS, TITLE_COMPLEMENTS, TITLE_HEADS, TITLE_MODIFIERS } from './data/lexicon';
import { isCommonWord, isFirstName } from './compromiseTags';
import { lookupGazetteer, type Gazetteer } from './gazetteer';
import type { Token } from './tokenize';

export interface TitleSpan {
  /** Token range [from, to) covered by the title, complement included. */
  from: number;
  to: number;
  /** A gazetteer place or organisation named inside the title ('President of Kazakhstan'): a mention of its own. */
  named: Token[] | null;
}

const MAX_NAMED_TOKENS = 4;

/** Longest gazetteer entry starting at token `i`, as a token count (0 if none). */
function gazetteerPrefix(toks: Token[], i: number, text: string, gazetteer: Gazetteer): number {
  for (let n = Math.min(MAX_NAMED_TOKENS, toks.length - i); n > 0; n -= 1) {
    const first = toks[i];
    const last = toks[i + n - 1];
    if (first && last && lookupGazetteer(gazetteer, text.slice(first.start, last.end))) return n;
  }
  return 0;
}

/** 'of …' after a title head: a named place ('of Kazakhstan') or ordinary words ('of State', 'of Foreign Affairs'). */
function complementLength(toks: Token[], at: number, text: string, gazetteer: Gazetteer,
  lowercaseWords: Set<string>): { length: number; named: Token[] | null } {
  let i = at + 1;
  if (toks[i]?.lower === 'the') i += 1;
  const named = gazetteerPrefix(toks, i, text, gazetteer);
  if (named > 0) return { length: i + named - at, named: toks.slice(i, i + named) };
  const start = i;
  while (i < toks.length) {
    const lower = toks[i]?.lower ?? '';
    const ordinary = TITLE_MODIFIERS.has(lower) || TITLE_COMPLEMENTS.has(lower) || isCommonWord(lower) || lowercaseWords.has(lower);
    if (!ordinary && lower !== 'and') break;
    i += 1;
  }
  return i > start ? { length: i - at, named: null } : { length: 0, named: null };
}

/** The first title in the run, or null. */
export function findTitle(toks: Token[], text: string, gazetteer: Gazetteer, lowercaseWords: Set<string>): TitleSpan | null {
  const head = toks.findIndex((t, i) => TITLE_HEADS.has(t.lower)
    // 'General Mark Milley' is a title, 'General Motors' is a company.
    && (!AMBIGUOUS_TITLE_HEADS.has(t.lower) || toks.length - i > 2 || isFirstName(toks[i + 1]?.lower ?? '')));
  if (head < 0) return null;
  let from = head;
  while (from > 0 && TITLE_MODIFIERS.has(toks[from - 1]?.lower ?? '')) from -= 1;
  let to = head + 1;
  while (to < toks.length && TITLE_HEADS.has(toks[to]?.lower ?? '')) to += 1;
  let named: Token[] | null = null;
  if (toks[to]?.lower === 'of') {
    const complement = complementLength(toks, to, text, gazetteer, lowercaseWords);
    to += complement.length;
    named = complement.named;
  }
  return { from, to, named };
}
