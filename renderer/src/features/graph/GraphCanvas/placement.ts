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
