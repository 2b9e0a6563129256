/** The relationship graph: entities as nodes, relationships as edges with their sources and tags, and the saved layout. */
import { ok } from '../../../shared/domain/result';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { Layout, Relationship } from '../../../shared/domain/types';
import type { GraphData, GraphEdge } from '../../../shared/contract/views-analysis';
import { compactGraph, type GraphWire } from '../../../shared/contract/graph-wire';
import { relationshipLabel } from '../../../shared/domain/analysis/vocabulary';
import { now, type ServiceResult, type Workbench } from './workbench';
import { isUnevidenced } from './relationships';
import { RevisionCache } from './revision-cache';

const GRAPH_LAYOUT_ID = 'graph';

type Positions = Layout['positions'];

/** Sources and tags behind an edge: its evidence highlights and those of its evidence claims, plus the claims' own tags. */
function edgeOf(s: WorkspaceState, r: Relationship): GraphEdge {
  const sourceIds = new Set<string>();
  const tagIds = new Set<string>();
  const addHighlight = (id: string) => {
    const h = s.get('highlights', id);
    if (!h) return;
    sourceIds.add(h.sourceId);
    for (const t of h.tagIds) tagIds.add(t);
  };
  r.evidenceHighlightIds.forEach(addHighlight);
  for (const cid of r.evidenceClaimIds) {
    const c = s.get('claims', cid);
    if (!c) continue;
    c.evidenceHighlightIds.forEach(addHighlight);
    for (const t of c.tagIds) tagIds.add(t);
  }
  return {
    id: r.id, from: r.fromId, to: r.toId, type: r.type, label: relationshipLabel(r.type), unevidenced: isUnevidenced(r),
    confidence: r.confidence, startDate: r.startDate, endDate: r.endDate, sourceIds: [...sourceIds], tagIds: [...tagIds],
  };
}

/** Saved positions of entities that still exist. */
function livePositions(s: WorkspaceState, positions: Positions): Positions {
  return Object.fromEntries(Object.entries(positions).filter(([id]) => s.get('entities', id)));
}

export function getGraph(wb: Workbench): GraphData {
  const s = wb.state;
  return {
    nodes: s.all('entities').map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: [...e.aliases] })),
    edges: s.all('relationships').filter((r) => s.get('entities', r.fromId) && s.get('entities', r.toId)).map((r) => edgeOf(s, r)),
    positions: livePositions(s, s.get('layouts', GRAPH_LAYOUT_ID)?.positions ?? {}),
  };
}

/** The last graph.get reply (see getGraphWire). */
const graphReplies = new RevisionCache<GraphWire>();

/**
 * graph.get's reply, compact (see graph-wire), built once per revision of the workspace (a saved layout is an op
 * too). Building it looks up every relationship's evidence (20,000 relationships at 100k highlights); revisiting
 * the screen need not. The reply is shared between callers: read it, do not change it.
 */
export function getGraphWire(wb: Workbench): GraphWire {
  return graphReplies.get(wb.state, 'graph', () => compactGraph(getGraph(wb)));
}

/**
 * Stores node positions, merged over the saved ones, without ids of entities that no longer exist.
 * Quiet: durable, but moving a node is not something to undo.
 */
export function saveGraphLayout(wb: Workbench, positions: Positions): ServiceResult<{ saved: number }, never> {
  return wb.run<{ saved: number }, never>('Arrange graph', (s) => {
    const incoming = livePositions(s, positions);
    const merged = livePositions(s, { ...(s.get('layouts', GRAPH_LAYOUT_ID)?.positions ?? {}), ...incoming });
    const layout: Layout = { id: GRAPH_LAYOUT_ID, positions: merged, updatedAt: now() };
    return ok({ ops: [{ t: 'put', c: 'layouts', v: layout }], value: { saved: Object.keys(incoming).length } });
  }, { quiet: true });
}
