/** Keeps a Cytoscape instance in step with the filtered graph, in one batch, without moving nodes already placed. */
import type { Core, ElementDefinition, LayoutOptions, NodeCollection } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../../../shared/contract/views-analysis';
import type { VisibleGraph } from '../graphFilter';
import { placeNewNodes, type Point } from './placement';

/** Up to this many nodes the force-directed layout is affordable; above it, concentric rings by degree. */
const COSE_MAX_NODES = 400;

const nodeSize = (degree: number) => Math.round(22 + Math.min(26, 5 * Math.sqrt(degree)));

function nodeData(n: GraphNode, degree: number) {
  return { id: n.id, name: n.name, type: n.type, size: nodeSize(degree) };
}

function edgeData(e: GraphEdge) {
  return {
    id: e.id, source: e.from, target: e.to, label: e.label, unevidenced: e.unevidenced,
    width: 1 + 2 * e.confidence,
  };
}

const changed = (current: Record<string, unknown>, next: Record<string, unknown>) =>
  Object.entries(next).some(([k, v]) => current[k] !== v);

/**
 * Removes what is no longer shown, adds what is new and updates what changed. New nodes go to their saved
 * position, or are placed next to their neighbours; `needsFullLayout` when no node of the graph had a position.
 */
export function syncElements(cy: Core, graph: VisibleGraph, positions: Map<string, Point>, big: boolean): { placed: Map<string, Point>; needsFullLayout: boolean } {
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const wanted = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  const fresh = graph.nodes.filter((n) => cy.getElementById(n.id).empty());
  const unplaced = fresh.filter((n) => !positions.has(n.id)).map((n) => n.id);
  const needsFullLayout = unplaced.length > 0 && unplaced.length === graph.nodes.length;

  let placed = new Map<string, Point>();
  if (!needsFullLayout && unplaced.length > 0) {
    const onCanvas = new Map<string, Point>();
    cy.nodes().forEach((n) => { if (wanted.has(n.id())) onCanvas.set(n.id(), { ...n.position() }); });
    for (const n of fresh) if (positions.has(n.id)) onCanvas.set(n.id, positions.get(n.id)!);
    const links = new Map<string, string[]>();
    for (const e of graph.edges) {
      links.set(e.from, [...(links.get(e.from) ?? []), e.to]);
      links.set(e.to, [...(links.get(e.to) ?? []), e.from]);
    }
    placed = placeNewNodes(unplaced, onCanvas, (id) => links.get(id) ?? []);
  }

  cy.batch(() => {
    cy.elements().filter((el) => !wanted.has(el.id())).remove();
    const additions: ElementDefinition[] = fresh.map((n) => ({
      group: 'nodes', data: nodeData(n, degree.get(n.id) ?? 0), position: positions.get(n.id) ?? placed.get(n.id) ?? { x: 0, y: 0 },
    }));
    for (const n of graph.nodes) {
      const el = cy.getElementById(n.id);
      const data = nodeData(n, degree.get(n.id) ?? 0);
      if (!el.empty() && changed(el.data(), data)) el.data(data);
    }
    for (const e of graph.edges) {
      const el = cy.getElementById(e.id);
      const data = edgeData(e);
      if (el.empty()) additions.push({ group: 'edges', data, classes: big ? 'fast' : '' });
      else if (changed(el.data(), data)) el.data(data);
    }
    if (additions.length > 0) cy.add(additions);
  });
  for (const [id, p] of placed) positions.set(id, p);
  return { placed, needsFullLayout };
}

/** Fitting a handful of nodes would zoom in until labels are huge: cap the zoom a fit may reach. */
const MAX_FIT_ZOOM = 1.4;

export function fitGraph(cy: Core): void {
  cy.fit(undefined, 40);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/** Isolated entities sit in rows under the connected network instead of being scattered by the layout. */
function placeIsolated(cy: Core, isolated: NodeCollection, below: { x1: number; x2: number; y2: number } | null): void {
  const columnWidth = 150;
  const rowHeight = 80;
  const left = below ? below.x1 : 0;
  const width = below ? Math.max(below.x2 - below.x1, columnWidth * 4) : columnWidth * Math.ceil(Math.sqrt(isolated.length * 2));
  const columns = Math.max(1, Math.floor(width / columnWidth));
  const top = below ? below.y2 + 2 * rowHeight : 0;
  cy.batch(() => isolated.forEach((n, i) => {
    n.position({ x: left + (i % columns) * columnWidth, y: top + Math.floor(i / columns) * rowHeight });
  }));
}

/**
 * Lays out every node from scratch (first visit or "Re-layout"): the connected network by force (or rings by
 * degree when big), isolated entities in rows beneath; fits the view, then reports so positions get saved.
 */
export function runFullLayout(cy: Core, onDone: () => void): void {
  if (cy.nodes().empty()) return;
  const connected = cy.nodes().filter((n) => n.degree(false) > 0);
  const isolated = cy.nodes().filter((n) => n.degree(false) === 0);
  const finish = () => {
    placeIsolated(cy, isolated, connected.nonempty() ? connected.boundingBox() : null);
    fitGraph(cy);
    onDone();
  };
  if (connected.empty()) return finish();
  const options = connected.length <= COSE_MAX_NODES
    ? { name: 'cose', animate: false, randomize: true, fit: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 120, componentSpacing: 120, nodeOverlap: 40, numIter: 1500 }
    : { name: 'concentric', animate: false, fit: false, minNodeSpacing: 8, concentric: (n: { degree: (loops: boolean) => number }) => n.degree(false), levelWidth: () => 2 };
  const layout = connected.union(connected.connectedEdges()).layout(options as LayoutOptions);
  layout.one('layoutstop', finish);
  layout.run();
}
