/** How claims are shown to analysts: claim type names, Admiralty credibility meanings and grade colours. */
import { CLAIM_TYPES, CREDIBILITY, RELIABILITY, type ClaimType, type Credibility } from '../../../../shared/domain/types';
import { CREDIBILITY_MEANING } from '../../../../shared/dossier/admiralty';

export const CLAIM_TYPE_LABEL: Record<ClaimType, string> = {
  fact: 'Statement of fact',
  assessment: 'Assessment',
  intention: 'Intention / commitment',
  prediction: 'Prediction',
  denial: 'Denial',
};

export const CLAIM_TYPE_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_TYPE_LABEL[t] }));

/** One wording of the Admiralty scale for the app and the printed dossier. */
export const CREDIBILITY_LABEL: Record<Credibility, string> = CREDIBILITY_MEANING;

export const isCredibility = (n: number): n is Credibility => (CREDIBILITY as readonly number[]).includes(n);

/** Mantine colours from best to worst; grades that "cannot be judged" are grey. */
const GRADE_SCALE = ['teal', 'green', 'yellow', 'orange', 'red'] as const;

/**
 * The colour of an Admiralty code such as "B2": the worse of its two halves decides
 * (A/1 best … E/5 worst); F or 6 (cannot be judged) is grey, as is anything unreadable.
 */
export function gradeColor(code: string): string {
  const letter = RELIABILITY.indexOf(code[0] as (typeof RELIABILITY)[number]);
  const digit = Number(code[1]);
  if (letter < 0 || !isCredibility(digit) || code.length !== 2) return 'gray';
  if (letter === 5 || digit === 6) return 'gray';
  return GRADE_SCALE[Math.max(letter, digit - 1)]!;
}

/** "A1 — Completely reliable source, confirmed by other sources" style explanation for tooltips. */
export function gradeMeaning(code: string, reliabilityLabel: (letter: string) => string | undefined): string {
  const letter = reliabilityLabel(code[0] ?? '');
  const digit = Number(code[1]);
  const credibility = isCredibility(digit) ? CREDIBILITY_LABEL[digit] : undefined;
  if (!letter || !credibility) return code;
  return `Source: ${letter.toLowerCase()}; information: ${credibility.toLowerCase()}`;
}
