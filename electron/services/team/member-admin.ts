/** Managing a team workspace's members as its owner: list, add (optionally creating the login), change role, remove. */
import pg from 'pg';
import { openTeamConflicts, type TeamConflictRow } from './conflict-share';
import { checkConnectionString } from './connection';
import { checkWorkspaceId } from './ops';
import { scramVerifier } from './scram';
import type { TeamRole } from './team-db';

export const ROLES: readonly TeamRole[] = ['owner', 'editor', 'viewer'];
const LOGIN = /^[a-z_][a-z0-9_]{0,62}$/;

export type MemberErrorKind = 'bad_input' | 'not_owner' | 'unknown_login' | 'not_member' | 'no_right' | 'exists' | 'last_owner';

/** A refusal an owner can act on; nothing was changed in the database. */
export class MemberError extends Error {
  constructor(readonly kind: MemberErrorKind, message: string) {
    super(message);
    this.name = 'MemberError';
  }
}

export interface MemberRow {
  login: string;
  role: TeamRole;
  addedBy: string;
  addedAt: string;
}

export function checkRole(role: string | undefined): TeamRole {
  if (!role || !ROLES.includes(role as TeamRole)) throw new MemberError('bad_input', `role must be one of ${ROLES.join(', ')} (got ${JSON.stringify(role ?? '')})`);
  return role as TeamRole;
}

export function checkLoginName(login: string | undefined): string {
  if (!login || !LOGIN.test(login)) {
    throw new MemberError('bad_input', `login ${JSON.stringify(login ?? '').slice(0, 70)} must be lower-case letters, digits or _ (at most 63, not starting with a digit)`);
  }
  return login;
}

