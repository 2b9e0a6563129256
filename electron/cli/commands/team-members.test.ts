/** `workbench team members|add-member|set-role|remove-member|conflicts --all` and status's team-wide count, via runCli. */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { TeamDb } from '../../services/team/team-db';
import { writeNewLink } from '../../services/team/sync';
import { Workbench } from '../../services/workbench/workbench';
import { runCli } from '../main';

let fx: TeamFixture;
let pwDir = '';
let out = '';
let err = '';
const url = (login: string) => `postgresql://${login}@${fx.cluster.host}:${fx.cluster.port}/team`;
const pwFile = (login: string, pw = `${login}-secret-pw`) => {
  const f = path.join(pwDir, login);
  fs.writeFileSync(f, `${pw}\n`);
  return f;
};

beforeAll(async () => {
  fx = await startTeamFixture();
  pwDir = tempDir('wb-team-pw-');
}, 60_000);
afterAll(async () => { await fx?.close(); });
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation((...args) => { out += `${args.join(' ')}\n`; });
  vi.spyOn(console, 'error').mockImplementation((...args) => { err += `${args.join(' ')}\n`; });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { out += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { err += String(chunk); return true; });
});
afterEach(() => vi.restoreAllMocks());

/** An empty workspace linked to team workspace `ws` as `login` (no records needed: these commands talk to the database). */
async function linked(login: string, ws: string): Promise<string> {
  const dir = tempDir();
  await (await Workbench.open(dir, { autoBackup: false })).close();
  writeNewLink(dir, { url: url(login), workspaceId: ws, workspaceName: 'T', member: login, role: null });
  return dir;
}
const as = async (dir: string, login: string, ...args: string[]) => {
  out = '';
  err = '';
  const code = await runCli(['--workspace', dir, ...args, '--password-file', pwFile(login)]);
  return { code, out, err };
};
const rolesIn = async (ws: string) => (await fx.admin.members(ws)).map((m) => `${m.login}:${m.role}`);

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: fx.adminUrl });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

