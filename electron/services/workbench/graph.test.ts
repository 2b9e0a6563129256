/** graph.get's reply: compact on the wire, the same graph once expanded, and built once per revision of the workspace. */
import { describe, expect, it } from 'vitest';
import { expandGraph, type GraphWire } from '../../../shared/contract/graph-wire';
import { analysisFixture, unwrap } from '../../../tests/support/analysis-fixture';
import { createAnalysisHandlers } from '../api/handlers-analysis';
import { createEntity, updateEntity } from './entities';
import { getGraph, saveGraphLayout } from './graph';
import { updateHighlight } from './highlights';
import { createRelationship } from './relationships';
import { createTag } from './tags';
import type { Workbench } from './workbench';

const entity = (wb: Workbench, name: string) => unwrap(createEntity(wb, { type: 'person', name, aliases: [], description: '' })).entity;

async function graphGet(wb: Workbench): Promise<GraphWire> {
  const r = await createAnalysisHandlers(wb)['graph.get']({});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as GraphWire;
}

/** 30 entities, 300 relationships, each citing a tagged passage of one of two sources. */
async function busyGraph() {
  const f = await analysisFixture();
  const { wb, article, report, highlight } = f;
  const tag = unwrap(createTag(wb, { name: 'energy', parentId: null }));
  const passages = [highlight(article, 'transportation and energy'), highlight(report, 'in Astana on Wednesday')];
  for (const h of passages) unwrap(updateHighlight(wb, { id: h.id, tagIds: [tag.id] }));
  const people = Array.from({ length: 30 }, (_, i) => entity(wb, `Person ${i}`));
  for (let i = 0; i < 300; i++) {
    unwrap(createRelationship(wb, {
      fromId: people[i % 30]!.id, toId: people[(i * 7 + 1) % 30]!.id, type: i % 2 ? 'meets_with' : 'trades_with', startDate: '2024', endDate: '',
      confidence: 0.5, note: '', evidenceHighlightIds: [passages[i % 2]!.id], evidenceClaimIds: [],
    }));
  }
  return { ...f, people };
}

describe('graph.get', () => {
  it('sends at most 130 bytes per relationship (ends, type, sources and tags by index, not by repeated ids)', async () => {
    const { wb } = await busyGraph();
    const reply = await graphGet(wb);
    const perEdge = JSON.stringify(reply.edges).length / 300;
    // The object form repeated three UUIDs plus every source and tag UUID per relationship: 400+ bytes each here.
    expect(perEdge).toBeLessThanOrEqual(130);
    await wb.close();
  });

  it('expands to exactly the graph the workspace holds', async () => {
    const { wb } = await busyGraph();
    const reply = await graphGet(wb);
    expect(expandGraph(JSON.parse(JSON.stringify(reply)) as GraphWire)).toEqual(getGraph(wb));
    await wb.close();
  });

  it('says which relationship and table a malformed reply points outside of', () => {
    const wire: GraphWire = {
      nodes: [{ id: 'a', name: 'A', type: 'person', aliases: [] }], types: [['knows', 'knows']], sourceIds: [], tagIds: [],
      edges: [['r1', 0, 3, 0, 0.5, 0, '', '', [], []]], positions: {},
    };
    expect(() => expandGraph(wire)).toThrow('relationship r1 refers to entity #3, but there are only 1');
  });

  it('reuses the reply until anything changes, and never serves one older than the last change', async () => {
    const { wb, people } = await busyGraph();
    const first = await graphGet(wb);
    expect(await graphGet(wb)).toBe(first);
    unwrap(updateEntity(wb, { id: people[0]!.id, name: 'Renamed' }));
    const renamed = await graphGet(wb);
    expect(renamed).not.toBe(first);
    expect(renamed.nodes.find((n) => n.id === people[0]!.id)?.name).toBe('Renamed');
    unwrap(saveGraphLayout(wb, { [people[1]!.id]: { x: 4, y: 2 } }));
    expect((await graphGet(wb)).positions).toEqual({ [people[1]!.id]: { x: 4, y: 2 } });
    unwrap(wb.step('undo'));
    expect((await graphGet(wb)).nodes.find((n) => n.id === people[0]!.id)?.name).toBe('Person 0');
    await wb.close();
  });
});
