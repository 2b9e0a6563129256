/** Capitalisation runs: maximal sequences of capitalised tokens, bridged by name particles and institutional 'of/on/for'. */
import {
  DATE_WORDS, EVENT_HEADS, EVENT_LEADS, NAME_PARTICLES, ORGANISATION_HEADS, ORGANISATION_LEADS, OTHER_HEADS, OTHER_LEADS,
  PERSON_CUES, PLACE_HEADS, PLACE_LEADS, TITLE_CONNECTORS, TITLE_HEADS,
} from './data/lexicon';
import type { Token } from './tokenize';

export interface Run {
  /** Capitalised tokens plus the lowercase connectors inside them. */
  tokens: Token[];
  /** The word right before is a person cue ('spokesperson', 'counterpart'). */
  personCue: boolean;
  /** An acronym in parentheses right after the run ('… in Asia (CICA)'). */
  acronym: string | null;
}

const MAX_RUN_TOKENS = 14;
const OPENING_CONNECTORS = new Set(['of', 'on', 'for']);
const ACRONYM_AFTER_RE = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{N}&.-]{1,11})\s*\)/u;

/** Words that make an institution or place able to take 'of/on/for …' ('Ministry of …', 'Conference on …'). */
export function isStructuralWord(lower: string): boolean {
  return ORGANISATION_HEADS.has(lower) || ORGANISATION_LEADS.has(lower) || EVENT_HEADS.has(lower)
    || EVENT_LEADS.has(lower) || PLACE_HEADS.has(lower) || PLACE_LEADS.has(lower) || OTHER_LEADS.has(lower)
    || OTHER_HEADS.has(lower);
}

const canStart = (t: Token | undefined): boolean => !!t && t.cap && !t.heading;

const canContinue = (t: Token | undefined): boolean =>
  !!t && canStart(t) && t.joinsPrev && !t.breakBefore && !DATE_WORDS.has(t.lower);

/** Whether lowercase token `t` may bridge the run so far to the next capitalised token. */
function bridges(t: Token, run: Token[], longTitle: boolean): boolean {
  if (t.cap || t.heading || !t.joinsPrev) return false;
  const lastWord = run[run.length - 1];
  // 'Secretary of State …', 'President of Kazakhstan …': the title is cut off later.
  if (t.lower === 'of' && lastWord && TITLE_HEADS.has(lastWord.lower)) return true;
  if (OPENING_CONNECTORS.has(t.lower)) return !!lastWord && (longTitle || isStructuralWord(lastWord.lower));
  // 'and', 'in', 'the' only inside a long institutional name already opened by of/on/for.
  return longTitle && TITLE_CONNECTORS.has(t.lower);
}

/** Particles that may open a name written without its first name ('von der Leyen', 'al-Assad', 'de Gaulle'). */
const OPENING_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'al', 'el', 'bin', 'ibn', 'dos', 'das', 'del', 'della', 'ter']);
const MAX_PARTICLES = 3;

/** Number of lowercase particles from `i` that lead into a capitalised token (0 if they do not). */
function particlesBefore(tokens: Token[], i: number): number {
  let n = 0;
  while (n < MAX_PARTICLES) {
    const t = tokens[i + n];
    if (!t || t.cap || t.heading || !NAME_PARTICLES.has(t.lower)) break;
    if (n > 0 && !t.joinsPrev) return 0;
    n += 1;
  }
  return n > 0 && canContinue(tokens[i + n]) ? n : 0;
}

/** Find every capitalisation run, in text order, in one pass over the tokens. */
export function findRuns(tokens: Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    const openingParticles = first && OPENING_PARTICLES.has(first.lower) ? particlesBefore(tokens, i) : 0;
    if (!first || (!canStart(first) && openingParticles === 0)) {
      i += 1;
      continue;
    }
    const run: Token[] = tokens.slice(i, i + openingParticles + 1);
    let longTitle = false;
    let j = i + openingParticles + 1;
    while (j < tokens.length && run.length < MAX_RUN_TOKENS) {
      const next = tokens[j];
      const last = run[run.length - 1];
      if (!next || last?.possessive || last?.breakAfter) break;
      if (canContinue(next)) {
        run.push(next);
        j += 1;
        continue;
      }
      const particles = next.joinsPrev ? particlesBefore(tokens, j) : 0;
      if (particles > 0) {
        run.push(...tokens.slice(j, j + particles + 1));
        j += particles + 1;
        continue;
      }
      // 'of the' bridges as one connector ('Republic of the Congo', 'Speaker of the House').
      const withArticle = next.lower === 'of' && tokens[j + 1]?.lower === 'the' && tokens[j + 1]?.joinsPrev ? 1 : 0;
      const after = tokens[j + 1 + withArticle];
      if (bridges(next, run, longTitle) && canContinue(after)) {
        if (OPENING_CONNECTORS.has(next.lower) && last && isStructuralWord(last.lower)) longTitle = true;
        run.push(...tokens.slice(j, j + 2 + withArticle));
        j += 2 + withArticle;
        continue;
      }
      break;
    }
    const before = tokens[i - 1];
    const personCue = !!before && !!first?.joinsPrev && !before.cap && PERSON_CUES.has(before.lower);
    const tail = run[run.length - 1] as Token;
    const acronym = ACRONYM_AFTER_RE.exec(text.slice(tail.rawEnd, tail.rawEnd + 20))?.[1] ?? null;
    runs.push({ tokens: run, personCue, acronym });
    i = j;
  }
  return runs;
}
