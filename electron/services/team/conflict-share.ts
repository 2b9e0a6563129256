/** Copies the conflicts found here into the team database's conflicts table (and their resolution), so owners see them team-wide. */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Conflict } from '../../../shared/team/conflict';
import { pathKey } from '../../../shared/team/values';
import { checkWorkspaceId } from './ops';
import type { TeamLink } from './sync-state';

/** What this process already stored per conflict, per link: a new session re-sends once (both writes are idempotent). */
const shared = new WeakMap<TeamLink, Map<string, 'open' | 'resolved'>>();

/** The table's id (a uuid) for a local conflict id ("cf-…"): deterministic, so two members recording one conflict store it once. */
export function serverIdOf(workspaceId: string, conflictId: string): string {
  const h = createHash('sha256').update(`analyst-workbench/conflict/${workspaceId}/${conflictId}`).digest('hex');
  // Shaped as a version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const fieldOf = (c: Conflict) => pathKey(c.path) || '(record)';

/**
 * Records new conflicts and marks resolved ones. Never throws: the conflict lives in team.json whatever happens
 * here, and what failed is tried again at the next sync. Returns null, or why the table was not brought up to date.
 */
export async function shareConflicts(c: pg.ClientBase, link: TeamLink): Promise<string | null> {
  // Viewers may not write the table (row-level security); their conflicts stay local.
  if (link.role !== 'owner' && link.role !== 'editor') return null;
  let done = shared.get(link);
  if (!done) shared.set(link, (done = new Map()));
  const state = (cf: Conflict) => (cf.resolved ? 'resolved' : 'open');
  const todo = link.conflicts.filter((cf) => done.get(cf.id) !== state(cf));
  if (todo.length === 0) return null;
  const rows = todo.map((cf) => ({
    id: serverIdOf(link.workspaceId, cf.id), collection: cf.collection, record_id: cf.recordId, field: fieldOf(cf),
    candidates: [{ side: 'local', kind: cf.kind, ...cf.local }, { side: 'remote', kind: cf.kind, ...cf.remote }],
    resolution: cf.resolved ?? null, at: cf.resolved?.at ?? null,
  }));
  try {
    await c.query(
      `INSERT INTO team.conflicts (id, workspace_id, collection, record_id, field, candidates)
       SELECT x.id, $1, x.collection, x.record_id, x.field, x.candidates
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, collection text, record_id text, field text, candidates jsonb)
       ON CONFLICT (id) DO NOTHING`, [link.workspaceId, JSON.stringify(rows)]);
    const resolved = rows.filter((r) => r.resolution !== null);
    if (resolved.length > 0) {
      await c.query(
        `UPDATE team.conflicts t SET resolved = true, resolution = x.resolution, resolved_by = session_user, resolved_at = COALESCE(x.at, now())
           FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, resolution jsonb, at timestamptz)
          WHERE t.id = x.id AND t.workspace_id = $1 AND NOT t.resolved`, [link.workspaceId, JSON.stringify(resolved)]);
    }
  } catch (e) {
    return `conflicts were not recorded in the team database (${(e as Error).message}); they are kept here and sent at the next sync`;
  }
  for (const cf of todo) done.set(cf.id, state(cf));
  return null;
}

export interface TeamConflictRow {
  id: string;
  collection: string;
  recordId: string;
  field: string;
  detectedBy: string;
  detectedAt: string;
  candidates: unknown[];
}

/** The workspace's open conflicts as the table holds them (every member's), oldest first. */
export async function openTeamConflicts(c: pg.ClientBase, workspaceId: string): Promise<TeamConflictRow[]> {
  checkWorkspaceId(workspaceId);
  const { rows } = await c.query<{ id: string; collection: string; record_id: string; field: string; detected_by: string; detected_at: Date; candidates: unknown[] }>(
    `SELECT id, collection, record_id, field, detected_by, detected_at, candidates FROM team.conflicts
      WHERE workspace_id = $1 AND NOT resolved ORDER BY detected_at, id`, [workspaceId]);
  return rows.map((r) => ({
    id: r.id, collection: r.collection, recordId: r.record_id, field: r.field, detectedBy: r.detected_by,
    detectedAt: r.detected_at.toISOString(), candidates: r.candidates,
  }));
}
