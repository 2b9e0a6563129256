/** Claims: who said what, graded (Admiralty) and traced to evidence passages; supports / contradicts links between claims. */
import { ok } from '../../../shared/domain/result';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Claim, ClaimType, Credibility } from '../../../shared/domain/types';
import type { ClaimView } from '../../../shared/contract/views-analysis';
import {
  bestReliability, compareGrades, gradeCode, gradeMatches, isCorroborated, type EvidenceGraph, type SourceIdentity,
} from '../../../shared/domain/analysis/grading';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { highlightPassages, sourceIdsOf } from './passages';
import { ChangeSet, deleteClaimsIn } from './dependents';
import { compareQualifiedDates } from '../../../shared/domain/partial-dates';

export interface ClaimFields {
  claimantId: string | null;
  statement: string;
  type: ClaimType;
  claimedAt: string;
  credibility: Credibility;
  evidenceHighlightIds: string[];
  aboutEntityIds: string[];
  tagIds: string[];
}

/** Reverse links and source lookups for one read of the claims, so a list is not quadratic. */
export class ClaimContext implements EvidenceGraph {
  private readonly supporters = new Map<string, string[]>();
  private readonly contradictors = new Map<string, string[]>();

  constructor(readonly s: WorkspaceState) {
    for (const c of s.all('claims')) {
      for (const t of c.supports) this.supporters.set(t, [...(this.supporters.get(t) ?? []), c.id]);
      for (const t of c.contradicts) this.contradictors.set(t, [...(this.contradictors.get(t) ?? []), c.id]);
    }
  }

  supportersOf(claimId: string): string[] {
    return this.supporters.get(claimId) ?? [];
  }

  evidenceSourcesOf(claimId: string): SourceIdentity[] {
    const claim = this.s.get('claims', claimId);
    if (!claim) return [];
    const out: SourceIdentity[] = [];
    for (const hid of claim.evidenceHighlightIds) {
      const h = this.s.get('highlights', hid);
      const src = h && this.s.get('sources', h.sourceId);
      if (src) out.push({ id: src.id, contentHash: src.contentHash, publisher: src.meta.publisher });
    }
    return out;
  }

  gradeOf(c: Claim): string {
    return gradeCode(this.reliabilityOf(c), c.credibility);
  }

  private reliabilityOf(c: Claim) {
    return bestReliability(this.evidenceSourcesOf(c.id).map((si) => this.s.get('sources', si.id)!.reliability));
  }

  view(c: Claim): ClaimView {
    const evidence = highlightPassages(this.s, c.evidenceHighlightIds);
    const reliability = this.reliabilityOf(c);
    return {
      ...c,
      grade: gradeCode(reliability, c.credibility),
      reliability,
      claimantName: c.claimantId ? (this.s.get('entities', c.claimantId)?.name ?? null) : null,
      evidence,
      sourceIds: sourceIdsOf(evidence),
      corroborated: isCorroborated(c.id, this),
      supportedBy: this.supportersOf(c.id),
      contradictedBy: this.contradictors.get(c.id) ?? [],
    };
  }
}

/** A message naming the first referenced record that does not exist, or null when all do. */
function missingClaimRef(s: WorkspaceState, f: Partial<ClaimFields>): string | null {
  if (f.claimantId && !s.get('entities', f.claimantId)) return `No entity with id ${f.claimantId} (claimant).`;
  const about = f.aboutEntityIds?.find((i) => !s.get('entities', i));
  if (about) return `No entity with id ${about} (claim is about).`;
  const hl = f.evidenceHighlightIds?.find((i) => !s.get('highlights', i));
  if (hl) return `No highlight with id ${hl} (evidence).`;
  const tag = f.tagIds?.find((i) => !s.get('tags', i));
  if (tag) return `No tag with id ${tag}.`;
  return null;
}

const uniq = (ids: readonly string[]) => [...new Set(ids)];

export function createClaim(wb: Workbench, f: ClaimFields): ServiceResult<Claim, 'not_found'> {
  return wb.run('Add claim', (s) => {
    const missing = missingClaimRef(s, f);
    if (missing) return fail('not_found', missing);
    const t = now();
    const claim: Claim = {
      id: newId(), claimantId: f.claimantId, statement: f.statement.trim(), type: f.type, claimedAt: f.claimedAt,
      credibility: f.credibility, evidenceHighlightIds: uniq(f.evidenceHighlightIds), aboutEntityIds: uniq(f.aboutEntityIds),
      supports: [], contradicts: [], tagIds: uniq(f.tagIds), createdAt: t, updatedAt: t,
    };
    return ok({ ops: [{ t: 'put', c: 'claims', v: claim }], value: claim });
  });
}

