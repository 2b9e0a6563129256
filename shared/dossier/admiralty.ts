/** The Admiralty (NATO) grading system in words: source reliability A–F and information credibility 1–6. */
import type { Credibility, Reliability } from '../domain/types';

export const RELIABILITY_MEANING: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_MEANING: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** "B2" -> "Usually reliable source; probably true". */
export function describeGrade(reliability: Reliability, credibility: Credibility): string {
  return `${RELIABILITY_MEANING[reliability]} source; ${CREDIBILITY_MEANING[credibility].toLowerCase()}`;
}
