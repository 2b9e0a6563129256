/** Evidence links on a real temp workspace: relationships, deleting cited highlights without dangling references, the graph. */
import { describe, expect, it } from 'vitest';
import { ok } from '../../../shared/domain/result';
import type { Dossier } from '../../../shared/domain/types';
import { analysisFixture, snapshotOf, unwrap } from '../../../tests/support/analysis-fixture';
import { createEntity, deleteEntity, mergeEntities } from './entities';
import { createClaim } from './claims';
import { createRelationship, deleteRelationship, getRelationship, listRelationships, updateRelationship, type RelationshipFields } from './relationships';
import { deleteHighlight } from './highlights';
import { deleteSource } from './sources';
import { highlightDependents } from './dependents';
import { getGraph, saveGraphLayout } from './graph';
import { createTag } from './tags';
import { updateHighlight } from './highlights';
import { historyState } from './history';
import type { Workbench } from './workbench';

const rel = (fromId: string, toId: string, over: Partial<RelationshipFields> = {}): RelationshipFields => ({
  fromId, toId, type: 'meets_with', startDate: '', endDate: '', confidence: 0.7, note: '', evidenceHighlightIds: [], evidenceClaimIds: [], ...over,
});
const entity = (wb: Workbench, name: string, type: 'person' | 'place' = 'person') =>
  unwrap(createEntity(wb, { type, name, aliases: [], description: '' })).entity;

function addDossier(wb: Workbench, refIds: string[]): Dossier {
  const t = new Date().toISOString();
  const d: Dossier = {
    id: 'dossier-1', title: 'Türkiye–Kazakhstan', subjectIds: [], author: 'analyst', createdAt: t, updatedAt: t,
    sections: [{ id: 's1', title: 'Findings', blocks: [
      { id: 'b0', kind: 'text', text: 'Intro', refId: null },
      ...refIds.map((refId, i) => ({ id: `b${i + 1}`, kind: 'quote' as const, text: '', refId })),
    ] }],
  };
  unwrap(wb.run('Add dossier', () => ok({ ops: [{ t: 'put', c: 'dossiers', v: d }], value: d })));
  return d;
}

/** Every id any record refers to, so a test can assert that a deleted id is referenced nowhere. */
function referencedIds(wb: Workbench): Set<string> {
  const s = wb.state;
  return new Set([
    ...s.all('claims').flatMap((c) => [...c.evidenceHighlightIds, ...c.aboutEntityIds, ...c.supports, ...c.contradicts, ...(c.claimantId ? [c.claimantId] : [])]),
    ...s.all('relationships').flatMap((r) => [r.fromId, r.toId, ...r.evidenceHighlightIds, ...r.evidenceClaimIds]),
    ...s.all('highlights').flatMap((h) => h.entityIds),
    ...s.all('dossiers').flatMap((d) => [...d.subjectIds, ...d.sections.flatMap((sec) => sec.blocks.flatMap((b) => (b.refId ? [b.refId] : [])))]),
  ]);
}

describe('relationships', () => {
  it('refuses self-relationships and unknown ids; flags relationships without evidence', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const a = entity(wb, 'Erdoğan');
    const b = entity(wb, 'Tokayev');
    expect(createRelationship(wb, rel(a.id, a.id))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(createRelationship(wb, rel(a.id, 'ghost'))).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('ghost') } });
    expect(createRelationship(wb, rel(a.id, b.id, { evidenceHighlightIds: ['h?'] }))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bare = unwrap(createRelationship(wb, rel(a.id, b.id, { type: 'Sells arms to' })));
    expect(unwrap(getRelationship(wb, bare.id))).toMatchObject({ unevidenced: true, label: 'Sells arms to', fromName: 'Erdoğan', toName: 'Tokayev', evidence: [] });
    expect(updateRelationship(wb, { id: bare.id, toId: a.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const h = highlight(article, 'joint news conference');
    const h2 = highlight(article, 'Tokayev also said Kazakhstan supports');
    const claim = unwrap(createClaim(wb, { claimantId: b.id, statement: 'Kazakhstan supports Türkiye', type: 'fact', claimedAt: '', credibility: 2, evidenceHighlightIds: [h2.id, h.id], aboutEntityIds: [], tagIds: [] }));
    const met = unwrap(createRelationship(wb, rel(a.id, b.id, { type: 'Meets with', evidenceHighlightIds: [h.id], evidenceClaimIds: [claim.id] })));
    const view = unwrap(getRelationship(wb, met.id));
    expect(view).toMatchObject({ type: 'meets_with', label: 'meets with', unevidenced: false, sourceIds: [article.id] });
    // Claim evidence is flattened into the passages, without repeating the shared highlight.
    expect(view.evidence.map((p) => p.highlightId)).toEqual([h.id, h2.id]);
    expect(view.evidenceClaims).toEqual([{ id: claim.id, statement: claim.statement, grade: 'B2' }]);
    expect(listRelationships(wb, b.id)).toHaveLength(2);
    expect(listRelationships(wb, 'other')).toHaveLength(0);
    unwrap(deleteRelationship(wb, bare.id));
    expect(listRelationships(wb)).toHaveLength(1);
    await wb.close();
  });
});

describe('deleting what others cite', () => {
  it('reports the dependents of a highlight, unlinks it everywhere on delete, and undo restores every reference', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const a = entity(wb, 'Erdoğan');
    const b = entity(wb, 'Tokayev');
    const h = highlight(article, 'Erdoğan said');
    const keep = highlight(article, 'joint news conference');
    const claim = unwrap(createClaim(wb, { claimantId: a.id, statement: 'Türkiye supports Kazakhstan', type: 'intention', claimedAt: '', credibility: 2, evidenceHighlightIds: [h.id, keep.id], aboutEntityIds: [b.id], tagIds: [] }));
    const r = unwrap(createRelationship(wb, rel(a.id, b.id, { type: 'supports', evidenceHighlightIds: [h.id] })));
    addDossier(wb, [h.id, claim.id]);
    expect(highlightDependents(wb.state, h.id)).toEqual({
      claims: [{ id: claim.id, statement: claim.statement }],
      relationships: [{ id: r.id, label: 'Erdoğan supports Tokayev' }],
      dossiers: [{ id: 'dossier-1', title: 'Türkiye–Kazakhstan' }],
    });
    const before = snapshotOf(wb);

    unwrap(deleteHighlight(wb, h.id));
    expect(referencedIds(wb).has(h.id)).toBe(false);
    expect(wb.state.get('claims', claim.id)!.evidenceHighlightIds).toEqual([keep.id]);
    expect(unwrap(getRelationship(wb, r.id)).unevidenced).toBe(true);
    expect(wb.state.get('dossiers', 'dossier-1')!.sections[0]!.blocks.map((x) => x.refId)).toEqual([null, claim.id]);

    unwrap(wb.step('undo'));
    expect(snapshotOf(wb)).toBe(before);
    expect(referencedIds(wb).has(h.id)).toBe(true);
    await wb.close();
  });

  it('leaves no dangling reference after deleting a claim, an entity, a merged entity or a whole source', async () => {
    const { wb, article, report, highlight } = await analysisFixture();
    const a = entity(wb, 'Erdoğan');
    const b = entity(wb, 'Tokayev');
    const c = entity(wb, 'Astana', 'place');
    const h = highlight(report, 'signed agreements');
    const claim = unwrap(createClaim(wb, { claimantId: b.id, statement: 'They signed', type: 'fact', claimedAt: '', credibility: 1, evidenceHighlightIds: [h.id], aboutEntityIds: [a.id, c.id], tagIds: [] }));
    const r = unwrap(createRelationship(wb, rel(a.id, b.id, { evidenceClaimIds: [claim.id] })));
    addDossier(wb, [claim.id, r.id, c.id]);
    unwrap(mergeEntities(wb, c.id, b.id));
    unwrap(deleteEntity(wb, a.id));
    unwrap(deleteSource(wb, report.id));
    const gone = [a.id, c.id, r.id, h.id];
    for (const id of gone) expect(referencedIds(wb).has(id)).toBe(false);
    unwrap(createRelationship(wb, rel(b.id, entity(wb, 'Anadolu').id, { evidenceHighlightIds: [highlight(article, 'Erdoğan said').id] })));
    expect(referencedIds(wb).has(claim.id)).toBe(true);
    await wb.close();
  });
});

