/** The analysis handlers serve every analysis method of the contract, with requests parsed by the contract's schemas. */
import { describe, expect, it } from 'vitest';
import { analysisApi } from '../../../shared/contract/api-analysis';
import { createAnalysisHandlers } from './handlers-analysis';
import { analysisFixture } from '../../../tests/support/analysis-fixture';
import type { Result } from '../../../shared/domain/result';

type AnyHandler = (req: unknown) => Promise<Result<unknown, { code: string; message: string }>>;

describe('analysis handlers', () => {
  it('serve exactly the declared methods, end to end through the request schemas', async () => {
    const { wb, article, highlight } = await analysisFixture();
    const handlers = createAnalysisHandlers(wb) as unknown as Record<string, AnyHandler>;
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(analysisApi).sort());
    const call = async (m: keyof typeof analysisApi, raw: unknown) => {
      const parsed = analysisApi[m].request.safeParse(raw);
      if (!parsed.success) throw new Error(`${m}: ${parsed.error.message}`);
      return handlers[m]!(parsed.data);
    };
    const value = <T>(r: Result<unknown, { message: string }>): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const a = value<{ entity: { id: string } }>(await call('entities.create', { type: 'person', name: 'Erdoğan' })).entity;
    const b = value<{ entity: { id: string } }>(await call('entities.create', { type: 'person', name: 'Tokayev' })).entity;
    const h = highlight(article, 'Erdoğan said');
    value(await call('highlights.setEntities', { id: h.id, entityIds: [a.id] }));
    const claim = value<{ id: string }>(await call('claims.create', {
      claimantId: a.id, statement: 'We will support Kazakhstan', type: 'intention', claimedAt: '2024-10-09', credibility: 2,
      evidenceHighlightIds: [h.id], aboutEntityIds: [b.id], tagIds: [],
    }));
    const rel = value<{ id: string }>(await call('relationships.create', { fromId: a.id, toId: b.id, type: 'supports', evidenceClaimIds: [claim.id] }));
    expect(value<unknown[]>(await call('claims.list', { grade: 'B' }))).toHaveLength(1);
    expect(value(await call('relationships.get', { id: rel.id }))).toMatchObject({ confidence: 0.7, unevidenced: false, evidence: [expect.objectContaining({ highlightId: h.id })] });
    expect(value(await call('highlights.dependents', { id: h.id }))).toMatchObject({ claims: [{ id: claim.id }], relationships: [], dossiers: [] });
    expect(await call('highlights.dependents', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value(await call('entities.get', { id: a.id }))).toMatchObject({ claimsBy: [expect.objectContaining({ id: claim.id })], relationships: [expect.objectContaining({ id: rel.id })] });
    expect(value(await call('graph.saveLayout', { positions: { [a.id]: { x: 1, y: 1 } } }))).toEqual({ saved: 1 });
    // Compact on the wire: each edge a tuple starting with its id (see graph-wire).
    expect(value(await call('graph.get', {}))).toMatchObject({ nodes: expect.any(Array), edges: [expect.arrayContaining([rel.id])], positions: { [a.id]: { x: 1, y: 1 } } });
    expect(value<unknown[]>(await call('entities.suggest', { sourceId: article.id })).length).toBeGreaterThan(0);
    expect(value(await call('entities.delete', { id: b.id }))).toEqual({ removedRelationships: 1, updatedClaims: 1 });
    await wb.close();
  });
});
