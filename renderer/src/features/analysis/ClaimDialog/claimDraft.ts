/** The claim dialog's form state: initial values from a claim or a highlight, validation and the grade preview. */
import type { ClaimView } from '../../../../../shared/contract/views-analysis';
import { bestReliability, gradeCode } from '../../../../../shared/domain/analysis/grading';
import type { ClaimType, Credibility, Reliability } from '../../../../../shared/domain/types';
import type { EvidenceDraft } from '../EvidenceList/EvidenceList';

export interface ClaimDraft {
  claimantId: string | null;
  statement: string;
  type: ClaimType;
  claimedAt: string;
  credibility: Credibility;
  aboutEntityIds: string[];
  tagIds: string[];
  evidence: EvidenceDraft[];
}

export interface ClaimSeed {
  evidence?: EvidenceDraft[];
  statement?: string;
  claimedAt?: string;
  claimantId?: string | null;
  aboutEntityIds?: string[];
}

export function draftFrom(claim: ClaimView | null | undefined, seed: ClaimSeed = {}): ClaimDraft {
  if (claim) {
    return {
      claimantId: claim.claimantId, statement: claim.statement, type: claim.type, claimedAt: claim.claimedAt,
      credibility: claim.credibility, aboutEntityIds: [...claim.aboutEntityIds], tagIds: [...claim.tagIds],
      evidence: claim.evidence.flatMap((p) => (p.highlightId
        ? [{ highlightId: p.highlightId, sourceId: p.sourceId, sourceTitle: p.sourceTitle, exact: p.exact }] : [])),
    };
  }
  const evidence = seed.evidence ?? [];
  return {
    claimantId: seed.claimantId ?? null,
    statement: seed.statement ?? evidence.map((e) => e.exact).join(' '),
    type: 'fact', claimedAt: seed.claimedAt ?? '', credibility: 6,
    aboutEntityIds: seed.aboutEntityIds ?? [], tagIds: [], evidence,
  };
}

export const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function dateError(value: string): string | null {
  return value === '' || PARTIAL_DATE.test(value) ? null : 'Use YYYY-MM-DD (or YYYY-MM, YYYY)';
}

/**
 * The grade the claim will have: the best reliability among its evidence sources (with the analyst's pending
 * change to one of them) and its credibility. No evidence: F, as the server grades it.
 */
export function previewGrade(
  draft: Pick<ClaimDraft, 'evidence' | 'credibility'>,
  reliabilityOf: (sourceId: string) => Reliability | undefined,
): string {
  const letters = [...new Set(draft.evidence.map((e) => e.sourceId))].flatMap((id) => {
    const r = reliabilityOf(id);
    return r ? [r] : [];
  });
  return gradeCode(bestReliability(letters), draft.credibility);
}
