/** Keeps references whole: when a record goes (or is merged), every record citing it is updated in the same transaction. */
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { CollectionName, Dossier, WorkspaceCollections } from '../../../shared/domain/types';
import type { Dependents } from '../../../shared/contract/views-analysis';
import { relationshipLabel } from '../../../shared/domain/analysis/vocabulary';
import type { ReferringCollection } from '../../../shared/domain/references';

/**
 * The edits of one plan, one final put or delete per record: a record changed by two cascades
 * (a claim losing a highlight and an entity) must be written once, with both changes.
 */
export class ChangeSet {
  private readonly pending = new Map<string, Op>();
  readonly stamp = new Date().toISOString();

  constructor(readonly state: WorkspaceState) {}

  get<C extends CollectionName>(c: C, id: string): WorkspaceCollections[C] | undefined {
    const op = this.pending.get(`${c}/${id}`);
    if (!op) return this.state.get(c, id);
    return op.t === 'put' ? (op.v as WorkspaceCollections[C]) : undefined;
  }

  /** Every record of a collection as it will be after these edits. */
  all<C extends CollectionName>(c: C): WorkspaceCollections[C][] {
    const out: WorkspaceCollections[C][] = [];
    for (const r of this.state.all(c)) {
      const v = this.get(c, r.id);
      if (v) out.push(v);
    }
    for (const op of this.pending.values()) {
      if (op.t === 'put' && op.c === c && !this.state.get(c, op.v.id)) out.push(op.v as WorkspaceCollections[C]);
    }
    return out;
  }

  /**
   * Records of `c` (as they will be) that may reference any of `ids`: the state's reverse index plus
   * this plan's own pending puts. Callers still check the exact field, as with `all`.
   */
  referring<C extends ReferringCollection>(c: C, ids: Iterable<string>): WorkspaceCollections[C][] {
    const out = new Map<string, WorkspaceCollections[C]>();
    for (const r of this.state.referringTo(c, ids)) {
      const v = this.get(c, r.id);
      if (v) out.set(r.id, v);
    }
    for (const op of this.pending.values()) {
      if (op.t === 'put' && op.c === c) out.set(op.v.id, op.v as WorkspaceCollections[C]);
    }
    return [...out.values()];
  }

  put<C extends CollectionName>(c: C, v: WorkspaceCollections[C]): void {
    this.pending.set(`${c}/${v.id}`, { t: 'put', c, v } as Op);
  }

  del(c: CollectionName, id: string): void {
    this.pending.set(`${c}/${id}`, { t: 'del', c, id });
  }

  get ops(): Op[] {
    return [...this.pending.values()];
  }
}

const without = (ids: readonly string[], gone: ReadonlySet<string>) => ids.filter((i) => !gone.has(i));
const touches = (ids: readonly string[], gone: ReadonlySet<string>) => ids.some((i) => gone.has(i));

/** Replaces references in dossiers: blocks whose refId is a key get the mapped id, or are removed when it maps to null. */
export function rewriteDossierRefs(cs: ChangeSet, map: ReadonlyMap<string, string | null>): number {
  let changed = 0;
  for (const d of cs.referring('dossiers', map.keys())) {
    const refs = d.sections.some((sec) => sec.blocks.some((b) => b.refId !== null && map.has(b.refId)));
    const subjects = d.subjectIds.some((i) => map.has(i));
    if (!refs && !subjects) continue;
    const sections = d.sections.map((sec) => ({
      ...sec,
      blocks: sec.blocks
        .filter((b) => b.refId === null || map.get(b.refId) !== null)
        .map((b) => (b.refId !== null && map.has(b.refId) ? { ...b, refId: map.get(b.refId)! } : b)),
    }));
    const subjectIds = [...new Set(d.subjectIds.map((i) => (map.has(i) ? map.get(i) : i)).filter((i): i is string => !!i))];
    cs.put('dossiers', { ...d, sections, subjectIds, updatedAt: cs.stamp });
    changed++;
  }
  return changed;
}

const removing = (ids: ReadonlySet<string>) => new Map([...ids].map((i) => [i, null] as const));

/**
 * Removes the rows citing `ids` from ACH matrices. The row's ratings go with it, and come back on undo with the
 * rest of the transaction: a matrix never shows a rating for evidence that no longer exists.
 */
export function dropMatrixEvidenceIn(cs: ChangeSet, ids: ReadonlySet<string>): void {
  for (const m of cs.referring('matrices', ids)) {
    if (!m.evidence.some((e) => ids.has(e.refId))) continue;
    cs.put('matrices', { ...m, evidence: m.evidence.filter((e) => !ids.has(e.refId)), updatedAt: cs.stamp });
  }
}

