/** Entities: people, organisations, places, events; matched by name or alias, merged and deleted with every reference kept whole. */
import { ok } from '../../../shared/domain/result';
import type { Entity, EntityType, Relationship } from '../../../shared/domain/types';
import type { EntitySummary } from '../../../shared/contract/views-analysis';
import { cleanAliases, findByNameOrAlias, mergedAliases } from '../../../shared/domain/analysis/names';
import { relationshipKey } from '../../../shared/domain/analysis/vocabulary';
import { fail, newId, now, type ServiceResult, type Workbench } from './workbench';
import { ChangeSet, deleteEntityIn, deleteRelationshipsIn, rewriteDossierRefs } from './dependents';

export function listEntities(wb: Workbench): EntitySummary[] {
  const linked = new Map<string, number>();
  const claims = new Map<string, number>();
  const rels = new Map<string, number>();
  const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const h of wb.state.all('highlights')) for (const e of new Set(h.entityIds)) bump(linked, e);
  for (const c of wb.state.all('claims')) {
    for (const e of new Set([...(c.claimantId ? [c.claimantId] : []), ...c.aboutEntityIds])) bump(claims, e);
  }
  for (const r of wb.state.all('relationships')) for (const e of new Set([r.fromId, r.toId])) bump(rels, e);
  return wb.state.all('entities')
    .map((e) => ({ ...e, linkedCount: linked.get(e.id) ?? 0, claimCount: claims.get(e.id) ?? 0, relationshipCount: rels.get(e.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates an entity, or answers with the one already known by that name or alias (existed: true, nothing written). */
export function createEntity(
  wb: Workbench, req: { type: EntityType; name: string; aliases: string[]; description: string },
): ServiceResult<{ entity: Entity; existed: boolean }, never> {
  const name = req.name.trim().replace(/\s+/g, ' ');
  return wb.run<{ entity: Entity; existed: boolean }, never>(`Add entity “${name}”`, (s) => {
    const existing = findByNameOrAlias(s.all('entities'), name);
    if (existing) return ok({ ops: [], value: { entity: existing, existed: true } });
    const t = now();
    const entity: Entity = {
      id: newId(), type: req.type, name, aliases: cleanAliases(name, req.aliases), description: req.description.trim(), createdAt: t, updatedAt: t,
    };
    return ok({ ops: [{ t: 'put', c: 'entities', v: entity }], value: { entity, existed: false } });
  });
}

export function updateEntity(
  wb: Workbench, req: { id: string; type?: EntityType; name?: string; aliases?: string[]; description?: string },
): ServiceResult<Entity, 'not_found' | 'duplicate'> {
  return wb.run('Edit entity', (s) => {
    const e = s.get('entities', req.id);
    if (!e) return fail('not_found', `No entity with id ${req.id}.`);
    const name = req.name?.trim().replace(/\s+/g, ' ') ?? e.name;
    const clash = req.name === undefined ? undefined : findByNameOrAlias(s.all('entities'), name, e.id);
    if (clash) return fail('duplicate', `“${name}” is already the entity “${clash.name}”; merge them instead.`, { id: clash.id });
    const v: Entity = {
      ...e, type: req.type ?? e.type, name, aliases: cleanAliases(name, req.aliases ?? e.aliases),
      description: req.description?.trim() ?? e.description, updatedAt: now(),
    };
    return ok({ ops: [{ t: 'put', c: 'entities', v }], value: v });
  });
}

/** Folds `b` into `a`: the same statement twice becomes one relationship with the evidence of both. */
function combine(a: Relationship, b: Relationship, stamp: string): Relationship {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    ...a,
    evidenceHighlightIds: union(a.evidenceHighlightIds, b.evidenceHighlightIds),
    evidenceClaimIds: union(a.evidenceClaimIds, b.evidenceClaimIds),
    confidence: Math.max(a.confidence, b.confidence),
    startDate: a.startDate || b.startDate,
    endDate: a.endDate || b.endDate,
    note: [a.note, b.note].filter((n, i, all) => n.trim() !== '' && all.indexOf(n) === i).join('\n\n'),
    updatedAt: stamp,
  };
}

/**
 * Merges `fromId` into `intoId` in one transaction: names become aliases, every reference is repointed,
 * relationships that become self-loops go, duplicates (same type, same pair) are combined.
 */
export function mergeEntities(wb: Workbench, fromId: string, intoId: string): ServiceResult<Entity, 'not_found' | 'conflict'> {
  return wb.run('Merge entities', (s) => {
    const from = s.get('entities', fromId);
    const into = s.get('entities', intoId);
    if (!from) return fail('not_found', `No entity with id ${fromId}.`);
    if (!into) return fail('not_found', `No entity with id ${intoId}.`);
    if (fromId === intoId) return fail('conflict', 'An entity cannot be merged into itself.');
    const cs = new ChangeSet(s);
    const swap = (ids: string[]) => [...new Set(ids.map((i) => (i === fromId ? intoId : i)))];
    const merged: Entity = {
      ...into, aliases: mergedAliases(from, into), description: into.description.trim() ? into.description : from.description, updatedAt: cs.stamp,
    };
    cs.put('entities', merged);
    for (const h of s.all('highlights')) {
      if (h.entityIds.includes(fromId)) cs.put('highlights', { ...h, entityIds: swap(h.entityIds), updatedAt: cs.stamp });
    }
    for (const c of s.all('claims')) {
      if (c.claimantId !== fromId && !c.aboutEntityIds.includes(fromId)) continue;
      cs.put('claims', { ...c, claimantId: c.claimantId === fromId ? intoId : c.claimantId, aboutEntityIds: swap(c.aboutEntityIds), updatedAt: cs.stamp });
    }
    const refMap = new Map<string, string | null>([[fromId, intoId]]);
    const selfLoops = new Set<string>();
    const survivors = new Map<string, Relationship>();
    // Untouched relationships of `into` come first, so they survive and absorb the repointed duplicates.
    const rels = s.all('relationships').filter((r) => [r.fromId, r.toId].some((e) => e === fromId || e === intoId))
      .sort((a, b) => Number([a.fromId, a.toId].includes(fromId)) - Number([b.fromId, b.toId].includes(fromId)));
    for (const r of rels) {
      const moved = { ...r, fromId: r.fromId === fromId ? intoId : r.fromId, toId: r.toId === fromId ? intoId : r.toId };
      if (moved.fromId === moved.toId) {
        selfLoops.add(r.id);
        continue;
      }
      const key = relationshipKey(moved);
      const first = survivors.get(key);
      if (first) {
        const combined = combine(first, moved, cs.stamp);
        survivors.set(key, combined);
        cs.put('relationships', combined);
        cs.del('relationships', r.id);
        refMap.set(r.id, first.id);
      } else {
        survivors.set(key, moved);
        if (moved.fromId !== r.fromId || moved.toId !== r.toId) cs.put('relationships', { ...moved, updatedAt: cs.stamp });
      }
    }
    deleteRelationshipsIn(cs, selfLoops);
    rewriteDossierRefs(cs, refMap);
    cs.del('entities', fromId);
    return ok({ ops: cs.ops, value: merged });
  });
}

export function deleteEntity(wb: Workbench, id: string): ServiceResult<{ removedRelationships: number; updatedClaims: number }, 'not_found'> {
  return wb.run('Delete entity', (s) => {
    if (!s.get('entities', id)) return fail('not_found', `No entity with id ${id}.`);
    const cs = new ChangeSet(s);
    const counts = deleteEntityIn(cs, id);
    return ok({ ops: cs.ops, value: counts });
  });
}

/** Links a passage to the entities it mentions (replacing the previous list). */
export function setHighlightEntities(wb: Workbench, id: string, entityIds: string[]): ServiceResult<{ id: string; entityIds: string[] }, 'not_found'> {
  return wb.run('Link entities to passage', (s) => {
    const h = s.get('highlights', id);
    if (!h) return fail('not_found', `No highlight with id ${id}.`);
    const missing = entityIds.find((e) => !s.get('entities', e));
    if (missing) return fail('not_found', `No entity with id ${missing}.`);
    const ids = [...new Set(entityIds)];
    return ok({ ops: [{ t: 'put', c: 'highlights', v: { ...h, entityIds: ids, updatedAt: now() } }], value: { id, entityIds: ids } });
  });
}
