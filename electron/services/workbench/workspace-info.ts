/** The workspace.info answer, one builder for the full handlers and the library-first phase so the two cannot drift apart. */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceInfo } from '../../../shared/contract/views';
import type { WorkspaceState } from '../../../shared/domain/state';
import { TEAM_FILE } from '../team/sync-state';

export function workspaceInfoOf(dir: string, schemaVersion: number, state: Pick<WorkspaceState, 'count'>, seeded: boolean): WorkspaceInfo {
  return {
    path: dir,
    schemaVersion,
    counts: { sources: state.count('sources'), highlights: state.count('highlights'), tags: state.count('tags') },
    seeded,
    // Asked at each call (a stat): a workspace shared or joined during the session says so at the next one.
    team: fs.existsSync(path.join(dir, TEAM_FILE)),
  };
}
