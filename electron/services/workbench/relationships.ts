/** Relationships between entities, each backed by evidence passages and claims; views carry every proving sentence. */
import { ok } from '../../../shared/domain/result';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Relationship } from '../../../shared/domain/types';
import type { PassageRef, RelationshipView } from '../../../shared/contract/views-analysis';
import { canonicalRelationshipType, relationshipLabel } from '../../../shared/domain/analysis/vocabulary';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { highlightPassages, sourceIdsOf } from './passages';
import { ChangeSet, deleteRelationshipsIn } from './dependents';
import { ClaimContext } from './claims';

export interface RelationshipFields {
  fromId: string;
  toId: string;
  type: string;
  startDate: string;
  endDate: string;
  confidence: number;
  note: string;
  evidenceHighlightIds: string[];
  evidenceClaimIds: string[];
}

export const isUnevidenced = (r: Relationship): boolean => r.evidenceHighlightIds.length === 0 && r.evidenceClaimIds.length === 0;

/** Evidence passages of a relationship: its own highlights, then those of its evidence claims (deduplicated). */
function relationshipPassages(s: WorkspaceState, r: Relationship): PassageRef[] {
  const claimHighlights = r.evidenceClaimIds.flatMap((id) => s.get('claims', id)?.evidenceHighlightIds ?? []);
  return highlightPassages(s, [...r.evidenceHighlightIds, ...claimHighlights]);
}

export function relationshipView(s: WorkspaceState, r: Relationship, claims: ClaimContext = new ClaimContext(s)): RelationshipView {
  const from = s.get('entities', r.fromId);
  const to = s.get('entities', r.toId);
  const evidence = relationshipPassages(s, r);
  return {
    ...r,
    fromName: from?.name ?? r.fromId,
    toName: to?.name ?? r.toId,
    fromType: from?.type ?? 'other',
    toType: to?.type ?? 'other',
    label: relationshipLabel(r.type),
    evidence,
    evidenceClaims: r.evidenceClaimIds.flatMap((id) => {
      const c = s.get('claims', id);
      return c ? [{ id: c.id, statement: c.statement, grade: claims.gradeOf(c) }] : [];
    }),
    unevidenced: isUnevidenced(r),
    sourceIds: sourceIdsOf(evidence),
  };
}

/** A not_found or conflict error for invalid fields, or null when the relationship may be stored. */
function checkFields(s: WorkspaceState, f: RelationshipFields) {
  if (!s.get('entities', f.fromId)) return fail('not_found', `No entity with id ${f.fromId} (from).`);
  if (!s.get('entities', f.toId)) return fail('not_found', `No entity with id ${f.toId} (to).`);
  if (f.fromId === f.toId) return fail('conflict', 'A relationship needs two different entities; an entity cannot be related to itself.');
  const hl = f.evidenceHighlightIds.find((i) => !s.get('highlights', i));
  if (hl) return fail('not_found', `No highlight with id ${hl} (evidence).`);
  const claim = f.evidenceClaimIds.find((i) => !s.get('claims', i));
  if (claim) return fail('not_found', `No claim with id ${claim} (evidence).`);
  if (!canonicalRelationshipType(f.type)) return fail('invalid_request', 'A relationship needs a type.');
  return null;
}

const uniq = (ids: readonly string[]) => [...new Set(ids)];

export function createRelationship(wb: Workbench, f: RelationshipFields): ServiceResult<Relationship, 'not_found' | 'conflict'> {
  return wb.run(`Add relationship “${relationshipLabel(canonicalRelationshipType(f.type))}”`, (s) => {
    const bad = checkFields(s, f);
    if (bad) return bad;
    const t = now();
    const r: Relationship = {
      id: newId(), fromId: f.fromId, toId: f.toId, type: canonicalRelationshipType(f.type), startDate: f.startDate, endDate: f.endDate,
      confidence: f.confidence, note: f.note, evidenceHighlightIds: uniq(f.evidenceHighlightIds), evidenceClaimIds: uniq(f.evidenceClaimIds),
      createdAt: t, updatedAt: t,
    };
    return ok({ ops: [{ t: 'put', c: 'relationships', v: r }], value: r });
  });
}

export function updateRelationship(
  wb: Workbench, req: { id: string } & Partial<RelationshipFields>,
): ServiceResult<Relationship, 'not_found' | 'conflict'> {
  return wb.run('Edit relationship', (s) => {
    const r = s.get('relationships', req.id);
    if (!r) return fail('not_found', `No relationship with id ${req.id}.`);
    const defined = Object.fromEntries(Object.entries(req).filter(([, v]) => v !== undefined)) as Partial<RelationshipFields>;
    const merged: RelationshipFields = { ...r, ...defined };
    const bad = checkFields(s, merged);
    if (bad) return bad;
    const v: Relationship = {
      ...r, ...merged, id: r.id, type: canonicalRelationshipType(merged.type),
      evidenceHighlightIds: uniq(merged.evidenceHighlightIds), evidenceClaimIds: uniq(merged.evidenceClaimIds), updatedAt: now(),
    };
    return ok({ ops: [{ t: 'put', c: 'relationships', v }], value: v });
  });
}

export function deleteRelationship(wb: Workbench, id: string): ServiceResult<{ id: string }, 'not_found'> {
  return wb.run('Delete relationship', (s) => {
    if (!s.get('relationships', id)) return fail('not_found', `No relationship with id ${id}.`);
    const cs = new ChangeSet(s);
    deleteRelationshipsIn(cs, new Set([id]));
    return ok({ ops: cs.ops, value: { id } });
  });
}

export function getRelationship(wb: Workbench, id: string): ServiceResult<RelationshipView, 'not_found'> {
  const r = wb.state.get('relationships', id);
  if (!r) return fail('not_found', `No relationship with id ${id}.`);
  return ok(relationshipView(wb.state, r));
}

/** Every relationship, or those of one entity (either end), by from name, label, to name. */
export function listRelationships(wb: Workbench, entityId?: string): RelationshipView[] {
  const claims = new ClaimContext(wb.state);
  return wb.state.all('relationships')
    .filter((r) => entityId === undefined || r.fromId === entityId || r.toId === entityId)
    .map((r) => relationshipView(wb.state, r, claims))
    .sort((a, b) => a.fromName.localeCompare(b.fromName) || a.label.localeCompare(b.label) || a.toName.localeCompare(b.toName));
}
