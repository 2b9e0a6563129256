/** A deterministic layout for a dossier's graph figure: subjects in the middle, related entities on a ring around them. */
import type { GraphEdgeFacts, GraphNodeFacts } from './model';

export interface Point {
  x: number;
  y: number;
}

export interface LayoutBox {
  width: number;
  height: number;
  /** Room kept free at the edges for labels. */
  marginX: number;
  marginY: number;
}

const angleOf = (p: Point, c: Point): number => Math.atan2(p.y - c.y, p.x - c.x);

/** Focus positions: one in the centre, two side by side, more on a small circle. */
function placeFocus(ids: string[], c: Point, box: LayoutBox): Map<string, Point> {
  const out = new Map<string, Point>();
  const rho = Math.min(box.width, box.height) * 0.18;
  if (ids.length === 1) out.set(ids[0]!, c);
  else if (ids.length === 2) {
    out.set(ids[0]!, { x: c.x - rho * 1.1, y: c.y });
    out.set(ids[1]!, { x: c.x + rho * 1.1, y: c.y });
  } else {
    ids.forEach((id, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
      out.set(id, { x: c.x + rho * Math.cos(a), y: c.y + rho * Math.sin(a) });
    });
  }
  return out;
}

/**
 * Positions for every node. Same input, same picture: no randomness, ties broken by name then id.
 * Each other node goes to the ring slot nearest the direction of the subjects it is linked to, so
 * an entity tied to the left-hand subject sits on the left.
 */
export function layoutGraph(nodes: readonly GraphNodeFacts[], edges: readonly GraphEdgeFacts[], box: LayoutBox): Map<string, Point> {
  const c = { x: box.width / 2, y: box.height / 2 };
  const byName = (a: GraphNodeFacts, b: GraphNodeFacts) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
  // Subjects keep the order given (the dossier's subject order: "Türkiye–Kazakhstan" puts Türkiye left).
  const focusIds = nodes.filter((n) => n.focus).map((n) => n.id);
  // Without subjects every node goes on the ring.
  const pos = placeFocus(focusIds, c, box);
  const others = nodes.filter((n) => !pos.has(n.id));
  if (others.length === 0) return pos;

  let ambiguous = 0;
  const desired = new Map<string, number>();
  for (const n of [...others].sort(byName)) {
    const anchors = edges.flatMap((e) => (e.from === n.id ? [e.to] : e.to === n.id ? [e.from] : [])).flatMap((id) => pos.get(id) ?? []);
    const mean = anchors.reduce((m, p) => ({ x: m.x + p.x / anchors.length, y: m.y + p.y / anchors.length }), { x: 0, y: 0 });
    const centred = anchors.length === 0 || Math.hypot(mean.x - c.x, mean.y - c.y) < 1;
    // Linked to nothing placed, or equally to both sides: alternate top and bottom.
    desired.set(n.id, centred ? (ambiguous++ % 2 === 0 ? -Math.PI / 2 : Math.PI / 2) : angleOf(mean, c));
  }
  const sorted = [...others].sort((a, b) => desired.get(a.id)! - desired.get(b.id)! || byName(a, b));
  const n = sorted.length;
  const rx = box.width / 2 - box.marginX;
  const ry = box.height / 2 - box.marginY;
  // Slots keep the nodes' angular order; the ring is rotated to the circular mean of the wishes.
  const step = (2 * Math.PI) / n;
  let sin = 0;
  let cos = 0;
  sorted.forEach((node, i) => {
    sin += Math.sin(desired.get(node.id)! - i * step);
    cos += Math.cos(desired.get(node.id)! - i * step);
  });
  const offset = Math.abs(sin) + Math.abs(cos) < 1e-9 ? -Math.PI / 2 : Math.atan2(sin, cos);
  sorted.forEach((node, i) => {
    const a = offset + i * step;
    // Crowded rings alternate between two radii so neighbouring labels do not collide.
    const k = n > 14 && i % 2 === 1 ? 0.72 : 1;
    pos.set(node.id, { x: c.x + rx * k * Math.cos(a), y: c.y + ry * k * Math.sin(a) });
  });
  return pos;
}
