/** Keyboard focus on the graph canvas: arrows between entities, [ ] along a node's relationships, Enter/Space open, spoken names. */
import type { Core, Singular } from 'cytoscape';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  edgeAnnouncement, edgesInOrder, firstInReadingOrder, nearestInDirection, nodeAnnouncement, stepThrough,
  type Direction, type EdgeEvidence, type NavPoint,
} from '../../../../../shared/domain/analysis/graph-nav';
import type { VisibleGraph } from '../graphFilter';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';

/** The Cytoscape class that draws the keyboard focus ring. */
export const KBD_FOCUS = 'kbd-focus';
const KBD_END = 'kbd-end';

/** An edge is always reached from a node (its anchor): [ ] cycle the anchor's edges, arrows move on from it. */
export type KeyboardFocus = { kind: 'node'; id: string } | { kind: 'edge'; id: string; anchor: string } | null;

export interface GraphKeyboardOptions {
  cyRef: RefObject<Core | null>;
  graph: VisibleGraph;
  evidenceOf?: (edgeId: string) => EdgeEvidence | undefined;
  /** Enter on a node: its entity page. */
  onOpenNode: (id: string) => void;
  /** Space on a node: the side panel, as a click shows. */
  onShowNode: (id: string) => void;
  /** Enter or Space on an edge: its evidence in the side panel. */
  onOpenEdge: (id: string) => void;
  /** Closes what is open (the side panel); false when nothing was, so Escape clears the focus instead. */
  onEscape: () => boolean;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const NOTHING = 'No entity focused';

type Box = { x1: number; y1: number; x2: number; y2: number };
const inside = (a: Box, b: Box) => a.x1 >= b.x1 && a.y1 >= b.y1 && a.x2 <= b.x2 && a.y2 <= b.y2;

export function useGraphKeyboard({ cyRef, graph, evidenceOf, onOpenNode, onShowNode, onOpenEdge, onEscape }: GraphKeyboardOptions) {
  const [focus, setFocusState] = useState<KeyboardFocus>(null);
  const [announcement, setAnnouncement] = useState('');
  const pointerDown = useRef(false);

  const nodeById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const edgeById = useMemo(() => new Map(graph.edges.map((e) => [e.id, e])), [graph]);
  const nameOf = (id: string) => nodeById.get(id)?.name ?? '';
  const degreeOf = (id: string) => graph.edges.reduce((n, e) => n + (e.from === id || e.to === id ? 1 : 0), 0);

  const describe = (f: KeyboardFocus): string => {
    if (!f) return NOTHING;
    if (f.kind === 'node') {
      const n = nodeById.get(f.id);
      return n ? nodeAnnouncement(n.name, ENTITY_TYPE_STYLE[n.type].label, degreeOf(n.id)) : NOTHING;
    }
    const e = edgeById.get(f.id);
    return e ? edgeAnnouncement(nameOf(e.from), e.label, nameOf(e.to), e.unevidenced, evidenceOf?.(e.id)) : NOTHING;
  };

  /** Marks the element on the canvas and pans so it (an edge with both ends) is in view. */
  const mark = (f: KeyboardFocus) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements(`.${KBD_FOCUS}`).removeClass(KBD_FOCUS);
    cy.nodes(`.${KBD_END}`).removeClass(KBD_END);
    if (!f) return;
    const el: Singular = cy.getElementById(f.id);
    if (el.empty()) return;
    el.addClass(KBD_FOCUS);
    if (el.isEdge()) el.connectedNodes().addClass(KBD_END);
    const shown = el.isEdge() ? el.union(el.connectedNodes()) : el;
    if (!inside(shown.boundingBox(), cy.extent())) {
      cy.stop();
      cy.animate({ center: { eles: shown } }, { duration: 200 });
    }
  };

  const setFocus = (f: KeyboardFocus, words?: string) => {
    setFocusState(f);
    mark(f);
    setAnnouncement(words ?? describe(f));
  };

  const points = (): NavPoint[] => {
    const cy = cyRef.current;
    return cy ? cy.nodes().map((n) => ({ id: n.id(), ...n.position() })) : [];
  };
  const first = (): KeyboardFocus => {
    const id = firstInReadingOrder(points());
    return id ? { kind: 'node', id } : null;
  };

  // A filter may hide the focused element: drop the focus rather than point at nothing.
  useEffect(() => {
    if (focus && !nodeById.has(focus.id) && !edgeById.has(focus.id)) setFocus(null);
    else mark(focus);
  }, [graph]);

  const onFocus = () => {
    // A click focuses the container too: only a keyboard arrival picks a node by itself.
    if (pointerDown.current) return;
    if (focus) setFocus(focus);
    else setFocus(first(), graph.nodes.length === 0 ? 'The graph is empty' : undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const anchor = focus?.kind === 'edge' ? focus.anchor : focus?.id ?? null;
    const dir = ARROWS[e.key];
    let handled = true;
    if (dir) {
      const from = anchor ? points().find((p) => p.id === anchor) : undefined;
      if (!from) setFocus(first());
      else {
        const next = nearestInDirection(from, points(), dir);
        if (next) setFocus({ kind: 'node', id: next });
        else setAnnouncement(`No entity further ${dir}`);
      }
    } else if (e.key === 'Home') setFocus(first());
    else if ((e.key === ']' || e.key === '[') && anchor) {
      const order = edgesInOrder(anchor, graph.edges, nameOf);
      const next = stepThrough(order, focus?.kind === 'edge' ? focus.id : null, e.key === ']' ? 1 : -1);
      if (next) setFocus({ kind: 'edge', id: next, anchor });
      else setAnnouncement(`${nameOf(anchor)} has no relationships shown`);
    } else if (e.key === '.' && focus?.kind === 'edge') {
      const edge = edgeById.get(focus.id);
      if (edge) setFocus({ kind: 'node', id: edge.from === focus.anchor ? edge.to : edge.from });
    } else if ((e.key === 'Enter' || e.key === ' ') && focus) {
      if (focus.kind === 'node') {
        if (e.key === 'Enter') onOpenNode(focus.id);
        else {
          onShowNode(focus.id);
          setAnnouncement(`${describe(focus)}, details in the side panel`);
        }
      } else {
        onOpenEdge(focus.id);
        setAnnouncement(`Evidence for ${describe(focus)}, in the side panel`);
      }
    } else if (e.key === 'Escape') {
      if (onEscape()) setAnnouncement(`Panel closed. ${describe(focus)}`);
      else setFocus(null);
    } else handled = false;
    if (handled) e.preventDefault();
  };

  const onPointerDown = () => {
    pointerDown.current = true;
    window.setTimeout(() => { pointerDown.current = false; }, 0);
  };

  return { focus, announcement, onFocus, onKeyDown, onPointerDown };
}