/** Removes highlights from every claim's and relationship's evidence, from ACH matrices and from dossier quote blocks. */
function unlinkHighlightsIn(cs: ChangeSet, ids: ReadonlySet<string>): void {
  for (const c of cs.referring('claims', ids)) {
    if (touches(c.evidenceHighlightIds, ids)) cs.put('claims', { ...c, evidenceHighlightIds: without(c.evidenceHighlightIds, ids), updatedAt: cs.stamp });
  }
  for (const r of cs.referring('relationships', ids)) {
    if (touches(r.evidenceHighlightIds, ids)) cs.put('relationships', { ...r, evidenceHighlightIds: without(r.evidenceHighlightIds, ids), updatedAt: cs.stamp });
  }
  dropMatrixEvidenceIn(cs, ids);
  rewriteDossierRefs(cs, removing(ids));
}

/** Ops removing the given highlight ids from every claim, relationship and dossier that cites them. */
export function unlinkHighlights(s: WorkspaceState, ids: ReadonlySet<string>): Op[] {
  const cs = new ChangeSet(s);
  unlinkHighlightsIn(cs, ids);
  return cs.ops;
}

export function dependentsOfSource(s: WorkspaceState, _sourceId: string, highlightIds: ReadonlySet<string>): Op[] {
  return unlinkHighlights(s, highlightIds);
}

/** Deletes relationships and the dossier blocks showing them. */
export function deleteRelationshipsIn(cs: ChangeSet, ids: ReadonlySet<string>): void {
  for (const id of ids) cs.del('relationships', id);
  rewriteDossierRefs(cs, removing(ids));
}

/** Deletes claims and every reference to them; returns how many relationships lost evidence. */
export function deleteClaimsIn(cs: ChangeSet, ids: ReadonlySet<string>): number {
  let updatedRelationships = 0;
  for (const id of ids) cs.del('claims', id);
  for (const r of cs.referring('relationships', ids)) {
    if (!touches(r.evidenceClaimIds, ids)) continue;
    updatedRelationships++;
    cs.put('relationships', { ...r, evidenceClaimIds: without(r.evidenceClaimIds, ids), updatedAt: cs.stamp });
  }
  for (const c of cs.referring('claims', ids)) {
    if (touches(c.supports, ids) || touches(c.contradicts, ids)) {
      cs.put('claims', { ...c, supports: without(c.supports, ids), contradicts: without(c.contradicts, ids), updatedAt: cs.stamp });
    }
  }
  dropMatrixEvidenceIn(cs, ids);
  rewriteDossierRefs(cs, removing(ids));
  return updatedRelationships;
}

/** Deletes an entity with its relationships, and unlinks it from claims, highlights and dossiers. */
export function deleteEntityIn(cs: ChangeSet, id: string): { removedRelationships: number; updatedClaims: number } {
  const gone = new Set([id]);
  const rels = cs.referring('relationships', [id]).filter((r) => r.fromId === id || r.toId === id).map((r) => r.id);
  deleteRelationshipsIn(cs, new Set(rels));
  let updatedClaims = 0;
  for (const c of cs.referring('claims', [id])) {
    if (c.claimantId !== id && !c.aboutEntityIds.includes(id)) continue;
    updatedClaims++;
    cs.put('claims', { ...c, claimantId: c.claimantId === id ? null : c.claimantId, aboutEntityIds: without(c.aboutEntityIds, gone), updatedAt: cs.stamp });
  }
  for (const h of cs.all('highlights')) {
    if (h.entityIds.includes(id)) cs.put('highlights', { ...h, entityIds: without(h.entityIds, gone), updatedAt: cs.stamp });
  }
  rewriteDossierRefs(cs, removing(gone));
  cs.del('entities', id);
  return { removedRelationships: rels.length, updatedClaims };
}

const citesBlock = (d: Dossier, id: string) => d.sections.some((sec) => sec.blocks.some((b) => b.refId === id));

/** What cites a highlight: the claims and relationships using it as evidence and the dossiers quoting it. */
export function highlightDependents(s: WorkspaceState, id: string): Dependents {
  const name = (eid: string) => s.get('entities', eid)?.name ?? eid;
  return {
    claims: s.referringTo('claims', [id]).filter((c) => c.evidenceHighlightIds.includes(id)).map((c) => ({ id: c.id, statement: c.statement })),
    relationships: s.referringTo('relationships', [id]).filter((r) => r.evidenceHighlightIds.includes(id))
      .map((r) => ({ id: r.id, label: `${name(r.fromId)} ${relationshipLabel(r.type)} ${name(r.toId)}` })),
    dossiers: s.referringTo('dossiers', [id]).filter((d) => citesBlock(d, id)).map((d) => ({ id: d.id, title: d.title })),
  };
}