export function updateClaim(wb: Workbench, req: { id: string } & Partial<ClaimFields>): ServiceResult<Claim, 'not_found'> {
  return wb.run('Edit claim', (s) => {
    const c = s.get('claims', req.id);
    if (!c) return fail('not_found', `No claim with id ${req.id}.`);
    const missing = missingClaimRef(s, req);
    if (missing) return fail('not_found', missing);
    const v: Claim = {
      ...c,
      claimantId: req.claimantId === undefined ? c.claimantId : req.claimantId,
      statement: req.statement?.trim() ?? c.statement,
      type: req.type ?? c.type,
      claimedAt: req.claimedAt ?? c.claimedAt,
      credibility: req.credibility ?? c.credibility,
      evidenceHighlightIds: req.evidenceHighlightIds ? uniq(req.evidenceHighlightIds) : c.evidenceHighlightIds,
      aboutEntityIds: req.aboutEntityIds ? uniq(req.aboutEntityIds) : c.aboutEntityIds,
      tagIds: req.tagIds ? uniq(req.tagIds) : c.tagIds,
      updatedAt: now(),
    };
    return ok({ ops: [{ t: 'put', c: 'claims', v }], value: v });
  });
}

/** Records that `fromId` supports or contradicts `toId`; 'none' removes any link between them, both ways. */
export function linkClaims(
  wb: Workbench, fromId: string, toId: string, relation: 'supports' | 'contradicts' | 'none',
): ServiceResult<Claim, 'not_found' | 'conflict'> {
  const label = relation === 'none' ? 'Unlink claims' : `Mark claim as ${relation === 'supports' ? 'supporting' : 'contradicting'}`;
  return wb.run(label, (s) => {
    const from = s.get('claims', fromId);
    const to = s.get('claims', toId);
    if (!from) return fail('not_found', `No claim with id ${fromId}.`);
    if (!to) return fail('not_found', `No claim with id ${toId}.`);
    if (fromId === toId) return fail('conflict', 'A claim cannot support or contradict itself.');
    const t = now();
    const drop = (ids: string[], id: string) => ids.filter((i) => i !== id);
    const add = (ids: string[], id: string) => (ids.includes(id) ? ids : [...ids, id]);
    const v: Claim = {
      ...from,
      supports: relation === 'supports' ? add(from.supports, toId) : drop(from.supports, toId),
      contradicts: relation === 'contradicts' ? add(from.contradicts, toId) : drop(from.contradicts, toId),
      updatedAt: t,
    };
    const cs = new ChangeSet(s);
    cs.put('claims', v);
    if (relation === 'none' && (to.supports.includes(fromId) || to.contradicts.includes(fromId))) {
      cs.put('claims', { ...to, supports: drop(to.supports, fromId), contradicts: drop(to.contradicts, fromId), updatedAt: t });
    }
    return ok({ ops: cs.ops, value: v });
  });
}

export function deleteClaim(wb: Workbench, id: string): ServiceResult<{ id: string; updatedRelationships: number }, 'not_found'> {
  return wb.run('Delete claim', (s) => {
    if (!s.get('claims', id)) return fail('not_found', `No claim with id ${id}.`);
    const cs = new ChangeSet(s);
    const updatedRelationships = deleteClaimsIn(cs, new Set([id]));
    return ok({ ops: cs.ops, value: { id, updatedRelationships } });
  });
}

export function getClaim(wb: Workbench, id: string): ServiceResult<ClaimView, 'not_found'> {
  const c = wb.state.get('claims', id);
  if (!c) return fail('not_found', `No claim with id ${id}.`);
  return ok(new ClaimContext(wb.state).view(c));
}

export interface ClaimQuery {
  claimantId?: string;
  type?: ClaimType;
  grade?: string;
  tagId?: string;
  sourceId?: string;
  entityId?: string;
  sort?: 'date' | 'grade' | 'claimant' | 'created';
}

const byCreatedDesc = (a: ClaimView, b: ClaimView) => b.createdAt.localeCompare(a.createdAt);
const SORTS: Record<NonNullable<ClaimQuery['sort']>, (a: ClaimView, b: ClaimView) => number> = {
  // Undated claims go last; the newest claim date first.
  // Compared in time, not as text: "<2019" (before 2019) sorts just before 2019, not after every plain date.
  date: (a, b) => (a.claimedAt === b.claimedAt ? 0 : !a.claimedAt ? 1 : !b.claimedAt ? -1 : compareQualifiedDates(b.claimedAt, a.claimedAt)),
  grade: (a, b) => compareGrades(a.grade, b.grade),
  claimant: (a, b) => (a.claimantName === b.claimantName ? 0 : a.claimantName === null ? 1 : b.claimantName === null ? -1 : a.claimantName.localeCompare(b.claimantName)),
  created: () => 0,
};

/** Claims matching every given filter; sorted by claim date, grade, claimant name or creation (newest first as the tie-break). */
export function listClaims(wb: Workbench, q: ClaimQuery = {}): ClaimView[] {
  const ctx = new ClaimContext(wb.state);
  const views = wb.state.all('claims')
    .filter((c) => (q.claimantId === undefined || c.claimantId === q.claimantId)
      && (q.type === undefined || c.type === q.type)
      && (q.tagId === undefined || c.tagIds.includes(q.tagId))
      && (q.entityId === undefined || c.claimantId === q.entityId || c.aboutEntityIds.includes(q.entityId)))
    .map((c) => ctx.view(c))
    .filter((v) => (q.grade === undefined || gradeMatches(v.grade, q.grade)) && (q.sourceId === undefined || v.sourceIds.includes(q.sourceId)));
  // Map order is creation order; reversing first makes every tie newest-first without relying on clock resolution.
  const cmp = SORTS[q.sort ?? 'created'];
  return views.reverse().sort((a, b) => cmp(a, b) || byCreatedDesc(a, b));
}
