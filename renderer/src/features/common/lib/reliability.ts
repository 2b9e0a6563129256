/** Admiralty reliability grades as shown to analysts (the same wording as the printed dossier). */
import { RELIABILITY, type Reliability } from '../../../../../shared/domain/types';
import { RELIABILITY_MEANING } from '../../../../../shared/dossier/admiralty';

export const RELIABILITY_LABEL: Record<Reliability, string> = RELIABILITY_MEANING;

export const RELIABILITY_OPTIONS = RELIABILITY.map((grade) => ({ value: grade, label: `${grade} — ${RELIABILITY_LABEL[grade]}` }));
