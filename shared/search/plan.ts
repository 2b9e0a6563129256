/** Query plan: each query word becomes a group of indexed terms that may stand for it (exact, prefix, fuzzy). */
import type { ParsedQuery } from './query';
import type { Vocabulary } from './vocabulary';

export type MatchQuality = 'exact' | 'prefix' | 'fuzzy';
/** Lower ranks first: every exact hit before any prefix-only hit before any fuzzy hit. */
const QUALITY_TIER: Readonly<Record<MatchQuality, number>> = { exact: 0, prefix: 1, fuzzy: 2 };

export interface Alternative {
  term: string;
  quality: MatchQuality;
  /** Edits away from the query word (fuzzy alternatives only). */
  distance?: number;
}

/** Exact 0, prefix 1, one typo 2, two typos 3: a lower tier always ranks first. */
export function tierOf(alt: Alternative): number {
  return QUALITY_TIER[alt.quality] + (alt.quality === 'fuzzy' ? (alt.distance ?? 1) - 1 : 0);
}

export interface TermGroup {
  /** The query word, or the words of a quoted phrase joined by a space. */
  word: string;
  /** Set for a quoted phrase: its words must stand next to each other. */
  phrase?: string[];
  alternatives: Alternative[];
  /** A free (unquoted) word long enough to be matched with typos. */
  fuzzyEligible: boolean;
}

/** Shortest word completed as a prefix: one letter would expand to half the vocabulary. */
const MIN_PREFIX = 2;
const MAX_PREFIX_EXPANSIONS = 30;
/** Stop adding expansions once they cover this many documents: the first ones rank first anyway. */
const MAX_EXPANDED_POSTINGS = 60_000;
const MIN_FUZZY = 5;
/** Words this frequent are taken as typed correctly: no typo expansion for them. */
const MAX_TYPO_FREQUENCY = 2;
const MAX_FUZZY_EXPANSIONS = 8;

export function planGroups(parsed: ParsedQuery, vocabulary: Vocabulary): TermGroup[] {
  const groups: TermGroup[] = [];
  parsed.terms.forEach((word, i) => {
    const alternatives: Alternative[] = [];
    if (vocabulary.frequency(word) > 0) alternatives.push({ term: word, quality: 'exact' });
    const typing = parsed.lastTermIsPrefix && i === parsed.terms.length - 1;
    if (typing && word.length >= MIN_PREFIX) {
      let covered = vocabulary.frequency(word);
      for (const term of vocabulary.withPrefix(word, MAX_PREFIX_EXPANSIONS)) {
        if (covered > MAX_EXPANDED_POSTINGS && alternatives.length > 0) break;
        alternatives.push({ term, quality: 'prefix' });
        covered += vocabulary.frequency(term);
      }
    }
    groups.push({ word, alternatives, fuzzyEligible: word.length >= MIN_FUZZY });
  });
  for (const phrase of parsed.phrases) {
    const word = phrase.join(' ');
    if (groups.some((g) => g.word === word)) continue;
    const known = phrase.every((w) => vocabulary.frequency(w) > 0);
    groups.push({ word, phrase, alternatives: known ? [{ term: word, quality: 'exact' }] : [], fuzzyEligible: false });
  }
  return groups;
}

/** Adds typo-tolerant alternatives to eligible groups; returns false when nothing was added. */
export function addFuzzyAlternatives(groups: TermGroup[], vocabulary: Vocabulary): boolean {
  let added = false;
  for (const group of groups) {
    if (!group.fuzzyEligible || vocabulary.frequency(group.word) > MAX_TYPO_FREQUENCY) continue;
    // One edit up to 8 letters ("ministry" must not become "minister"), two beyond.
    const maxDistance = group.word.length >= 9 ? 2 : 1;
    const known = new Set(group.alternatives.map((a) => a.term));
    for (const { term, distance } of vocabulary.near(group.word, maxDistance, MAX_FUZZY_EXPANSIONS)) {
      if (known.has(term)) continue;
      group.alternatives.push({ term, quality: 'fuzzy', distance });
      added = true;
    }
  }
  return added;
}
