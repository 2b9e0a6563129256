/** Serves the team methods (issue 18) from the host's TeamService; a host without one answers "unsupported". */
import { ok } from '../../../shared/domain/result';
import type { ApiHandlers } from '../../../shared/contract/api';
import { COLLECTION_NAMES } from '../../../shared/domain/types';
import { fail } from '../workbench/workbench';
import { explainTeamError, TeamRequestError, type TeamService } from '../team/team-service';
import { conflictView } from '../team/team-views';

type TeamMethods = 'team.status' | 'team.link' | 'team.join' | 'team.unlock' | 'team.sync' | 'team.conflicts'
  | 'team.resolveConflict' | 'team.activity' | 'team.authorOf' | 'team.addMember' | 'team.setRole' | 'team.removeMember';

/** Runs `f`, turning a TeamRequestError (or a database error) into the contract error it stands for. */
async function guarded<T>(f: () => Promise<T> | T) {
  try {
    return ok(await f());
  } catch (e) {
    const err = explainTeamError(e);
    return fail(err.code, err.message);
  }
}

export function createTeamHandlers(team: TeamService | undefined): Pick<ApiHandlers, TeamMethods> {
  if (!team) {
    const no = async () => fail('unsupported', 'Team workspaces are not available in this host.');
    return {
      'team.status': async () => ok({ linked: false, secretStorage: 'memory' }),
      'team.link': no, 'team.join': no, 'team.unlock': no, 'team.sync': no, 'team.conflicts': no,
      'team.resolveConflict': no, 'team.activity': no, 'team.authorOf': no,
      'team.addMember': no, 'team.setRole': no, 'team.removeMember': no,
    } as Pick<ApiHandlers, TeamMethods>;
  }
  const wb = team.wb;
  const conflicts = () => team.conflicts().map((c) => conflictView(wb, c));
  const withStatus = (r: { pulled: number; pushed: number; conflicts: number }) => ({ ...r, status: team.status() });
  return {
    'team.status': async () => ok(team.status()),
    'team.link': ({ db, password, title }) => guarded(async () => withStatus(await team.create(db, password, title))),
    'team.join': ({ db, password, teamId }) => guarded(async () => withStatus(await team.join(db, password, teamId))),
    'team.unlock': ({ password }) => guarded(async () => { await team.unlock(password); return team.status(); }),
    'team.sync': () => guarded(async () => withStatus(await team.syncNow())),
    'team.conflicts': () => guarded(conflicts),
    'team.resolveConflict': ({ id, pick }) => guarded(() => {
      const sync = team.running();
      if (!sync.conflicts().some((c) => c.id === id)) throw new TeamRequestError('not_found', `No open conflict ${id}: it may be resolved already.`);
      try {
        sync.resolve(id, { pick });
      } catch (e) {
        throw new TeamRequestError('conflict', (e as Error).message);
      }
      return conflicts();
    }),
    'team.activity': ({ limit }) => guarded(() => team.activity(limit)),
    'team.authorOf': ({ collection, id }) => guarded(() => {
      if (!(COLLECTION_NAMES as readonly string[]).includes(collection)) throw new TeamRequestError('invalid_request', `Unknown collection "${collection}".`);
      return team.authorOf(collection, id);
    }),
    'team.addMember': ({ login, role }) => guarded(() => team.changeMembers((m) => m.add(login, role))),
    'team.setRole': ({ login, role }) => guarded(() => team.changeMembers((m) => m.setRole(login, role))),
    'team.removeMember': ({ login }) => guarded(() => team.changeMembers((m) => m.remove(login))),
  };
}
