/** Admiralty reliability grades as shown to analysts. */
import { RELIABILITY, type Reliability } from '../../../shared/domain/types';

export const RELIABILITY_LABEL: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Cannot be judged',
};

export const RELIABILITY_OPTIONS = RELIABILITY.map((grade) => ({ value: grade, label: `${grade} — ${RELIABILITY_LABEL[grade]}` }));
