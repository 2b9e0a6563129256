/**
 * graph.get on the wire: each relationship as one tuple that names its ends, type, sources and tags by index into
 * shared tables instead of repeating their ids. At 5,000 entities and 20,000 relationships the reply drops from
 * 10.3 MB of objects to about 2 MB, which the server serialises and the page parses before the graph can be drawn.
 * `expandGraph` gives the renderer back the plain GraphData every graph component works with.
 */
import type { GraphData, GraphEdge, GraphNode } from './views-analysis';
import { WireTable } from './wire-table';

/** [id, from node index, to node index, type index, confidence, unevidenced (1) or not (0), startDate, endDate, source indexes, tag indexes] */
export type GraphEdgeTuple = [string, number, number, number, number, 0 | 1, string, string, number[], number[]];

export interface GraphWire {
  nodes: GraphNode[];
  /** Relationship types as [type, label], indexed by the edges. */
  types: Array<[string, string]>;
  sourceIds: string[];
  tagIds: string[];
  edges: GraphEdgeTuple[];
  positions: GraphData['positions'];
}

export function compactGraph(g: GraphData): GraphWire {
  const nodeIndex = new Map(g.nodes.map((n, i) => [n.id, i]));
  const types = new WireTable();
  const labels = new Map<string, string>();
  const sources = new WireTable();
  const tags = new WireTable();
  const edges = g.edges.map((e): GraphEdgeTuple => {
    const from = nodeIndex.get(e.from);
    const to = nodeIndex.get(e.to);
    if (from === undefined || to === undefined) throw new Error(`graph: relationship ${e.id} joins an entity that is not in the graph`);
    labels.set(e.type, e.label);
    return [e.id, from, to, types.of(e.type), e.confidence, e.unevidenced ? 1 : 0, e.startDate, e.endDate, e.sourceIds.map((id) => sources.of(id)), e.tagIds.map((id) => tags.of(id))];
  });
  return {
    nodes: g.nodes, types: types.values.map((t) => [t, labels.get(t)!]), sourceIds: sources.values, tagIds: tags.values, edges, positions: g.positions,
  };
}

function at<T>(table: readonly T[], i: number, what: string, edgeId: string): T {
  const v = table[i];
  if (v === undefined) throw new Error(`graph.get reply: relationship ${edgeId} refers to ${what} #${i}, but there are only ${table.length}`);
  return v;
}

/** The plain graph; a tuple pointing outside a table is a malformed reply and says which relationship and table. */
export function expandGraph(w: GraphWire): GraphData {
  const edges = w.edges.map(([id, from, to, type, confidence, unevidenced, startDate, endDate, sources, tags]): GraphEdge => {
    const [t, label] = at(w.types, type, 'relationship type', id);
    return {
      id, from: at(w.nodes, from, 'entity', id).id, to: at(w.nodes, to, 'entity', id).id, type: t, label, unevidenced: unevidenced === 1,
      confidence, startDate, endDate, sourceIds: sources.map((i) => at(w.sourceIds, i, 'source', id)), tagIds: tags.map((i) => at(w.tagIds, i, 'tag', id)),
    };
  });
  return { nodes: w.nodes, edges, positions: w.positions };
}
