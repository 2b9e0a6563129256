/** Which records concern a set of subject entities: claims by or about them, relationships touching them. */
import type { Claim, Relationship } from '../domain/types';
import { bestReliability, compareGrades, gradeCode } from '../domain/analysis/grading';
import type { DossierData } from './model';
import { compareQualifiedDates } from '../domain/partial-dates';

export function claimsConcerning(data: DossierData, entityIds: readonly string[]): Claim[] {
  const ids = new Set(entityIds);
  return data.all('claims').filter((c) => (c.claimantId !== null && ids.has(c.claimantId)) || c.aboutEntityIds.some((e) => ids.has(e)));
}

export function relationshipsTouching(data: DossierData, entityIds: readonly string[]): Relationship[] {
  const ids = new Set(entityIds);
  return data.all('relationships').filter((r) => ids.has(r.fromId) || ids.has(r.toId));
}

/** Entities one relationship away from the given ones (the given ones excluded). */
export function neighbourIds(data: DossierData, entityIds: readonly string[]): string[] {
  const ids = new Set(entityIds);
  const out = new Set<string>();
  for (const r of relationshipsTouching(data, entityIds)) {
    if (!ids.has(r.fromId)) out.add(r.fromId);
    if (!ids.has(r.toId)) out.add(r.toId);
  }
  return [...out].filter((id) => data.get('entities', id) !== undefined);
}

/** Admiralty grade of a claim: best reliability among its evidence sources (F without any) + its credibility. */
export function claimGrade(data: DossierData, claim: Claim): { grade: string; reliability: ReturnType<typeof bestReliability> } {
  const reliabilities = claim.evidenceHighlightIds
    .map((h) => data.get('highlights', h))
    .map((h) => (h ? data.get('sources', h.sourceId)?.reliability : undefined))
    .filter((r) => r !== undefined);
  const reliability = bestReliability(reliabilities);
  return { grade: gradeCode(reliability, claim.credibility), reliability };
}

/** Best grade first, then earliest date (undated last), then statement: the order of "Key claims". */
export function compareClaims(data: DossierData) {
  return (a: Claim, b: Claim): number =>
    compareGrades(claimGrade(data, a).grade, claimGrade(data, b).grade) ||
    compareDates(a.claimedAt, b.claimedAt) ||
    a.statement.localeCompare(b.statement);
}

/**
 * Stored claim/relationship dates in time order ("~2015" < "<2019" < "2022-10" < ">2024-03"); '' (undated) sorts last.
 * Comparing the stored text would put every qualified date after every plain one.
 */
export function compareDates(a: string, b: string): number {
  return compareQualifiedDates(a, b);
}
