/** Keyboard navigation over the relationship graph and the words announced at each step (pure). */

export interface NavPoint {
  id: string;
  x: number;
  y: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface NavEdge {
  id: string;
  from: string;
  to: string;
  label: string;
}

/** "1 entity", "2 entities", "0 relationships". */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Nodes whose centres differ by less than this many (model) pixels vertically count as one row when reading. */
const ROW_BAND = 40;

/** The node a reader meets first: the top row, then its leftmost node. */
export function firstInReadingOrder(points: readonly NavPoint[]): string | null {
  if (points.length === 0) return null;
  const top = Math.min(...points.map((p) => p.y));
  const row = points.filter((p) => p.y - top < ROW_BAND);
  return row.reduce((best, p) => (p.x < best.x || (p.x === best.x && p.id < best.id) ? p : best)).id;
}

/**
 * The nearest node in a direction: first among those within 45° of it, else anywhere on that side.
 * Distance across the direction counts double, so a node straight ahead beats a closer one off to the side.
 */
export function nearestInDirection(from: NavPoint, points: readonly NavPoint[], dir: Direction): string | null {
  const scored = points.filter((p) => p.id !== from.id).map((p) => {
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const ahead = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
    const across = Math.abs(dir === 'left' || dir === 'right' ? dy : dx);
    return { id: p.id, ahead, across, score: ahead + 2 * across };
  }).filter((c) => c.ahead > 0);
  const cone = scored.filter((c) => c.across <= c.ahead);
  const pool = cone.length > 0 ? cone : scored;
  if (pool.length === 0) return null;
  return pool.reduce((best, c) => (c.score < best.score || (c.score === best.score && c.id < best.id) ? c : best)).id;
}

/** A node's edges in a stable order: by the other entity's name, then the relationship label. */
export function edgesInOrder(nodeId: string, edges: readonly NavEdge[], nameOf: (id: string) => string): string[] {
  const other = (e: NavEdge) => nameOf(e.from === nodeId ? e.to : e.from);
  return edges.filter((e) => e.from === nodeId || e.to === nodeId)
    .sort((a, b) => other(a).localeCompare(other(b)) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .map((e) => e.id);
}

/** The next (step 1) or previous (step -1) id after `current`, wrapping round; the first or last when there is none. */
export function stepThrough(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[(at + step + ids.length) % ids.length]!;
}

/** "Türkiye, place, 3 relationships". */
export function nodeAnnouncement(name: string, typeLabel: string, degree: number): string {
  return `${name}, ${typeLabel.toLowerCase()}, ${countOf(degree, 'relationship', 'relationships')}`;
}

export interface EdgeEvidence {
  passages: number;
  claims: number;
}

/** "Türkiye supports Kazakhstan, evidenced by 1 passage" or "…, unevidenced"; just "evidenced" before counts are known. */
export function edgeAnnouncement(fromName: string, label: string, toName: string, unevidenced: boolean, evidence?: EdgeEvidence): string {
  const head = `${fromName} ${label} ${toName}`;
  if (unevidenced) return `${head}, unevidenced`;
  const parts = evidence
    ? [evidence.passages > 0 ? countOf(evidence.passages, 'passage', 'passages') : '', evidence.claims > 0 ? countOf(evidence.claims, 'claim', 'claims') : ''].filter(Boolean)
    : [];
  return parts.length > 0 ? `${head}, evidenced by ${parts.join(' and ')}` : `${head}, evidenced`;
}
