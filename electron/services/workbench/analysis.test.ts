/** Entities, claims and their grading on a real temp workspace: alias matching, merge with undo, filters and sorts. */
import { describe, expect, it } from 'vitest';
import { analysisFixture, snapshotOf, unwrap } from '../../../tests/support/analysis-fixture';
import { createEntity, deleteEntity, listEntities, mergeEntities, setHighlightEntities, updateEntity } from './entities';
import { getEntityPage } from './entity-page';
import { dismissSuggestion, suggestForSource } from './entity-suggestions';
import { createClaim, deleteClaim, getClaim, linkClaims, listClaims, type ClaimFields } from './claims';
import { createRelationship, getRelationship } from './relationships';
import { updateSourceMeta } from './sources';
import { createTag } from './tags';
import type { Workbench } from './workbench';

const claimOf = (over: Partial<ClaimFields>): ClaimFields => ({
  claimantId: null, statement: 'Kazakhstan supports Türkiye', type: 'fact', claimedAt: '', credibility: 2,
  evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [], ...over,
});
const person = (wb: Workbench, name: string, aliases: string[] = []) =>
  unwrap(createEntity(wb, { type: 'person', name, aliases, description: '' })).entity;

describe('entities', () => {
  it('returns the existing entity for a name equal to a name or alias, case- and diacritic-insensitively', async () => {
    const { wb } = await analysisFixture();
    const erdogan = unwrap(createEntity(wb, { type: 'person', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan', 'erdogan'], description: '' }));
    expect(erdogan.existed).toBe(false);
    expect(erdogan.entity.aliases).toEqual(['Erdoğan']);
    const undoDepth = wb.state.history.undo.length;
    const again = unwrap(createEntity(wb, { type: 'organisation', name: 'erdogan', aliases: [], description: '' }));
    expect(again).toEqual({ entity: erdogan.entity, existed: true });
    expect(unwrap(createEntity(wb, { type: 'person', name: 'RECEP TAYYIP ERDOGAN', aliases: [], description: '' })).existed).toBe(true);
    expect(wb.state.count('entities')).toBe(1);
    expect(wb.state.history.undo.length).toBe(undoDepth);
    const tokayev = person(wb, 'Tokayev');
    expect(updateEntity(wb, { id: tokayev.id, name: 'ERDOĞAN' })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(unwrap(updateEntity(wb, { id: tokayev.id, name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'kassym-jomart tokayev'] })).aliases).toEqual(['Tokayev']);
    await wb.close();
  });

  it('merges two entities into one with the other name as alias, repointing every reference; undo restores all', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const erdogan = person(wb, 'Erdoğan');
    const president = person(wb, 'President Recep Tayyip Erdoğan', ['Tayyip Erdogan']);
    unwrap(updateEntity(wb, { id: president.id, description: 'President of Türkiye' }));
    const tokayev = person(wb, 'Tokayev');
    const h = highlight(article, 'President Recep Tayyip Erdoğan said Wednesday');
    unwrap(setHighlightEntities(wb, h.id, [president.id, erdogan.id]));
    const claim = unwrap(createClaim(wb, claimOf({ claimantId: president.id, aboutEntityIds: [president.id, tokayev.id], evidenceHighlightIds: [h.id] })));
    const meetsA = unwrap(createRelationship(wb, { fromId: erdogan.id, toId: tokayev.id, type: 'meets_with', startDate: '', endDate: '', confidence: 0.6, note: '', evidenceHighlightIds: [], evidenceClaimIds: [] }));
    const meetsB = unwrap(createRelationship(wb, { fromId: tokayev.id, toId: president.id, type: 'Meets with', startDate: '2024-10', endDate: '', confidence: 0.9, note: '', evidenceHighlightIds: [h.id], evidenceClaimIds: [] }));
    const loop = unwrap(createRelationship(wb, { fromId: president.id, toId: erdogan.id, type: 'leads', startDate: '', endDate: '', confidence: 0.5, note: '', evidenceHighlightIds: [], evidenceClaimIds: [] }));
    const before = snapshotOf(wb);

    const merged = unwrap(mergeEntities(wb, president.id, erdogan.id));
    expect(merged.name).toBe('Erdoğan');
    expect(merged.aliases).toEqual(['President Recep Tayyip Erdoğan', 'Tayyip Erdogan']);
    expect(merged.description).toBe('President of Türkiye');
    expect(wb.state.get('entities', president.id)).toBeUndefined();
    expect(wb.state.get('highlights', h.id)!.entityIds).toEqual([erdogan.id]);
    expect(wb.state.get('claims', claim.id)).toMatchObject({ claimantId: erdogan.id, aboutEntityIds: [erdogan.id, tokayev.id] });
    expect(wb.state.get('relationships', loop.id)).toBeUndefined();
    const rels = wb.state.all('relationships');
    expect(rels).toHaveLength(1);
    expect(rels[0]).toMatchObject({ id: meetsA.id, evidenceHighlightIds: [h.id], confidence: 0.9, startDate: '2024-10' });
    expect(wb.state.get('relationships', meetsB.id)).toBeUndefined();
    expect(unwrap(createEntity(wb, { type: 'person', name: 'president recep tayyip erdogan', aliases: [], description: '' })).entity.id).toBe(erdogan.id);
    expect(wb.state.history.undo.at(-1)!.label).toBe('Merge entities');

    unwrap(wb.step('undo'));
    expect(snapshotOf(wb)).toBe(before);
    await wb.close();
  });

  it('deletes an entity with its relationships and unlinks it everywhere', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const a = person(wb, 'Erdoğan');
    const b = person(wb, 'Tokayev');
    const h = highlight(article, 'Erdoğan said');
    unwrap(setHighlightEntities(wb, h.id, [a.id, b.id]));
    expect(setHighlightEntities(wb, h.id, ['nope'])).toMatchObject({ ok: false, error: { code: 'not_found' } });
    unwrap(createClaim(wb, claimOf({ claimantId: a.id, aboutEntityIds: [b.id] })));
    unwrap(createRelationship(wb, { fromId: a.id, toId: b.id, type: 'meets_with', startDate: '', endDate: '', confidence: 0.7, note: '', evidenceHighlightIds: [], evidenceClaimIds: [] }));
    expect(listEntities(wb).find((e) => e.id === a.id)).toMatchObject({ linkedCount: 1, claimCount: 1, relationshipCount: 1 });
    expect(unwrap(deleteEntity(wb, a.id))).toEqual({ removedRelationships: 1, updatedClaims: 1 });
    expect(wb.state.count('relationships')).toBe(0);
    expect(wb.state.all('claims')[0]!.claimantId).toBeNull();
    expect(wb.state.get('highlights', h.id)!.entityIds).toEqual([b.id]);
    await wb.close();
  });

  it('builds the entity page: linked passages, text mentions across sources, claims and relationships', async () => {
    const { wb, article, report, highlight } = await analysisFixture();
    const erdogan = person(wb, 'Recep Tayyip Erdoğan', ['Erdogan']);
    const h = highlight(article, 'Erdoğan said regional and global developments');
    unwrap(setHighlightEntities(wb, h.id, [erdogan.id]));
    unwrap(createClaim(wb, claimOf({ claimantId: erdogan.id, evidenceHighlightIds: [h.id] })));
    const page = unwrap(getEntityPage(wb, erdogan.id));
    expect(page.linkedPassages).toEqual([expect.objectContaining({ highlightId: h.id, sourceTitle: article.meta.title, exact: h.quote.exact })]);
    expect(page.claimsBy).toHaveLength(1);
    expect(page.claimsAbout).toHaveLength(0);
    const exacts = page.textMentions.map((m) => m.exact);
    expect(exacts).toContain('Recep Tayyip Erdoğan');
    expect(exacts).toContain('Erdoğan');
    expect(exacts).toContain('Erdogan');
    expect(page.textMentions.some((m) => m.sourceId === report.id)).toBe(true);
    expect(page.textMentionTotal).toBe(page.textMentions.length);
    for (const m of page.textMentions) expect(m.highlightId).toBeNull();
    await wb.close();
  });

  it('suggests entities for a source, marks known ones, and hides dismissed ones (undoably)', async () => {
    const { wb, article } = await analysisFixture();
    const tokayev = person(wb, 'Kassym-Jomart Tokayev');
    const first = unwrap(suggestForSource(wb, article.id));
    expect(first.length).toBeGreaterThan(0);
    const known = first.find((s) => s.matchesEntityId === tokayev.id);
    expect(known).toBeDefined();
    const other = first.find((s) => s.matchesEntityId === null)!;
    expect(unwrap(dismissSuggestion(wb, article.id, other.name.toUpperCase())).dismissed).toHaveLength(1);
    expect(unwrap(suggestForSource(wb, article.id)).map((s) => s.name)).not.toContain(other.name);
    unwrap(wb.step('undo'));
    expect(unwrap(suggestForSource(wb, article.id)).map((s) => s.name)).toContain(other.name);
    expect(suggestForSource(wb, 'nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await wb.close();
  });
});

describe('claims', () => {
  it('grades by the best evidence source, F without evidence; corroborates only across independent sources', async () => {
    const { wb, article, report, highlight } = await analysisFixture();
    const inArticle = highlight(article, 'Tokayev also said Kazakhstan supports Türkiye');
    const again = highlight(article, 'Kazakhstan supports Türkiye\'s initiatives to resolve');
    const inReport = highlight(report, 'Kazakhstan supports Türkiye\'s initiatives, Tokayev said');
    const bare = unwrap(createClaim(wb, claimOf({ credibility: 3 })));
    expect(unwrap(getClaim(wb, bare.id))).toMatchObject({ grade: 'F3', reliability: 'F', corroborated: false, evidence: [], sourceIds: [] });
    const twice = unwrap(createClaim(wb, claimOf({ evidenceHighlightIds: [inArticle.id, again.id] })));
    expect(unwrap(getClaim(wb, twice.id))).toMatchObject({ grade: 'B2', corroborated: false, sourceIds: [article.id] });
    const both = unwrap(createClaim(wb, claimOf({ evidenceHighlightIds: [inReport.id, inArticle.id] })));
    const view = unwrap(getClaim(wb, both.id));
    expect(view).toMatchObject({ grade: 'B2', corroborated: true, sourceIds: [report.id, article.id] });
    expect(view.evidence.map((p) => p.exact)).toEqual([inReport.quote.exact, inArticle.quote.exact]);
    // Same publisher: no longer independent.
    unwrap(updateSourceMeta(wb, report.id, { publisher: 'anadolu agency' }));
    expect(unwrap(getClaim(wb, both.id)).corroborated).toBe(false);
    unwrap(updateSourceMeta(wb, report.id, { publisher: 'Kazinform' }));
    // Through a supporting claim with evidence from the other source.
    const supporter = unwrap(createClaim(wb, claimOf({ statement: 'Tokayev backs Ankara', evidenceHighlightIds: [inReport.id] })));
    expect(unwrap(getClaim(wb, twice.id)).corroborated).toBe(false);
    unwrap(linkClaims(wb, supporter.id, twice.id, 'supports'));
    expect(unwrap(getClaim(wb, twice.id))).toMatchObject({ corroborated: true, supportedBy: [supporter.id] });
    expect(linkClaims(wb, twice.id, twice.id, 'supports')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    unwrap(linkClaims(wb, twice.id, supporter.id, 'contradicts'));
    expect(unwrap(getClaim(wb, supporter.id)).contradictedBy).toEqual([twice.id]);
    unwrap(linkClaims(wb, supporter.id, twice.id, 'none'));
    expect(wb.state.get('claims', supporter.id)!.supports).toEqual([]);
    expect(wb.state.get('claims', twice.id)!.contradicts).toEqual([]);
    await wb.close();
  });

  it('validates references, naming what is missing', async () => {
    const { wb } = await analysisFixture();
    const r = createClaim(wb, claimOf({ claimantId: 'ghost' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!r.ok) expect(r.error.message).toContain('ghost');
    expect(createClaim(wb, claimOf({ evidenceHighlightIds: ['h-missing'] }))).toMatchObject({ ok: false, error: { message: expect.stringContaining('highlight') } });
    expect(createClaim(wb, claimOf({ tagIds: ['t-missing'] }))).toMatchObject({ ok: false, error: { message: expect.stringContaining('tag') } });
    expect(wb.state.count('claims')).toBe(0);
    await wb.close();
  });

  it('filters by claimant, type, grade, tag, source and entity, and sorts', async () => {
    const { wb, article, report, highlight } = await analysisFixture();
    const erdogan = person(wb, 'Erdoğan');
    const tokayev = person(wb, 'Tokayev');
    const tag = unwrap(createTag(wb, { name: 'diplomacy', parentId: null }));
    const ha = highlight(article, 'Erdoğan said');
    const hr = highlight(report, 'Tokayev said');
    const c1 = unwrap(createClaim(wb, claimOf({ statement: 'one', claimantId: erdogan.id, claimedAt: '2024-10-09', credibility: 3, evidenceHighlightIds: [ha.id], tagIds: [tag.id] })));
    const c2 = unwrap(createClaim(wb, claimOf({ statement: 'two', claimantId: tokayev.id, type: 'assessment', claimedAt: '2024-11', credibility: 2, evidenceHighlightIds: [hr.id], aboutEntityIds: [erdogan.id] })));
    const c3 = unwrap(createClaim(wb, claimOf({ statement: 'three', credibility: 1 })));
    const ids = (q: Parameters<typeof listClaims>[1]) => listClaims(wb, q).map((c) => c.statement);
    expect(ids({ claimantId: erdogan.id })).toEqual(['one']);
    expect(ids({ type: 'assessment' })).toEqual(['two']);
    expect(ids({ grade: 'B3' })).toEqual(['one']);
    expect(ids({ grade: 'C' })).toEqual(['two']);
    expect(ids({ grade: '1' })).toEqual(['three']);
    expect(ids({ tagId: tag.id })).toEqual(['one']);
    expect(ids({ sourceId: report.id })).toEqual(['two']);
    expect(ids({ entityId: erdogan.id }).sort()).toEqual(['one', 'two']);
    expect(ids({ sort: 'date' })).toEqual(['two', 'one', 'three']);
    expect(ids({ sort: 'grade' })).toEqual(['one', 'two', 'three']);
    expect(ids({ sort: 'claimant' })).toEqual(['one', 'two', 'three']);
    expect(ids({ sort: 'created' })).toEqual(['three', 'two', 'one']);
    expect(listClaims(wb).map((c) => c.id)).toEqual([c3.id, c2.id, c1.id]);
    expect(listClaims(wb).find((c) => c.id === c2.id)).toMatchObject({ claimantName: 'Tokayev', grade: 'C2' });
    await wb.close();
  });

  it('deleting a claim removes it from relationship evidence and other claims\' links; undo restores', async () => {
    const { wb } = await analysisFixture();
    const a = person(wb, 'Erdoğan');
    const b = person(wb, 'Tokayev');
    const c1 = unwrap(createClaim(wb, claimOf({ statement: 'one' })));
    const c2 = unwrap(createClaim(wb, claimOf({ statement: 'two' })));
    unwrap(linkClaims(wb, c2.id, c1.id, 'supports'));
    const rel = unwrap(createRelationship(wb, { fromId: a.id, toId: b.id, type: 'supports', startDate: '', endDate: '', confidence: 0.7, note: '', evidenceHighlightIds: [], evidenceClaimIds: [c1.id] }));
    expect(unwrap(getRelationship(wb, rel.id)).evidenceClaims).toEqual([{ id: c1.id, statement: 'one', grade: 'F2' }]);
    expect(unwrap(deleteClaim(wb, c1.id))).toEqual({ id: c1.id, updatedRelationships: 1 });
    expect(wb.state.get('relationships', rel.id)!.evidenceClaimIds).toEqual([]);
    expect(unwrap(getRelationship(wb, rel.id)).unevidenced).toBe(true);
    expect(wb.state.get('claims', c2.id)!.supports).toEqual([]);
    unwrap(wb.step('undo'));
    expect(wb.state.get('relationships', rel.id)!.evidenceClaimIds).toEqual([c1.id]);
    expect(wb.state.get('claims', c2.id)!.supports).toEqual([c1.id]);
    await wb.close();
  });
});
