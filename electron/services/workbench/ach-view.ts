/** Builds the ACH matrix view: each row's label, Admiralty grade and weight, its passages, and the scores. */
import type { WorkspaceState } from '../../../shared/domain/state';
import type { AchMatrix, Credibility, Reliability } from '../../../shared/domain/types';
import { bestReliability, gradeCode } from '../../../shared/domain/analysis/grading';
import {
  evidenceWeight, isDiagnostic, scoreHypotheses, sensitivity, type AchEvidenceRow,
} from '../../../shared/domain/analysis/ach';
import type { AchEvidenceView, AchMatrixView } from '../../../shared/contract/views-ach';
import { highlightPassages } from './passages';

/** A highlight has no credibility of its own: "6, cannot be judged" until the analyst makes a claim of it. */
const HIGHLIGHT_CREDIBILITY: Credibility = 6;

function rowOf(s: WorkspaceState, e: AchMatrix['evidence'][number], hypothesisIds: readonly string[]): AchEvidenceView {
  let label: string;
  let reliability: Reliability = 'F';
  let credibility: Credibility = HIGHLIGHT_CREDIBILITY;
  let highlightIds: string[] = [];
  if (e.kind === 'claim') {
    const c = s.get('claims', e.refId);
    label = c ? c.statement : '(deleted claim)';
    if (c) {
      credibility = c.credibility;
      highlightIds = c.evidenceHighlightIds;
      reliability = bestReliability(highlightIds.map((id) => {
        const h = s.get('highlights', id);
        return (h && s.get('sources', h.sourceId)?.reliability) ?? 'F';
      }));
    }
  } else {
    const h = s.get('highlights', e.refId);
    label = !h ? '(deleted highlight)' : h.area ? `Area on p. ${h.area.page}` : h.quote.exact;
    if (h) {
      highlightIds = [h.id];
      reliability = s.get('sources', h.sourceId)?.reliability ?? 'F';
    }
  }
  const weight = evidenceWeight(reliability, credibility);
  const row: AchEvidenceRow = { id: e.id, weight, ratings: e.ratings };
  return {
    id: e.id, kind: e.kind, refId: e.refId, label, grade: gradeCode(reliability, credibility), reliability, weight,
    diagnostic: isDiagnostic(hypothesisIds, row), passages: highlightPassages(s, highlightIds),
  };
}

export function achMatrixView(s: WorkspaceState, m: AchMatrix): AchMatrixView {
  const hypothesisIds = m.hypotheses.map((h) => h.id);
  const evidence = m.evidence.map((e) => rowOf(s, e, hypothesisIds));
  const rows: AchEvidenceRow[] = m.evidence.map((e, i) => ({ id: e.id, weight: evidence[i]!.weight, ratings: e.ratings }));
  return { matrix: m, evidence, scores: scoreHypotheses(hypothesisIds, rows), sensitivity: sensitivity(hypothesisIds, rows) };
}
