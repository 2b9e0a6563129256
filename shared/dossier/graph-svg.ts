/** The graph figure as inline SVG: real vector shapes and selectable text, coloured by entity type. */
import { ENTITY_TYPES, type EntityType } from '../domain/types';
import { escHtml } from './escape';
import { layoutGraph, type Point } from './graph-layout';
import type { GraphEdgeFacts, GraphNodeFacts } from './model';

const TYPE_COLORS: Record<EntityType, string> = {
  person: '#1c63b7',
  organisation: '#2b8a3e',
  place: '#d9480f',
  event: '#862e9c',
  other: '#5c636a',
};

const W = 640;
const H = 400;
const R_FOCUS = 15;
const R_OTHER = 10;
const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();
const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

interface DrawnEdge {
  path: string;
  labelAt: Point;
}

/** Straight edge (or a bow when several edges join the same pair), stopped at the node rims so arrowheads show. */
function edgeGeometry(a: Point, b: Point, ra: number, rb: number, bow: number): DrawnEdge {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const [nx, ny] = [-uy, ux];
  const start = { x: a.x + ux * ra, y: a.y + uy * ra };
  const end = { x: b.x - ux * (rb + 3), y: b.y - uy * (rb + 3) };
  if (bow === 0) {
    return { path: `M${fmt(start.x)} ${fmt(start.y)} L${fmt(end.x)} ${fmt(end.y)}`, labelAt: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 } };
  }
  const ctrl = { x: (a.x + b.x) / 2 + nx * bow * 2, y: (a.y + b.y) / 2 + ny * bow * 2 };
  return {
    path: `M${fmt(start.x)} ${fmt(start.y)} Q${fmt(ctrl.x)} ${fmt(ctrl.y)} ${fmt(end.x)} ${fmt(end.y)}`,
    labelAt: { x: (start.x + 2 * ctrl.x + end.x) / 4, y: (start.y + 2 * ctrl.y + end.y) / 4 },
  };
}

/** Bow offsets: edges sharing an unordered pair fan out symmetrically. */
function bows(edges: readonly GraphEdgeFacts[]): Map<string, number> {
  const groups = new Map<string, GraphEdgeFacts[]>();
  for (const e of edges) {
    const key = e.from < e.to ? `${e.from}|${e.to}` : `${e.to}|${e.from}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out = new Map<string, number>();
  for (const group of groups.values()) {
    group.forEach((e, i) => {
      const spread = (i - (group.length - 1) / 2) * 16;
      // Reverse-direction edges get mirrored normals, so flip to keep them apart.
      out.set(e.id, e.from < e.to ? spread : -spread);
    });
  }
  return out;
}

function legend(types: EntityType[]): string {
  let x = 8;
  return types.map((t) => {
    const item = `<g transform="translate(${x} ${H - 12})"><circle r="5" cx="5" cy="-4" fill="${TYPE_COLORS[t]}"/><text x="14" y="0" class="g-legend">${t}</text></g>`;
    x += 24 + t.length * 6.5;
    return item;
  }).join('');
}

/** The figure for one graph block; `uid` keeps marker ids unique when a document holds several graphs. */
export function renderGraphSvg(nodes: readonly GraphNodeFacts[], edges: readonly GraphEdgeFacts[], uid: string, title: string): string {
  const pos = layoutGraph(nodes, edges, { width: W, height: H - 20, marginX: 80, marginY: 36 });
  const radius = new Map(nodes.map((n) => [n.id, n.focus ? R_FOCUS : R_OTHER] as const));
  const bow = bows(edges);
  const marker = `arrow-${uid.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const edgeSvg = edges.map((e) => {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) return '';
    const label = cut(e.label, 28);
    const arrow = e.symmetric ? '' : ` marker-end="url(#${marker})"`;
    if (e.from === e.to) {
      const r = radius.get(e.from)!;
      const loop = `M${fmt(a.x - 6)} ${fmt(a.y - r)} C${fmt(a.x - 30)} ${fmt(a.y - r - 40)} ${fmt(a.x + 30)} ${fmt(a.y - r - 40)} ${fmt(a.x + 6)} ${fmt(a.y - r - 2)}`;
      return `<g class="g-edge"><path d="${loop}"${arrow}/><text x="${fmt(a.x)}" y="${fmt(a.y - r - 34)}" class="g-elabel">${escHtml(label)}</text></g>`;
    }
    const g = edgeGeometry(a, b, radius.get(e.from)!, radius.get(e.to)!, bow.get(e.id) ?? 0);
    const w = label.length * 4.9 + 6;
    return `<g class="g-edge"><path d="${g.path}"${arrow}/>` +
      `<rect x="${fmt(g.labelAt.x - w / 2)}" y="${fmt(g.labelAt.y - 7)}" width="${fmt(w)}" height="11" rx="2" class="g-lbg"/>` +
      `<text x="${fmt(g.labelAt.x)}" y="${fmt(g.labelAt.y + 2)}" class="g-elabel">${escHtml(label)}</text></g>`;
  }).join('');
  const nodeSvg = nodes.map((n) => {
    const p = pos.get(n.id)!;
    const r = radius.get(n.id)!;
    const cls = n.focus ? 'g-node g-focus' : 'g-node';
    const label = cut(n.name, 30);
    // A backing strip keeps the name legible where an edge passes under it.
    const w = label.length * (n.focus ? 7.3 : 6.3) + 6;
    return `<g class="${cls}"><title>${escHtml(`${n.name} (${n.type})`)}</title>` +
      `<circle cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="${r}" fill="${TYPE_COLORS[n.type]}"/>` +
      `<rect x="${fmt(p.x - w / 2)}" y="${fmt(p.y + r + 2)}" width="${fmt(w)}" height="14" rx="2" class="g-nbg"/>` +
      `<text x="${fmt(p.x)}" y="${fmt(p.y + r + 13)}" class="g-nlabel">${escHtml(label)}</text></g>`;
  }).join('');
  const types = ENTITY_TYPES.filter((t) => nodes.some((n) => n.type === t));
  return `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escHtml(title)}">` +
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M0 0 L10 5 L0 10 z" fill="#6b7177"/></marker></defs>` +
    `${edgeSvg}${nodeSvg}${legend(types)}</svg>`;
}
