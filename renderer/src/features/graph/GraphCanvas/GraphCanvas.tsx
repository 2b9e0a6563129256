/**
 * The relationship graph drawn by Cytoscape. Positions stay where the analyst left them: only nodes without a
 * saved position are placed (a full layout only when nothing is placed yet, or on "Re-layout"), and drags are saved.
 *
 * The container is a focusable "application" with a spoken name: the keyboard moves a focus ring over nodes
 * and edges (see useGraphKeyboard) and a polite live region reads out what is focused.
 *
 * `data-drawn` on the container (number of nodes) marks the first frame drawn with nodes in it.
 *
 * Test hook: while mounted, `window.__graph = { tapEdge(id), tapNode(id), edgeIds(), nodeIds(), focusedIds(), panBy(dx, dy), renderCount() }`.
 * It only emits the same events a click (or a drag of the background) would, or reads ids and how many times the
 * canvas was redrawn, so end-to-end tests and the frame-time measurement need no coordinates on the canvas.
 */
import cytoscape, { type Core, type EventObject } from 'cytoscape';
import { VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useImperativeHandle, useRef, type Ref } from 'react';
import { countOf, type EdgeEvidence } from '../../../../../shared/domain/analysis/graph-nav';
import { saveGraphLayout } from '../../../api/analysisMutations';
import type { VisibleGraph } from '../graphFilter';
import { graphStylesheet, OVERVIEW_BELOW_ZOOM } from './graphStyle';
import type { Point } from './placement';
import { fitGraph, runFullLayout, syncElements } from './syncGraph';
import { KBD_FOCUS, useGraphKeyboard } from './useGraphKeyboard';
import classes from './GraphCanvas.module.css';

/** Above this many elements the canvas trades detail for speed while panning and zooming. */
export const BIG_GRAPH_ELEMENTS = 1000;
const SAVE_DELAY_MS = 500;

export interface GraphCanvasHandle {
  /** Centres and selects a node; false when it is not shown. */
  focus: (id: string) => boolean;
  relayout: () => void;
  fit: () => void;
  /** Puts the keyboard focus back on the canvas (after the side panel closes). */
  focusCanvas: () => void;
}

export interface GraphCanvasProps {
  graph: VisibleGraph;
  savedPositions: Record<string, Point>;
  big: boolean;
  dark: boolean;
  onEdge: (id: string) => void;
  onNode: (id: string) => void;
  onBackground: () => void;
  onSelectNodes: (ids: string[]) => void;
  /** Enter on a focused node. */
  onOpenNode: (id: string) => void;
  /** Closes the side panel if open (Escape); false when nothing was open. */
  onEscape: () => boolean;
  /** Passages and claims behind an edge, when known, for its spoken name. */
  evidenceOf?: (edgeId: string) => EdgeEvidence | undefined;
  /** Kept mounted but out of sight (and out of the tab order) while the table view is shown. */
  hidden?: boolean;
  handleRef: Ref<GraphCanvasHandle>;
}

type Box = { x1: number; y1: number; x2: number; y2: number };
const boxInside = (inner: Box, outer: Box) => inner.x1 >= outer.x1 && inner.y1 >= outer.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2;

interface GraphTestHook {
  tapEdge: (id: string) => boolean;
  tapNode: (id: string) => boolean;
  edgeIds: () => string[];
  nodeIds: () => string[];
  focusedIds: () => string[];
  panBy: (dx: number, dy: number) => void;
  renderCount: () => number;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { graph, savedPositions, big, dark, onEdge, onNode, onBackground, onSelectNodes, onOpenNode, onEscape, evidenceOf, hidden, handleRef } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const positions = useRef(new Map<string, Point>(Object.entries(savedPositions)));
  const callbacks = useRef({ onEdge, onNode, onBackground, onSelectNodes });
  callbacks.current = { onEdge, onNode, onBackground, onSelectNodes };
  const pendingSave = useRef(new Map<string, Point>());
  const saveTimer = useRef<number | null>(null);
  const fitted = useRef(false);
  const hasNodes = useRef(false);
  // A big graph starts zoomed out (see OVERVIEW_BELOW_ZOOM); a small one is never drawn as an overview.
  const overview = useRef(big);
  const darkNow = useRef(dark);
  darkNow.current = dark;
  const instructionsId = useId();
  const keyboard = useGraphKeyboard({ cyRef, graph, evidenceOf, onOpenNode, onShowNode: onNode, onOpenEdge: onEdge, onEscape });

