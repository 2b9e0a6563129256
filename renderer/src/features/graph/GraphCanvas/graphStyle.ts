/**
 * The graph's Cytoscape stylesheet: type colour and shape per node, directed labelled edges, unevidenced dashed red,
 * keyboard focus ring; and the overview of a big graph (see OVERVIEW_BELOW_ZOOM).
 */
import type { StylesheetJson } from 'cytoscape';
import { ENTITY_TYPES } from '../../../../../shared/domain/types';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';

export const UNEVIDENCED_COLOR = '#e03131';

/**
 * Below this zoom a big graph is drawn as an overview: node names (11 px, hidden under 7 px on screen, so from
 * 0.64 down) are not even measured, and its edges are plain lines without labels or arrows. Measuring 25,000
 * labels and projecting 20,000 arrowed edges was most of the time the screen took to appear at 5,000 nodes.
 */
export const OVERVIEW_BELOW_ZOOM = 0.6;

export function graphStylesheet(dark: boolean, overview = false): StylesheetJson {
  const text = dark ? '#dee2e6' : '#343a40';
  const outline = dark ? '#1a1b1e' : '#ffffff';
  const edge = dark ? '#5c5f66' : '#adb5bd';
  const selected = dark ? '#91a7ff' : '#364fc7';
  // Keyboard focus: a ring in the text colour's extreme over a yellow halo, unlike any type colour or the selection.
  const ring = dark ? '#ffffff' : '#000000';
  const halo = '#fcc419';
  // Size and width by class (see SIZE_CLASSES in syncGraph): no per-element mapper to evaluate.
  const sizes = Array.from({ length: 6 }, (_, k) => ({ selector: `node.sz${k}`, style: { width: 22 + 5 * k, height: 22 + 5 * k } }));
  const widths = [2, 3].map((w) => ({ selector: `edge.w${w}`, style: { width: w } }));
  const types = ENTITY_TYPES.map((t) => ({
    selector: `node[type = "${t}"]`,
    style: { 'background-color': ENTITY_TYPE_STYLE[t].hex, shape: ENTITY_TYPE_STYLE[t].shape },
  }));
  // Every style property applied costs Cytoscape a pass over the element's edges: the overview sets only what shows.
  const base: StylesheetJson = overview ? [
    { selector: 'node', style: { 'border-width': 1.5, 'border-color': outline } },
    ...sizes,
    ...types,
    { selector: 'edge', style: { width: 1, 'line-color': edge, 'target-arrow-color': edge, 'curve-style': 'haystack', 'haystack-radius': 0 } },
    ...widths,
    { selector: 'edge[?unevidenced]', style: { 'line-color': UNEVIDENCED_COLOR, 'target-arrow-color': UNEVIDENCED_COLOR } },
    // What is selected or has the keyboard focus keeps its direction.
    { selector: 'edge:selected, edge.kbd-focus', style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle' } },
  ] : [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'font-size': 11,
        // Labels are drawn only once readable: the biggest saving on large graphs.
        'min-zoomed-font-size': 7,
        color: text,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': outline,
        'text-outline-width': 2,
        'border-width': 1.5,
        'border-color': outline,
        'text-max-width': '140px',
        'text-wrap': 'ellipsis',
      },
    },
    ...sizes,
    ...types,
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': edge,
        'target-arrow-color': edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 9,
        color: text,
        'text-rotation': 'autorotate',
        'text-outline-color': outline,
        'text-outline-width': 2,
      },
    },
    ...widths,
    {
      selector: 'edge[?unevidenced]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': UNEVIDENCED_COLOR, 'target-arrow-color': UNEVIDENCED_COLOR },
    },
    // Straight edges are much cheaper to draw than curves on big graphs (parallel edges then overlap).
    { selector: 'edge.fast', style: { 'curve-style': 'straight' } },
  ];
  return [
    ...base,
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': selected } },
    { selector: 'edge:selected', style: { width: 4, 'line-color': selected, 'target-arrow-color': selected, 'z-index': 10 } },
    { selector: 'node.focused', style: { 'border-width': 5, 'border-color': selected } },
    {
      selector: 'node.kbd-focus',
      style: {
        'outline-width': 4, 'outline-color': ring, 'outline-offset': 3, 'outline-opacity': 1,
        'underlay-color': halo, 'underlay-opacity': 0.55, 'underlay-padding': 12, 'underlay-shape': 'ellipse',
        'font-weight': 'bold', 'z-index': 20,
      },
    },
    {
      selector: 'edge.kbd-focus',
      style: {
        width: 6, 'line-color': ring, 'target-arrow-color': ring, 'arrow-scale': 1.4, 'font-weight': 'bold', 'font-size': 11, 'z-index': 20,
        'underlay-color': halo, 'underlay-opacity': 0.9, 'underlay-padding': 9,
      },
    },
    // The two ends of a focused edge: a lighter halo, so the relationship reads at a glance.
    { selector: 'node.kbd-end', style: { 'underlay-color': halo, 'underlay-opacity': 0.4, 'underlay-padding': 8, 'underlay-shape': 'ellipse' } },
  ];
}
