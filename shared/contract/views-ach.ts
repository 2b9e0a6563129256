/** Replies of the ACH methods: the matrix with everything its screen shows, scored. */
import type { AchMatrix, Reliability } from '../domain/types';
import type { AchScore, AchSensitivity } from '../domain/analysis/ach';
import type { PassageRef } from './views-analysis';

export interface AchEvidenceView {
  /** The row id in the matrix. */
  id: string;
  kind: 'claim' | 'highlight';
  refId: string;
  /** The claim's statement, or the highlight's quote ("Area on p. N" for an area highlight). */
  label: string;
  /** Admiralty code: the source's reliability + the claim's credibility (6 for a highlight, which has none). */
  grade: string;
  reliability: Reliability;
  weight: number;
  diagnostic: boolean;
  /** The passages behind the row: the highlight itself, or the claim's evidence. */
  passages: PassageRef[];
}

export interface AchMatrixView {
  matrix: AchMatrix;
  evidence: AchEvidenceView[];
  /** Least inconsistent first. */
  scores: AchScore[];
  /** Items the leading hypothesis hangs on. */
  sensitivity: AchSensitivity[];
}

export interface AchMatrixSummary {
  id: string;
  title: string;
  question: string;
  hypotheses: number;
  evidence: number;
  updatedAt: string;
}
