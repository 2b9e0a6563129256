/** Finds the best occurrence of a quote in a text by prefix/suffix agreement, then closeness to the old position. */
import type { OccurrenceFinder } from './occurrences';
import type { OffsetRange } from './offsets';

/** Where to search and how to judge a hit: the raw text (exact phase) or the folded text (tolerant phase). */
export interface SearchSpace {
  haystack: string;
  /** Every occurrence of a needle in the haystack (see occurrences.ts). */
  occurrences: OccurrenceFinder;
  /** False for a hit that would cut a letter or a word in two. */
  fits(start: number, end: number): boolean;
  /** Original-text offsets of a hit (identity for the raw text, the offset map for the folded one). */
  toOriginal(start: number, end: number): OffsetRange;
  /** Length of the original text, to scale the proximity tie-break. */
  originalLength: number;
}

interface Candidate extends OffsetRange {
  score: number;
}

/** How many units of `prefix`, read backwards, agree with `text` read backwards from `at`. */
function prefixAgreement(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && prefix.charCodeAt(prefix.length - 1 - n) === text.charCodeAt(at - 1 - n)) n += 1;
  return n;
}

/** How many units of `suffix` agree with `text` read forwards from `at`. */
function suffixAgreement(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && suffix.charCodeAt(n) === text.charCodeAt(at + n)) n += 1;
  return n;
}

/**
 * Context agreement dominates; closeness to the old start only breaks ties (the penalty is < 1,
 * i.e. worth less than one agreeing character), because positions are the least reliable after edits.
 */
function proximityPenalty(candidateStart: number, oldStart: number, textLength: number): number {
  if (!Number.isFinite(oldStart)) return 0;
  return Math.abs(candidateStart - oldStart) / (textLength + 1);
}

/** Scores the hit at [at, at + needle.length) and keeps it if it beats `best`. */
function consider(
  space: SearchSpace, best: Candidate | undefined, at: number, length: number, agreement: number, oldStart: number,
): Candidate | undefined {
  const range = space.toOriginal(at, at + length);
  const score = agreement - proximityPenalty(range.start, oldStart, space.originalLength);
  // fits() costs Unicode property look-ups: only pay for it when the hit would win.
  if (best !== undefined && score <= best.score) return best;
  return space.fits(at, at + length) ? { ...range, score } : best;
}

/** The best occurrence of `needle` in the space, in original offsets, or undefined when none fits. */
export function bestOccurrence(
  space: SearchSpace, needle: string, prefix: string, suffix: string, oldStart: number,
): OffsetRange | undefined {
  const { haystack } = space;
  let best: Candidate | undefined;
  // Fast path: hits with the whole context around them score the maximum, so if there are any the
  // best is among them; the longer needle also lets indexOf skip faster than the bare quote.
  if (prefix.length + suffix.length > 0) {
    const full = prefix + needle + suffix;
    for (const hit of space.occurrences(full)) {
      best = consider(space, best, hit + prefix.length, needle.length, prefix.length + suffix.length, oldStart);
    }
    if (best) return { start: best.start, end: best.end };
  }
  for (const at of space.occurrences(needle)) {
    const agreement = prefixAgreement(haystack, at, prefix) + suffixAgreement(haystack, at + needle.length, suffix);
    best = consider(space, best, at, needle.length, agreement, oldStart);
  }
  return best ? { start: best.start, end: best.end } : undefined;
}
