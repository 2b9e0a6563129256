/** CLI for team workspaces on PostgreSQL: `team create|join|status|sync|reseed` (password from --password-file or WORKBENCH_TEAM_PASSWORD). */
import path from 'node:path';
import { flagOf, type ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import { CliError, printJson } from '../output';
import { COLLECTION_NAMES } from '../../../shared/domain/types';
import { checkNoPassword, CredentialError, loginOf, readCliPassword, withPassword } from '../../services/team/credentials';
import { TeamSync, writeNewLink } from '../../services/team/sync';
import { readLink } from '../../services/team/sync-state';
import { TeamDb } from '../../services/team/team-db';
import { TeamDbError } from '../../services/team/errors';
import { withWorkbench, type Command } from './common';
import { teamMemberCommands, TEAM_MEMBERS_USAGE } from './team-members';
import { openTeamConflicts } from '../../services/team/conflict-share';
import { withTeamClient } from '../../services/team/member-admin';
import { NotAWriter } from '../../services/team/server-restore';

export const TEAM_USAGE = `  team create --db postgresql://LOGIN@HOST/DB [--title NAME]
                               share this workspace as a new team workspace (you become its owner)
  team join --db postgresql://LOGIN@HOST/DB --team ID
                               join a team workspace into this (empty) workspace
  team status                  members, roles, last sync, queued edits and open conflicts
  team sync                    push queued edits and pull the team's once
  team reseed                  send again every record here that the team database lacks or holds otherwise
                               (after the database was restored from a backup; owner or editor; a sync does
                               it by itself when it notices the database went back in time)
  team migrate --db postgresql://ADMIN@HOST/DB
                               bring the team database's schema up to this version (run by the database
                               administrator role, not a member; idempotent, refuses an edited or newer schema)
  team resolve ID --pick local|remote
                               settle an open conflict (team status lists them) with your value or the team's;
                               the choice is an ordinary edit that the next team sync shares
                               (team commands read the password from --password-file FILE or WORKBENCH_TEAM_PASSWORD;
                               a connection string with a password inside is refused)
${TEAM_MEMBERS_USAGE}`;

function credentials(a: ParsedArgs, url: string): string {
  try {
    return withPassword(checkNoPassword(url), readCliPassword({ passwordFile: flagOf(a, '--password-file') }));
  } catch (e) {
    if (e instanceof CredentialError) throw new CliError(e.message, EXIT.usage);
    throw e;
  }
}

function dbUrl(a: ParsedArgs): string {
  const url = flagOf(a, '--db');
  if (!url) throw new CliError('give the team database with --db postgresql://LOGIN@HOST:5432/DATABASE', EXIT.usage);
  try {
    checkNoPassword(url);
    loginOf(url);
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.usage);
  }
  return url;
}

/** Database errors as an analyst can act on them. */
function explain(e: unknown): never {
  if (e instanceof CliError) throw e;
  if (e instanceof TeamDbError) throw new CliError(e.message, e.kind === 'bad_input' || e.kind === 'insecure' ? EXIT.usage : EXIT.failed);
  const code = (e as { code?: string }).code;
  if (code === '28P01') throw new CliError('the team database refused the login: wrong password or unknown login', EXIT.permission);
  throw new CliError(`team database: ${(e as Error).message}`, EXIT.failed);
}

async function syncIn(dir: string, connectionString: string, before?: (s: TeamSync) => void) {
  return withWorkbench(dir, false, async (wb) => {
    const sync = TeamSync.attach(wb, { connectionString, poolSize: 1 });
    try {
      before?.(sync);
      const report = await sync.syncOnce().catch(explain);
      return { report, status: sync.status(), conflicts: sync.conflicts() };
    } finally {
      await sync.stop();
    }
  });
}