describe('graph', () => {
  it('gives nodes and edges with their sources and tags', async () => {
    const { wb, article, report, highlight } = await analysisFixture();
    const tag = unwrap(createTag(wb, { name: 'energy', parentId: null }));
    const a = entity(wb, 'Erdoğan');
    const b = entity(wb, 'Tokayev');
    const h = highlight(article, 'transportation and energy');
    unwrap(updateHighlight(wb, { id: h.id, tagIds: [tag.id] }));
    const claim = unwrap(createClaim(wb, { claimantId: b.id, statement: 'They met', type: 'fact', claimedAt: '', credibility: 2, evidenceHighlightIds: [highlight(report, 'in Astana on Wednesday').id], aboutEntityIds: [], tagIds: [] }));
    const r = unwrap(createRelationship(wb, rel(a.id, b.id, { type: 'trades_with', evidenceHighlightIds: [h.id], evidenceClaimIds: [claim.id] })));
    const g = getGraph(wb);
    expect(g.nodes.map((n) => n.name).sort()).toEqual(['Erdoğan', 'Tokayev']);
    expect(g.edges).toEqual([expect.objectContaining({ id: r.id, from: a.id, to: b.id, label: 'trades with', unevidenced: false, sourceIds: [article.id, report.id], tagIds: [tag.id] })]);
    await wb.close();
  });

  it('saves the layout durably but outside undo history, merged with earlier positions, without deleted entities', async () => {
    const { dir, wb } = await analysisFixture();
    const a = entity(wb, 'Erdoğan');
    const b = entity(wb, 'Tokayev');
    const c = entity(wb, 'Astana', 'place');
    const undoBefore = wb.state.history.undo.length;
    const labelBefore = historyState(wb).undoLabel;
    expect(unwrap(saveGraphLayout(wb, { [a.id]: { x: 1, y: 2 }, [c.id]: { x: 5, y: 6 }, ghost: { x: 0, y: 0 } }))).toEqual({ saved: 2 });
    unwrap(deleteEntity(wb, c.id));
    unwrap(saveGraphLayout(wb, { [b.id]: { x: 3, y: 4 } }));
    expect(wb.state.history.undo.length).toBe(undoBefore + 1); // only the entity deletion
    expect(getGraph(wb).positions).toEqual({ [a.id]: { x: 1, y: 2 }, [b.id]: { x: 3, y: 4 } });
    expect(wb.state.get('layouts', 'graph')!.positions).not.toHaveProperty(c.id);
    unwrap(wb.step('undo'));
    expect(historyState(wb).undoLabel).toBe(labelBefore);
    expect(getGraph(wb).positions).toEqual({ [a.id]: { x: 1, y: 2 }, [b.id]: { x: 3, y: 4 } });
    await wb.close();
    const again = await (await import('./workbench')).Workbench.open(dir);
    expect(getGraph(again).positions).toEqual({ [a.id]: { x: 1, y: 2 }, [b.id]: { x: 3, y: 4 } });
    await again.close();
  });
});