describe('workbench team members', () => {
  let ws = '';
  let aliceDir = '';

  it('an owner adds a colleague, changes their role and removes them; members lists logins and roles', async () => {
    ws = (await (await fx.as('alice')).createTeamWorkspace('Members')).id;
    aliceDir = await linked('alice', ws);
    const add = await as(aliceDir, 'alice', 'team', 'add-member', '--login', 'bob', '--role', 'editor');
    expect(add.code, add.err).toBe(0);
    expect(add.out).toMatch(/added bob as editor/);
    const list = await as(aliceDir, 'alice', '--json', 'team', 'members');
    expect(list.code, list.err).toBe(0);
    expect(JSON.parse(list.out).members).toEqual([
      expect.objectContaining({ login: 'alice', role: 'owner' }), expect.objectContaining({ login: 'bob', role: 'editor', addedBy: 'alice' })]);
    expect((await as(aliceDir, 'alice', 'team', 'set-role', '--login', 'bob', '--role', 'viewer')).out).toMatch(/bob: editor → viewer/);
    expect(await rolesIn(ws)).toEqual(['alice:owner', 'bob:viewer']);
    expect((await as(aliceDir, 'alice', 'team', 'remove-member', '--login', 'bob')).code).toBe(0);
    expect(await rolesIn(ws)).toEqual(['alice:owner']);
  });

  it('refuses, with the reason and nothing changed: a non-owner, an unknown login, a bad role, the last owner', async () => {
    await (await fx.as('alice')).addMember(ws, 'bob', 'editor');
    const bobDir = await linked('bob', ws);
    const notOwner = await as(bobDir, 'bob', 'team', 'add-member', '--login', 'carol', '--role', 'viewer');
    expect(notOwner.code).toBe(6);
    expect(notOwner.err).toMatch(/only an owner of the team workspace may add members \(you are a editor\)/);
    const promote = await as(bobDir, 'bob', 'team', 'set-role', '--login', 'bob', '--role', 'owner');
    expect(promote.code).toBe(6);
    const unknown = await as(aliceDir, 'alice', 'team', 'add-member', '--login', 'nobody_here', '--role', 'viewer');
    expect(unknown.code).toBe(3);
    expect(unknown.err).toMatch(/unknown login nobody_here: ask the database administrator/);
    const badRole = await as(aliceDir, 'alice', 'team', 'add-member', '--login', 'carol', '--role', 'admin');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/role must be one of owner, editor, viewer/);
    const badLogin = await as(aliceDir, 'alice', 'team', 'add-member', '--login', "x'; DROP TABLE team.ops; --", '--role', 'viewer');
    expect(badLogin.code).toBe(2);
    const notMember = await as(aliceDir, 'alice', 'team', 'set-role', '--login', 'carol', '--role', 'viewer');
    expect(notMember.code).toBe(3);
    for (const args of [['set-role', '--login', 'alice', '--role', 'editor'], ['remove-member', '--login', 'alice']]) {
      const last = await as(aliceDir, 'alice', 'team', ...args);
      expect(last.code, args.join(' ')).toBe(1);
      expect(last.err).toMatch(/alice is the last owner of this team workspace: make another member owner first/);
    }
    expect(await rolesIn(ws)).toEqual(['alice:owner', 'bob:editor']);
  });

  it('--create-login is refused to a login without the right (nothing created), and works for one that has it', async () => {
    const refused = await as(aliceDir, 'alice', 'team', 'add-member', '--login', 'newbie', '--role', 'viewer', '--create-login', '--new-password-file', pwFile('newbie', 'newbie-pw'));
    expect(refused.code).toBe(6);
    expect(refused.err).toMatch(/your login may not create logins .*ask the database administrator to create newbie/);
    expect(await rolesIn(ws)).not.toContain('newbie:viewer');
    // A team lead the administrator trusted with creating logins (docs/team-deployment.md).
    await fx.admin.createMemberLogin('lead', 'lead-secret-pw');
    await adminQuery(`ALTER ROLE lead CREATEROLE; GRANT workbench_team_member TO lead WITH ADMIN OPTION;
      GRANT EXECUTE ON FUNCTION team.create_member_login(text, text) TO lead`);
    const leadDb = await TeamDb.connect(fx.cluster.urlFor('lead', 'lead-secret-pw', 'team'));
    const leadWs = (await leadDb.createTeamWorkspace('Lead')).id;
    await leadDb.close();
    const leadDir = await linked('lead', leadWs);
    const r = await as(leadDir, 'lead', '--json', 'team', 'add-member', '--login', 'newbie', '--role', 'editor', '--create-login', '--new-password-file', pwFile('newbie', 'newbie-pw'));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ added: 'newbie', role: 'editor', createdLogin: true });
    const newbie = await TeamDb.connect(fx.cluster.urlFor('newbie', 'newbie-pw', 'team'));
    try {
      expect(await newbie.members(leadWs)).toEqual([{ login: 'lead', role: 'owner' }, { login: 'newbie', role: 'editor' }]);
    } finally {
      await newbie.close();
    }
  });

  it('team status shows the team-wide open conflicts and team conflicts --all lists them', async () => {
    const bob = await fx.raw('bob');
    await bob.query(`INSERT INTO team.conflicts (workspace_id, collection, record_id, field, candidates)
      VALUES ($1, 'claims', 'c1', 'statement', '[{"side":"local","value":"x"},{"side":"remote","value":"y"}]')`, [ws]);
    const st = await as(aliceDir, 'alice', '--json', 'team', 'status');
    expect(st.code, st.err).toBe(0);
    expect(JSON.parse(st.out)).toMatchObject({ openConflicts: 0, teamOpenConflicts: 1 });
    expect((await as(aliceDir, 'alice', 'team', 'status')).out).toMatch(/0 open conflicts \(1 team-wide\)/);
    const all = await as(aliceDir, 'alice', 'team', 'conflicts', '--all');
    expect(all.code, all.err).toBe(0);
    expect(all.out).toMatch(/1 open conflicts in the team workspace\n {2}[0-9a-f-]{36}: claims\/c1 statement, found by bob/);
  });
});