/** Opens one connection (TLS rule checked first), runs `fn`, closes it. */
export async function withTeamClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  checkConnectionString(connectionString);
  const client = new pg.Client({ connectionString, application_name: 'analyst-workbench members' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every query below is parameterised; the database's row-level security decides, these checks only explain. */
export class MemberAdmin {
  constructor(private readonly c: pg.ClientBase, readonly workspaceId: string) {
    checkWorkspaceId(workspaceId);
  }

  async myRole(): Promise<TeamRole | null> {
    const { rows } = await this.c.query<{ role: TeamRole | null }>('SELECT team.my_role($1) AS role', [this.workspaceId]);
    return rows[0]?.role ?? null;
  }

  async list(): Promise<MemberRow[]> {
    const { rows } = await this.c.query<{ user_name: string; role: TeamRole; added_by: string; added_at: Date }>(
      'SELECT user_name, role, added_by, added_at FROM team.members WHERE workspace_id = $1 ORDER BY user_name', [this.workspaceId]);
    if (rows.length === 0) throw new MemberError('not_member', `you are not a member of team workspace ${this.workspaceId} (or it does not exist)`);
    return rows.map((r) => ({ login: r.user_name, role: r.role, addedBy: r.added_by, addedAt: r.added_at.toISOString() }));
  }

  private async mustOwn(action: string): Promise<void> {
    const role = await this.myRole();
    if (role !== 'owner') {
      throw new MemberError('not_owner', `only an owner of the team workspace may ${action} (you are ${role ? `a ${role}` : 'not a member'})`);
    }
  }

  /** A login the team may use: exists, may log in, is in the team group (migration 0004 refuses others too). */
  private async loginState(login: string): Promise<'team' | 'other' | 'none'> {
    const { rows } = await this.c.query<{ team: boolean }>(
      `SELECT r.rolcanlogin AND NOT r.rolsuper AND pg_has_role(r.oid, 'workbench_team_member', 'MEMBER') AS team
         FROM pg_roles r WHERE r.rolname = $1`, [login]);
    return rows.length === 0 ? 'none' : rows[0]!.team ? 'team' : 'other';
  }

  /** Whether this connection may create member logins (CREATEROLE and the function granted by the administrator). */
  async canCreateLogins(): Promise<boolean> {
    const { rows } = await this.c.query<{ ok: boolean }>(
      `SELECT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = session_user)
          AND has_function_privilege('team.create_member_login(text, text)', 'EXECUTE') AS ok`);
    return rows[0]?.ok === true;
  }

  private async current(login: string): Promise<TeamRole | null> {
    const { rows } = await this.c.query<{ role: TeamRole }>('SELECT role FROM team.members WHERE workspace_id = $1 AND user_name = $2', [this.workspaceId, login]);
    return rows[0]?.role ?? null;
  }

  /** Adds a member; with `newPassword`, first creates their login (only if this connection has the right). */
  async add(login: string, role: TeamRole, newPassword?: string): Promise<{ created: boolean }> {
    checkLoginName(login);
    checkRole(role);
    await this.mustOwn('add members');
    const state = await this.loginState(login);
    if (await this.current(login)) throw new MemberError('exists', `${login} is already a member: change their role with "team set-role --login ${login} --role ${role}"`);
    if (newPassword !== undefined) {
      if (state !== 'none') throw new MemberError('exists', `login ${login} already exists: add it without --create-login`);
      if (!(await this.canCreateLogins())) {
        throw new MemberError('no_right', `your login may not create logins (it needs CREATEROLE and EXECUTE on team.create_member_login): ask the database administrator to create ${login}, then add it without --create-login`);
      }
    } else if (state === 'none') {
      throw new MemberError('unknown_login', `unknown login ${login}: ask the database administrator to create it`);
    } else if (state === 'other') {
      throw new MemberError('unknown_login', `${login} is not a team login (not in the workbench_team_member group): the database administrator creates team logins`);
    }
    await this.c.query('BEGIN');
    try {
      // One transaction: a login is never left created without its membership, nor the reverse.
      if (newPassword !== undefined) await this.c.query('SELECT team.create_member_login($1, $2)', [login, scramVerifier(newPassword)]);
      await this.c.query('INSERT INTO team.members (workspace_id, user_name, role) VALUES ($1, $2, $3)', [this.workspaceId, login, role]);
      await this.c.query('COMMIT');
    } catch (e) {
      await this.c.query('ROLLBACK').catch(() => undefined);
      throw explainDb(e);
    }
    return { created: newPassword !== undefined };
  }

  async setRole(login: string, role: TeamRole): Promise<{ from: TeamRole; to: TeamRole }> {
    checkLoginName(login);
    checkRole(role);
    await this.mustOwn('change roles');
    const from = await this.current(login);
    if (!from) throw new MemberError('not_member', `${login} is not a member of this team workspace: add them with "team add-member"`);
    await this.c.query('UPDATE team.members SET role = $3 WHERE workspace_id = $1 AND user_name = $2', [this.workspaceId, login, role]).catch((e: unknown) => { throw explainDb(e); });
    return { from, to: role };
  }

  /** Every member's open conflicts, as recorded in the team database (empty for a non-member: row-level security). */
  openConflicts(): Promise<TeamConflictRow[]> {
    return openTeamConflicts(this.c, this.workspaceId);
  }

  async remove(login: string): Promise<{ role: TeamRole }> {
    checkLoginName(login);
    await this.mustOwn('remove members');
    const role = await this.current(login);
    if (!role) throw new MemberError('not_member', `${login} is not a member of this team workspace`);
    await this.c.query('DELETE FROM team.members WHERE workspace_id = $1 AND user_name = $2', [this.workspaceId, login]).catch((e: unknown) => { throw explainDb(e); });
    return { role };
  }
}

/** The database's own refusals (migration 0004's triggers, row-level security) as member errors. */
function explainDb(e: unknown): unknown {
  const err = e as { code?: string; message?: string };
  if (err.code === '23514' && /last owner/.test(err.message ?? '')) return new MemberError('last_owner', `${err.message}`);
  if (err.code === '23503' && /unknown team login/.test(err.message ?? '')) return new MemberError('unknown_login', `${err.message}`);
  if (err.code === '42501') return new MemberError('not_owner', `the team database refused the change: ${err.message}`);
  return e;
}
