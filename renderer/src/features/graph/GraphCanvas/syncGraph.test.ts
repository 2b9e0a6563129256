import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../../../shared/contract/views-analysis';
import { syncElements } from './syncGraph';

const node = (i: number): GraphNode => ({ id: `n${i}`, name: `Entity ${i}`, type: 'person', aliases: [] });
const edge = (i: number, from: number, to: number): GraphEdge => ({
  id: `e${i}`, from: `n${from}`, to: `n${to}`, type: 'knows', label: 'knows', unevidenced: false, confidence: 0.5,
  startDate: '', endDate: '', sourceIds: [], tagIds: [],
});

/** `n` nodes in a ring (every node connected), plus `loose` unconnected ones. */
function ring(n: number, loose = 0) {
  return {
    nodes: Array.from({ length: n + loose }, (_, i) => node(i)),
    edges: Array.from({ length: n }, (_, i) => edge(i, i, (i + 1) % n)),
  };
}

describe('syncElements on a graph with no saved position', () => {
  it('creates a big graph already laid out, every node on its own point, with no layout pass left to run', () => {
    const cy = cytoscape({ headless: true });
    const graph = ring(500, 20);
    const { placed, needsFullLayout } = syncElements(cy, graph, new Map(), true);
    expect(needsFullLayout).toBe(false);
    expect(placed.size).toBe(520);
    const onCanvas = cy.nodes().map((n) => `${Math.round(n.position().x)},${Math.round(n.position().y)}`);
    expect(new Set(onCanvas).size).toBe(520);
    expect(cy.getElementById('n7').position()).toEqual(placed.get('n7'));
    // Unconnected entities go to the rim, beyond every connected one.
    const r = (id: string) => Math.hypot(placed.get(id)!.x, placed.get(id)!.y);
    expect(Math.min(...['n500', 'n519'].map(r))).toBeGreaterThan(Math.max(...Array.from({ length: 500 }, (_, i) => r(`n${i}`))));
    cy.destroy();
  });

  it('leaves a small graph to the force layout', () => {
    const cy = cytoscape({ headless: true });
    const { placed, needsFullLayout } = syncElements(cy, ring(30), new Map(), false);
    expect(needsFullLayout).toBe(true);
    expect(placed.size).toBe(0);
    cy.destroy();
  });
});
