/** Where to put nodes that have no saved position, without moving the ones the analyst placed (pure). */

export interface Point {
  x: number;
  y: number;
}

/** The i-th point of a golden-angle spiral around `center`: evenly spread, never on top of each other. */
export function spiralPoint(center: Point, i: number, spacing = 60): Point {
  const angle = i * 2.399963229728653;
  const radius = spacing * Math.sqrt(i + 1);
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}

/**
 * Positions for `newIds`: beside the average of their already placed neighbours (offset on a small spiral so
 * siblings do not stack), or, with no placed neighbour, on a spiral outside the placed nodes' bounding box.
 */
export function placeNewNodes(
  newIds: readonly string[],
  placed: ReadonlyMap<string, Point>,
  neighbours: (id: string) => readonly string[],
): Map<string, Point> {
  const out = new Map<string, Point>();
  const xs = [...placed.values()].map((p) => p.x);
  const ys = [...placed.values()].map((p) => p.y);
  const center = xs.length ? { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 } : { x: 0, y: 0 };
  const radius = xs.length ? Math.max(Math.max(...xs) - center.x, Math.max(...ys) - center.y) + 120 : 0;
  let loose = 0;
  const perAnchor = new Map<string, number>();
  for (const id of newIds) {
    const anchors = neighbours(id).map((n) => placed.get(n) ?? out.get(n)).filter((p): p is Point => p !== undefined);
    if (anchors.length > 0) {
      const avg = { x: anchors.reduce((s, p) => s + p.x, 0) / anchors.length, y: anchors.reduce((s, p) => s + p.y, 0) / anchors.length };
      const key = `${Math.round(avg.x)},${Math.round(avg.y)}`;
      const n = perAnchor.get(key) ?? 0;
      perAnchor.set(key, n + 1);
      out.set(id, spiralPoint(avg, n + 1, 70));
    } else {
      const p = spiralPoint({ x: 0, y: 0 }, loose++, 70);
      const scale = radius > 0 ? 1 : 0;
      out.set(id, { x: center.x + p.x + scale * radius * Math.sign(p.x || 1), y: center.y + p.y });
    }
  }
  return out;
}

/**
 * The layout of a graph too big for a force layout: every node on one golden-angle spiral, best connected in the
 * centre and unconnected ones on the rim, `spacing` apart (no two nodes overlap). Linear time and deterministic
 * (ties keep the input order), so it costs milliseconds at 5,000 nodes, where Cytoscape's concentric layout spent
 * seconds measuring every label and edge for bounding boxes.
 */
export function spiralByDegree(nodes: readonly { id: string; degree: number }[], spacing = 70): Map<string, Point> {
  const order = nodes.map((n, i) => ({ ...n, i })).sort((a, b) => b.degree - a.degree || a.i - b.i);
  return new Map(order.map((n, rank) => [n.id, spiralPoint({ x: 0, y: 0 }, rank, spacing)]));
}

/** The smallest box holding every point (null for none). */
export function extentOf(points: Iterable<Point>): { x1: number; y1: number; x2: number; y2: number } | null {
  let box: { x1: number; y1: number; x2: number; y2: number } | null = null;
  for (const p of points) {
    if (!box) box = { x1: p.x, y1: p.y, x2: p.x, y2: p.y };
    else {
      box.x1 = Math.min(box.x1, p.x); box.y1 = Math.min(box.y1, p.y);
      box.x2 = Math.max(box.x2, p.x); box.y2 = Math.max(box.y2, p.y);
    }
  }
  return box;
}
