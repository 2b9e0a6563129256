/** The NOTIFY channel of a team workspace: a per-workspace secret only its members can read (migration 0004). */
import type pg from 'pg';
import { checkWorkspaceId } from './ops';

/**
 * Looks the channel up on `client` (the connection that will LISTEN). LISTEN needs no privilege, so the name itself
 * is the secret: it used to be derived from the workspace id, which let any login knowing the id watch the team.
 * Throws when this login is not a member (row-level security hides the row).
 */
export async function channelFor(client: pg.ClientBase, workspaceId: string): Promise<string> {
  checkWorkspaceId(workspaceId);
  const { rows } = await client.query<{ channel: string }>(
    "SELECT 'team_ops_' || secret AS channel FROM team.workspace_channels WHERE workspace_id = $1", [workspaceId]);
  const login = (client as { user?: string }).user ?? 'this login';
  if (!rows[0]) throw new Error(`${login} is not a member of team workspace ${workspaceId}: ask its owner to add you`);
  return rows[0].channel;
}
