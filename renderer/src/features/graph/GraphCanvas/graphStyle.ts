/** The graph's Cytoscape stylesheet: type colour and shape per node, directed labelled edges, unevidenced dashed red, keyboard focus ring. */
import type { StylesheetJson } from 'cytoscape';
import { ENTITY_TYPES } from '../../../../../shared/domain/types';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';

export const UNEVIDENCED_COLOR = '#e03131';

export function graphStylesheet(dark: boolean): StylesheetJson {
  const text = dark ? '#dee2e6' : '#343a40';
  const outline = dark ? '#1a1b1e' : '#ffffff';
  const edge = dark ? '#5c5f66' : '#adb5bd';
  const selected = dark ? '#91a7ff' : '#364fc7';
  // Keyboard focus: a ring in the text colour's extreme over a yellow halo, unlike any type colour or the selection.
  const ring = dark ? '#ffffff' : '#000000';
  const halo = '#fcc419';
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        width: 'data(size)',
        height: 'data(size)',
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
    ...ENTITY_TYPES.map((t) => ({
      selector: `node[type = "${t}"]`,
      style: { 'background-color': ENTITY_TYPE_STYLE[t].hex, shape: ENTITY_TYPE_STYLE[t].shape },
    })),
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
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
    {
      selector: 'edge[?unevidenced]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], 'line-color': UNEVIDENCED_COLOR, 'target-arrow-color': UNEVIDENCED_COLOR },
    },
    // Straight edges are much cheaper to draw than curves on big graphs (parallel edges then overlap).
    { selector: 'edge.fast', style: { 'curve-style': 'straight' } },
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