function printSync(json: boolean, r: Awaited<ReturnType<typeof syncIn>>, extra: Record<string, unknown> = {}): number {
  if (json) printJson({ ...extra, ...r.report, status: r.status, conflicts: r.conflicts });
  else {
    console.log(`pushed ${r.report.pushed} edits, pulled ${r.report.pulled} ops, ${r.report.conflicts} new conflicts; ${r.status.pending} edits queued`);
    if (r.status.refused) console.log(r.status.refused);
    for (const c of r.conflicts) console.log(`  conflict ${c.id}: ${c.collection}/${c.recordId} ${c.path.join('.') || '(record)'} — yours ${JSON.stringify(c.local.value)} vs ${c.remote.author}'s ${JSON.stringify(c.remote.value)}`);
  }
  return r.status.refused ? EXIT.failed : 0;
}

/** `team reseed`: sync, then queue and push every record the server lacks or holds otherwise (server-restore.ts). */
async function reseed(a: ParsedArgs, dir: string, json: boolean): Promise<number> {
  const link = readLink(dir);
  if (!link) throw new CliError('this workspace is not linked to a team: run "workbench team create" or "team join"', EXIT.failed);
  const conn = credentials(a, link.url);
  const r = await withWorkbench(dir, false, async (wb) => {
    const sync = TeamSync.attach(wb, { connectionString: conn, poolSize: 1 });
    try {
      const out = await sync.reseed().catch((e: unknown) => {
        if (e instanceof NotAWriter) throw new CliError(e.message, EXIT.permission);
        return explain(e);
      });
      return { ...out, status: sync.status() };
    } finally {
      await sync.stop();
    }
  });
  if (json) printJson({ resent: r.resent, ...r.report, status: r.status });
  else {
    console.log(`re-sent ${r.resent} record${r.resent === 1 ? '' : 's'} the team database lacked or held otherwise; ${r.status.pending} edits queued`);
    if (r.status.refused) console.log(r.status.refused);
  }
  return r.status.refused ? EXIT.failed : 0;
}

/** `team resolve ID --pick local|remote`: offline, a local edit like any other (pushed by the next sync). */
async function resolve(a: ParsedArgs, dir: string, json: boolean): Promise<number> {
  const id = a.positionals[2];
  const pick = flagOf(a, '--pick');
  if (!id || (pick !== 'local' && pick !== 'remote')) throw new CliError('usage: workbench team resolve ID --pick local|remote (team status lists the open conflicts)', EXIT.usage);
  if (!readLink(dir)) throw new CliError('this workspace is not linked to a team: run "workbench team create" or "team join"', EXIT.failed);
  return withWorkbench(dir, false, async (wb) => {
    // No connection is made: the password is not needed here.
    const s = TeamSync.attach(wb, { connectionString: readLink(dir)!.url });
    try {
      const cf = s.conflicts().find((c) => c.id === id);
      if (!cf) throw new CliError(`no open conflict ${id} in this workspace (team status lists them)`, EXIT.notFound);
      s.resolve(id, { pick });
      const value = (pick === 'local' ? cf.local : cf.remote).value;
      if (json) printJson({ resolved: id, pick, value, pending: s.status().pending });
      else console.log(`resolved ${cf.collection}/${cf.recordId} ${cf.path.join('.') || '(record)'} to ${JSON.stringify(value)}; run "workbench team sync" to share it`);
      return 0;
    } finally {
      await s.stop();
    }
  });
}