  const scheduleSave = (moved: Iterable<[string, Point]>) => {
    for (const [id, p] of moved) {
      positions.current.set(id, p);
      pendingSave.current.set(id, p);
    }
    if (saveTimer.current !== null) window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      saveTimer.current = null;
      const batch = Object.fromEntries(pendingSave.current);
      pendingSave.current.clear();
      if (Object.keys(batch).length > 0) void saveGraphLayout(batch);
    }, SAVE_DELAY_MS);
  };
  const saveAll = (cy: Core) => scheduleSave(cy.nodes().map((n) => [n.id(), { ...n.position() }] as [string, Point]));

  useEffect(() => {
    const cy = cytoscape({
      container: container.current, style: graphStylesheet(dark, overview.current), minZoom: 0.02, maxZoom: 4,
      boxSelectionEnabled: true, selectionType: 'single',
      // Big graphs: draw a cached bitmap while panning/zooming, hide edges meanwhile, no retina-resolution work.
      textureOnViewport: big, hideEdgesOnViewport: big, pixelRatio: big ? 1 : 'auto', motionBlur: false,
    });
    cyRef.current = cy;
    cy.on('tap', 'edge', (e: EventObject) => {
      cy.elements().unselect();
      e.target.select();
      callbacks.current.onEdge(e.target.id());
    });
    cy.on('tap', 'node', (e: EventObject) => {
      if (!e.target.selected()) e.target.select();
      callbacks.current.onNode(e.target.id());
    });
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) callbacks.current.onBackground();
    });
    cy.on('dragfree', 'node', (e: EventObject) => scheduleSave([[e.target.id(), { ...e.target.position() }]]));
    let selectionFrame = 0;
    cy.on('select unselect', 'node', () => {
      // Box selection fires once per node: report once per frame.
      cancelAnimationFrame(selectionFrame);
      selectionFrame = requestAnimationFrame(() => callbacks.current.onSelectNodes(cy.$('node:selected').map((n) => n.id())));
    });
    if (big) {
      cy.on('zoom', () => {
        // A little hysteresis: a zoom hovering at the threshold must not restyle 25,000 elements at every step.
        const next = overview.current ? cy.zoom() < OVERVIEW_BELOW_ZOOM * 1.1 : cy.zoom() < OVERVIEW_BELOW_ZOOM;
        if (next === overview.current) return;
        overview.current = next;
        cy.style(graphStylesheet(darkNow.current, next));
      });
    }
    let renders = 0;
    cy.on('render', () => {
      renders += 1;
      // `data-drawn`: how many nodes the first frame that held any drew (what "the graph is visible" means to a test).
      if (hasNodes.current && !container.current?.hasAttribute('data-drawn')) container.current?.setAttribute('data-drawn', String(cy.nodes().length));
    });
    const hook: GraphTestHook = {
      tapEdge: (id) => { const el = cy.getElementById(id); if (el.empty() || !el.isEdge()) return false; el.emit('tap'); return true; },
      tapNode: (id) => { const el = cy.getElementById(id); if (el.empty() || !el.isNode()) return false; el.emit('tap'); return true; },
      edgeIds: () => cy.edges().map((e) => e.id()),
      nodeIds: () => cy.nodes().map((n) => n.id()),
      focusedIds: () => cy.elements(`.${KBD_FOCUS}`).map((el) => el.id()),
      panBy: (dx, dy) => { cy.panBy({ x: dx, y: dy }); },
      renderCount: () => renders,
    };
    (window as unknown as { __graph?: GraphTestHook }).__graph = hook;
    // The side panel opening or closing changes the canvas size: measure again, and bring the keyboard-focused
    // (else the selected) element back into view if the panel now covers it.
    const resizeObserver = new ResizeObserver(() => {
      cy.resize();
      // An edge is only readable with both of its ends.
      const focused = cy.$(`.${KBD_FOCUS}`);
      const selected = focused.nonempty() ? focused : cy.$(':selected');
      const shown = selected.union(selected.connectedNodes());
      if (shown.nonempty() && !boxInside(shown.boundingBox(), cy.extent())) cy.center(shown);
    });
    if (container.current) resizeObserver.observe(container.current);
    return () => {
      resizeObserver.disconnect();
      cancelAnimationFrame(selectionFrame);
      if ((window as unknown as { __graph?: GraphTestHook }).__graph === hook) delete (window as unknown as { __graph?: GraphTestHook }).__graph;
      // Keep a pending save: the analyst's last drag must not be lost by leaving the screen.
      if (saveTimer.current !== null) {
        window.clearTimeout(saveTimer.current);
        const batch = Object.fromEntries(pendingSave.current);
        if (Object.keys(batch).length > 0) void saveGraphLayout(batch);
      }
      cy.destroy();
      cyRef.current = null;
    };
    // Created once per mount; `big` changes remount the canvas (keyed by the parent), `dark` restyles below.
  }, []);

  useEffect(() => {
    cyRef.current?.style(graphStylesheet(dark, overview.current));
  }, [dark]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { placed, needsFullLayout } = syncElements(cy, graph, positions.current, big);
    if (needsFullLayout) runFullLayout(cy, () => saveAll(cy));
    else {
      if (placed.size > 0) scheduleSave(placed);
      // Opening the screen on saved positions: show the whole graph once; later changes keep the analyst's view.
      if (!fitted.current && cy.nodes().nonempty()) fitGraph(cy);
    }
    if (cy.nodes().nonempty()) fitted.current = true;
    hasNodes.current = fitted.current;
  }, [graph, big]);

  useImperativeHandle(handleRef, () => ({
    focus: (id) => {
      const cy = cyRef.current;
      const node = cy?.getElementById(id);
      if (!cy || !node || node.empty()) return false;
      // The side panel may have just opened: centre within the canvas as it is now.
      cy.resize();
      cy.elements().unselect();
      node.select();
      cy.nodes('.focused').removeClass('focused');
      node.addClass('focused');
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
      window.setTimeout(() => node.removeClass('focused'), 2500);
      return true;
    },
    relayout: () => {
      const cy = cyRef.current;
      if (cy) runFullLayout(cy, () => saveAll(cy));
    },
    fit: () => { if (cyRef.current) fitGraph(cyRef.current); },
    focusCanvas: () => container.current?.focus(),
  }), []);

  const name = `Relationship graph: ${countOf(graph.nodes.length, 'entity', 'entities')}, ${countOf(graph.edges.length, 'relationship', 'relationships')}`;
  return (
    <>
      <div
        ref={container} className={classes.canvas} style={hidden ? { visibility: 'hidden' } : undefined} tabIndex={0}
        role="application" aria-roledescription="graph" aria-label={name} aria-describedby={instructionsId}
        onKeyDown={keyboard.onKeyDown} onFocus={keyboard.onFocus} onPointerDown={keyboard.onPointerDown}
        data-testid="graph-canvas" data-nodes={graph.nodes.length} data-edges={graph.edges.length}
      />
      <VisuallyHidden id={instructionsId}>
        Arrow keys move to the nearest entity in that direction; Home goes to the first. Right and left square brackets step
        through the focused entity's relationships; full stop follows a relationship to its other entity. Enter opens the
        entity page or the relationship's evidence; Space shows the entity in the side panel; Escape closes the side panel, then clears the focus. The Table view lists the same entities and relationships.
      </VisuallyHidden>
      <VisuallyHidden aria-live="polite" data-testid="graph-announcer">{hidden ? '' : keyboard.announcement}</VisuallyHidden>
    </>
  );
}
