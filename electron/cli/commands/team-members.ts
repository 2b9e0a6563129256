/** CLI: `team members|add-member|set-role|remove-member|conflicts --all`, as the linked login (an owner for changes). */
import { flagOf, type ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import { CliError, printJson } from '../output';
import { checkNoPassword, CredentialError, loginOf, readCliPassword, withPassword } from '../../services/team/credentials';
import { checkLoginName, checkRole, MemberAdmin, MemberError, withTeamClient, type MemberErrorKind } from '../../services/team/member-admin';
import { readLink } from '../../services/team/sync-state';
import { TeamDbError } from '../../services/team/errors';

export const TEAM_MEMBERS_USAGE = `  team members                 the team workspace's members, their roles and who added them
  team add-member --login L --role owner|editor|viewer [--create-login --new-password-file F]
                               add a colleague's login (owners only); --create-login also creates the login
                               with the password in F (first line), if your login may create logins
  team set-role --login L --role owner|editor|viewer
                               change a member's role (owners only; a workspace keeps one owner at least)
  team remove-member --login L remove a member (owners only; not the last owner)
  team conflicts [--all]       open conflicts in this workspace; --all: every member's, from the team database
                               (these also take --db URL --team ID to act on a workspace this folder is not linked to)`;

const EXIT_OF: Record<MemberErrorKind, number> = {
  bad_input: EXIT.usage, not_owner: EXIT.permission, no_right: EXIT.permission, unknown_login: EXIT.notFound,
  not_member: EXIT.notFound, exists: EXIT.failed, last_owner: EXIT.failed,
};

function explain(e: unknown): never {
  if (e instanceof CliError) throw e;
  if (e instanceof MemberError) {
    const hint = e.kind === 'unknown_login' && e.message.startsWith('unknown login') ? ' (or pass --create-login --new-password-file FILE if your login may create logins)' : '';
    throw new CliError(e.message + hint, EXIT_OF[e.kind]);
  }
  if (e instanceof CredentialError) throw new CliError(e.message, EXIT.usage);
  if (e instanceof TeamDbError) throw new CliError(e.message, e.kind === 'bad_input' || e.kind === 'insecure' ? EXIT.usage : EXIT.failed);
  const code = (e as { code?: string }).code;
  if (code === '28P01') throw new CliError('the team database refused the login: wrong password or unknown login', EXIT.permission);
  throw new CliError(`team database: ${(e as Error).message}`, EXIT.failed);
}

/** The database and workspace: this folder's team link, or --db and --team. */
function target(a: ParsedArgs, dir: string): { url: string; workspaceId: string; me: string } {
  const link = readLink(dir);
  const url = flagOf(a, '--db') ?? link?.url;
  const workspaceId = flagOf(a, '--team') ?? link?.workspaceId;
  if (!url || !workspaceId) throw new CliError('this workspace is not linked to a team: give --db postgresql://LOGIN@HOST/DB --team ID', EXIT.usage);
  try {
    return { url: checkNoPassword(url), workspaceId, me: loginOf(url) };
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.usage);
  }
}

async function asMember<T>(a: ParsedArgs, dir: string, fn: (m: MemberAdmin, me: string) => Promise<T>): Promise<T> {
  const t = target(a, dir);
  let conn: string;
  try {
    conn = withPassword(t.url, readCliPassword({ passwordFile: flagOf(a, '--password-file') }));
  } catch (e) {
    return explain(e);
  }
  return withTeamClient(conn, (c) => fn(new MemberAdmin(c, t.workspaceId), t.me)).catch(explain);
}

function loginAndRole(a: ParsedArgs, needRole: boolean): { login: string; role: ReturnType<typeof checkRole> | null } {
  try {
    return { login: checkLoginName(flagOf(a, '--login')), role: needRole ? checkRole(flagOf(a, '--role')) : null };
  } catch (e) {
    return explain(e);
  }
}

export const teamMemberCommands: Record<string, (a: ParsedArgs, dir: string, json: boolean) => Promise<number>> = {
  async members(a, dir, json) {
    const rows = await asMember(a, dir, (m) => m.list());
    if (json) printJson({ members: rows });
    else for (const r of rows) console.log(`  ${r.role.padEnd(6)} ${r.login.padEnd(20)} added by ${r.addedBy} ${r.addedAt}`);
    return 0;
  },

  async 'add-member'(a, dir, json) {
    const { login, role } = loginAndRole(a, true);
    const create = a.switches.has('--create-login');
    const pwFile = flagOf(a, '--new-password-file');
    if (create !== Boolean(pwFile)) throw new CliError('--create-login and --new-password-file FILE go together (the new login\'s password is read from FILE)', EXIT.usage);
    let newPassword: string | undefined;
    if (pwFile) {
      try {
        newPassword = readCliPassword({ passwordFile: pwFile, env: {} });
      } catch (e) {
        return explain(e);
      }
    }
    const r = await asMember(a, dir, (m) => m.add(login, role!, newPassword));
    if (json) printJson({ added: login, role, createdLogin: r.created });
    else console.log(`added ${login} as ${role}${r.created ? ' (login created)' : ''}; they join with "workbench team join --team ${target(a, dir).workspaceId}"`);
    return 0;
  },

  async 'set-role'(a, dir, json) {
    const { login, role } = loginAndRole(a, true);
    const r = await asMember(a, dir, (m) => m.setRole(login, role!));
    if (json) printJson({ login, ...r });
    else console.log(`${login}: ${r.from} → ${r.to}`);
    return 0;
  },

  async 'remove-member'(a, dir, json) {
    const { login } = loginAndRole(a, false);
    const r = await asMember(a, dir, (m) => m.remove(login));
    if (json) printJson({ removed: login, role: r.role });
    else console.log(`removed ${login} (was ${r.role}); their workspace keeps what it has but no longer syncs`);
    return 0;
  },

  async conflicts(a, dir, json) {
    if (!a.switches.has('--all')) {
      const link = readLink(dir);
      if (!link) throw new CliError('this workspace is not linked to a team: run "workbench team create" or "team join"', EXIT.failed);
      const open = link.conflicts.filter((c) => !c.resolved);
      if (json) printJson({ conflicts: open });
      else for (const c of open) console.log(`  ${c.id}: ${c.collection}/${c.recordId} ${c.path.join('.') || '(record)'}`);
      return 0;
    }
    const rows = await asMember(a, dir, (m) => m.openConflicts());
    if (json) printJson({ conflicts: rows });
    else {
      console.log(`${rows.length} open conflicts in the team workspace`);
      for (const r of rows) console.log(`  ${r.id}: ${r.collection}/${r.recordId} ${r.field}, found by ${r.detectedBy} ${r.detectedAt}`);
    }
    return 0;
  },
};