export const teamCommands: Record<string, Command> = {
  async team(a, dir, json) {
    const sub = a.positionals[1];
    if (sub === 'create' || sub === 'join') {
      if (readLink(dir)) throw new CliError(`${dir} is already linked to a team workspace (team.json)`, EXIT.failed);
      const url = dbUrl(a);
      const conn = credentials(a, url);
      // Open for writing first: a workspace open in the app would fail the first sync only after the team workspace
      // was created on the server and team.json written here (a stray workspace and a half-linked folder).
      await withWorkbench(dir, false, async () => undefined);
      const member = loginOf(url);
      let workspaceId = flagOf(a, '--team') ?? '';
      let workspaceName = flagOf(a, '--title') ?? path.basename(path.resolve(dir));
      let role: 'owner' | 'editor' | 'viewer' = 'owner';
      const db = await TeamDb.connect(conn, { poolSize: 1 }).catch(explain);
      try {
        if (sub === 'create') workspaceId = (await db.createTeamWorkspace(workspaceName).catch(explain)).id;
        else {
          if (!workspaceId) throw new CliError('team join needs --team ID (the team workspace id its owner gave you)', EXIT.usage);
          const me = (await db.members(workspaceId).catch(explain)).find((m) => m.login === member);
          if (!me) throw new CliError(`${member} is not a member of team workspace ${workspaceId}: ask its owner to add you`, EXIT.permission);
          role = me.role;
          workspaceName = workspaceId;
        }
      } finally {
        await db.close();
      }
      if (sub === 'join') {
        const empty = await withWorkbench(dir, true, async (wb) => COLLECTION_NAMES.every((c) => wb.state.count(c) === 0));
        if (!empty) throw new CliError('team join needs an empty workspace: join into a new folder (--workspace DIR)', EXIT.failed);
      }
      writeNewLink(dir, { url, workspaceId, workspaceName, member, role });
      const r = await syncIn(dir, conn, (s) => { if (sub === 'create') s.queueWholeWorkspace(); });
      if (!json) console.log(`${sub === 'create' ? 'created' : 'joined'} team workspace ${workspaceId} as ${member} (${role})`);
      return printSync(json, r, { workspaceId, member, role });
    }
    if (sub === 'sync') {
      const link = readLink(dir);
      if (!link) throw new CliError('this workspace is not linked to a team: run "workbench team create" or "team join"', EXIT.failed);
      return printSync(json, await syncIn(dir, credentials(a, link.url)));
    }
    if (sub === 'status') {
      const link = readLink(dir);
      if (!link) throw new CliError('this workspace is not linked to a team: run "workbench team create" or "team join"', EXIT.failed);
      let members: { login: string; role: string }[] | null = null;
      let problem: string | null = null;
      let teamOpenConflicts: number | null = null;
      try {
        const conn = credentials(a, link.url);
        const db = await TeamDb.connect(conn, { poolSize: 1 });
        try { members = await db.members(link.workspaceId); } finally { await db.close(); }
        // Every member's, as recorded by their syncs (conflict-share.ts).
        teamOpenConflicts = (await withTeamClient(conn, (c) => openTeamConflicts(c, link.workspaceId))).length;
      } catch (e) {
        problem = e instanceof CliError ? e.message : `team database not reachable: ${(e as Error).message}`;
      }
      const status = await withWorkbench(dir, true, async (wb) => {
        const s = TeamSync.attach(wb, { connectionString: link.url });
        try { return { ...s.status(), conflicts: s.conflicts() }; } finally { await s.abandon(); }
      });
      if (json) printJson({ workspaceId: link.workspaceId, url: link.url, members, problem, teamOpenConflicts, ...status });
      else {
        console.log(`team workspace ${link.workspaceName} (${link.workspaceId}) at ${link.url} as ${link.member} (${link.role ?? 'unknown role'})`);
        console.log(`last sync ${status.lastSyncAt ?? 'never'}, seq ${status.lastSeq}; ${status.pending} edits queued; ${status.openConflicts} open conflicts${teamOpenConflicts === null ? '' : ` (${teamOpenConflicts} team-wide)`}`);
        if (members) for (const m of members) console.log(`  ${m.role.padEnd(6)} ${m.login}`);
        if (problem) console.log(`(members not shown: ${problem})`);
      }
      return 0;
    }
    if (sub === 'resolve') return resolve(a, dir, json);
    if (sub === 'reseed') return reseed(a, dir, json);
    if (sub === 'migrate') {
      const db = await TeamDb.connect(credentials(a, dbUrl(a)), { poolSize: 1 }).catch(explain);
      try {
        const r = await db.migrate().catch(explain);
        if (json) printJson(r);
        else console.log(`applied ${r.applied.length} migrations${r.applied.length ? ` (${r.applied.join(', ')})` : ''}; ${r.alreadyApplied.length} already applied`);
        return 0;
      } finally {
        await db.close();
      }
    }
    if (sub && Object.hasOwn(teamMemberCommands, sub)) return teamMemberCommands[sub]!(a, dir, json);
    throw new CliError('usage: workbench team create|join|status|sync|reseed|resolve|migrate|members|add-member|set-role|remove-member|conflicts', EXIT.usage);
  },
};
