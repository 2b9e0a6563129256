/** Keeps a Cytoscape instance in step with the filtered graph, in one batch, without moving nodes already placed. */
import type { Core, ElementDefinition, LayoutOptions, NodeCollection } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../../../shared/contract/views-analysis';
import type { VisibleGraph } from '../graphFilter';
import { extentOf, placeNewNodes, spiralByDegree, type Point } from './placement';

/** Up to this many nodes the force-directed layout is affordable; above it, one spiral by degree (spiralByDegree). */
const COSE_MAX_NODES = 400;
/** Whether a graph (counted in connected nodes, or all nodes for a fit) is past what Cytoscape's own passes afford. */
const isBig = (nodes: number) => nodes > COSE_MAX_NODES;

/**
 * Node size and edge width go by class, not by a data() mapper: a mapped property is evaluated per element on every
 * style pass, and classes let Cytoscape share one computed style among all elements of a bucket (see graphStyle).
 * Size bucket k (0–5) is 22 + 5k px, the old 22 + 5·√degree at k² relationships; width class is the rounded 1 + 2·confidence.
 */
export const SIZE_CLASSES = ['sz0', 'sz1', 'sz2', 'sz3', 'sz4', 'sz5'] as const;
export const WIDTH_CLASSES = ['w1', 'w2', 'w3'] as const;
const sizeClass = (degree: number) => SIZE_CLASSES[Math.min(5, Math.floor(Math.sqrt(degree)))]!;
const widthClass = (confidence: number) => WIDTH_CLASSES[Math.min(2, Math.max(0, Math.round(2 * confidence)))]!;

function nodeData(n: GraphNode) {
  return { id: n.id, name: n.name, type: n.type };
}

function edgeData(e: GraphEdge) {
  return { id: e.id, source: e.from, target: e.to, label: e.label, unevidenced: e.unevidenced };
}

/** Puts `wanted` on the element in place of any other class of its family. */
function setClassOf(el: { hasClass(c: string): boolean; removeClass(c: string): unknown; addClass(c: string): unknown }, family: readonly string[], wanted: string) {
  if (el.hasClass(wanted)) return;
  el.removeClass(family.join(' '));
  el.addClass(wanted);
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
  const nothingPlaced = unplaced.length > 0 && unplaced.length === graph.nodes.length;
  // A big graph seen for the first time is created already laid out (and its positions saved): no second pass.
  const needsFullLayout = nothingPlaced && !isBig(graph.nodes.filter((n) => degree.has(n.id)).length);

  let placed = new Map<string, Point>();
  if (nothingPlaced && !needsFullLayout) placed = spiralByDegree(graph.nodes.map((n) => ({ id: n.id, degree: degree.get(n.id) ?? 0 })));
  else if (!needsFullLayout && unplaced.length > 0) {
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
      group: 'nodes', data: nodeData(n), classes: sizeClass(degree.get(n.id) ?? 0),
      position: positions.get(n.id) ?? placed.get(n.id) ?? { x: 0, y: 0 },
    }));
    for (const n of graph.nodes) {
      const el = cy.getElementById(n.id);
      if (el.empty()) continue;
      const data = nodeData(n);
      if (changed(el.data(), data)) el.data(data);
      setClassOf(el, SIZE_CLASSES, sizeClass(degree.get(n.id) ?? 0));
    }
    for (const e of graph.edges) {
      const el = cy.getElementById(e.id);
      const data = edgeData(e);
      if (el.empty()) additions.push({ group: 'edges', data, classes: `${widthClass(e.confidence)}${big ? ' fast' : ''}` });
      else {
        if (changed(el.data(), data)) el.data(data);
        setClassOf(el, WIDTH_CLASSES, widthClass(e.confidence));
      }
    }
    if (additions.length > 0) cy.add(additions);
  });
  for (const [id, p] of placed) positions.set(id, p);
  return { placed, needsFullLayout };
}

/** Fitting a handful of nodes would zoom in until labels are huge: cap the zoom a fit may reach. */
const MAX_FIT_ZOOM = 1.4;
const FIT_PADDING = 40;

/** Node positions' extent plus the largest node and its label's height: what a fit must show. */
function nodesExtent(cy: Core) {
  const box = extentOf(cy.nodes().map((n) => n.position()));
  if (!box) return null;
  const r = 30;
  return { x1: box.x1 - r, y1: box.y1 - r, x2: box.x2 + r, y2: box.y2 + r + 20 };
}

/**
 * Shows the whole graph. Cytoscape's own fit measures every element's bounding box (every label, every edge's
 * control points): seconds at 5,000 nodes and 20,000 edges. A big graph is fitted on its node positions instead.
 */
export function fitGraph(cy: Core): void {
  if (!isBig(cy.nodes().length)) cy.fit(undefined, FIT_PADDING);
  else {
    const box = nodesExtent(cy);
    if (!box) return;
    const zoom = Math.min((cy.width() - 2 * FIT_PADDING) / (box.x2 - box.x1), (cy.height() - 2 * FIT_PADDING) / (box.y2 - box.y1));
    const z = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
    cy.viewport({ zoom: z, pan: { x: cy.width() / 2 - z * (box.x1 + box.x2) / 2, y: cy.height() / 2 - z * (box.y1 + box.y2) / 2 } });
  }
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
 * Lays out every node from scratch (first visit or "Re-layout"): the connected network by force, isolated
 * entities in rows beneath, or, when big, everything on one spiral by degree; fits the view, then reports so
 * positions get saved.
 */
export function runFullLayout(cy: Core, onDone: () => void): void {
  if (cy.nodes().empty()) return;
  const connected = cy.nodes().filter((n) => n.degree(false) > 0);
  const isolated = cy.nodes().filter((n) => n.degree(false) === 0);
  const finish = () => {
    placeIsolated(cy, isolated, connected.nonempty() ? extentOf(connected.nodes().map((n) => n.position())) : null);
    fitGraph(cy);
    onDone();
  };
  if (isBig(connected.length)) {
    // Isolated entities land on the spiral's rim, after every connected one.
    const spiral = spiralByDegree(cy.nodes().map((n) => ({ id: n.id(), degree: n.degree(false) })));
    cy.batch(() => cy.nodes().forEach((n) => { n.position(spiral.get(n.id())!); }));
    fitGraph(cy);
    return onDone();
  }
  if (connected.empty()) return finish();
  const options = { name: 'cose', animate: false, randomize: true, fit: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 120, componentSpacing: 120, nodeOverlap: 40, numIter: 1500 };
  const layout = connected.union(connected.connectedEdges()).layout(options as LayoutOptions);
  layout.one('layoutstop', finish);
  layout.run();
}
