/** `workbench team create|join|status|sync|resolve` through runCli against a throwaway team database. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { Workbench } from '../../services/workbench/workbench';
import { seedIfEmpty } from '../../services/workbench/seed';
import { createHighlight } from '../../services/workbench/highlights';
import { createClaim, updateClaim } from '../../services/workbench/claims';
import { TeamSync } from '../../services/team/sync';
import { SEEDS } from '../../services/team/sync-test-kit';
import { readLink, saveLink } from '../../services/team/sync-state';
import { runCli } from '../main';
import { MIGRATIONS } from '../../services/team/migrations';

let fx: TeamFixture;
let pwDir = '';
let stdout = '';
let stderr = '';
const url = (login: string) => `postgresql://${login}@${fx.cluster.host}:${fx.cluster.port}/team`;
const pwFile = (login: string) => {
  const f = path.join(pwDir, login);
  fs.writeFileSync(f, `${login}-secret-pw\n`);
  return f;
};

beforeAll(async () => {
  fx = await startTeamFixture();
  pwDir = tempDir('wb-team-pw-');
}, 60_000);
afterAll(async () => { await fx?.close(); });
beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  vi.spyOn(console, 'log').mockImplementation((...args) => { stdout += `${args.join(' ')}\n`; });
  vi.spyOn(console, 'error').mockImplementation((...args) => { stderr += `${args.join(' ')}\n`; });
});
afterEach(() => vi.restoreAllMocks());

const cli = async (dir: string, ...args: string[]) => {
  stdout = '';
  stderr = '';
  const code = await runCli(['--workspace', dir, ...args]);
  return { code, stdout, stderr };
};
const cliAs = (dir: string, login: string, ...args: string[]) => cli(dir, ...args, '--password-file', pwFile(login));

async function seeded(): Promise<string> {
  const dir = tempDir();
  const wb = await Workbench.open(dir, { autoBackup: false });
  await seedIfEmpty(wb, SEEDS);
  await wb.close();
  return dir;
}

/** Edits a linked workspace the way the app does: with sync attached, so the edit is queued for the team. */
async function edit<T>(dir: string, f: (wb: Workbench) => T): Promise<T> {
  const wb = await Workbench.open(dir, { autoBackup: false });
  const sync = TeamSync.attach(wb, { connectionString: url('nobody') });
  try {
    return f(wb);
  } finally {
    await sync.stop();
    await wb.close();
  }
}
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('workbench team', () => {
  let aliceDir = '';
  let bobDir = '';
  let teamId = '';

  it('refuses a connection string with a password inside, and a missing password file, with the reason and nothing written', async () => {
    const dir = await seeded();
    const inline = await cli(dir, 'team', 'create', '--db', `postgresql://alice:alice-secret-pw@${fx.cluster.host}:${fx.cluster.port}/team`);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toMatch(/refusing a connection string with a password in it .*--password-file FILE/);
    const missing = await cli(dir, 'team', 'create', '--db', url('alice'), '--password-file', path.join(pwDir, 'no-such-file'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the password file .*no-such-file/);
    expect(fs.existsSync(path.join(dir, 'team.json'))).toBe(false);
  });

  it('a wrong password is reported as a refused login (exit 6)', async () => {
    const dir = await seeded();
    fs.writeFileSync(path.join(pwDir, 'wrong'), 'not-it\n');
    const r = await cli(dir, 'team', 'create', '--db', url('alice'), '--password-file', path.join(pwDir, 'wrong'));
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/refused the login: wrong password or unknown login/);
  });

  it('team create shares the seeded workspace; the creator is its owner and every record is pushed', async () => {
    aliceDir = await seeded();
    const r = await cliAs(aliceDir, 'alice', '--json', 'team', 'create', '--db', url('alice'), '--title', 'Ports inquiry');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ member: 'alice', role: 'owner', status: { pending: 0, refused: null } });
    expect(out.pushed).toBeGreaterThan(0);
    teamId = out.workspaceId;
    const admin = await fx.as('alice');
    expect(await admin.members(teamId)).toEqual([{ login: 'alice', role: 'owner' }]);
    await admin.addMember(teamId, 'bob', 'editor');
    await admin.addMember(teamId, 'vera', 'viewer');
  });

  it('team join refuses a workspace that already holds records, and joins an empty one, pulling the sources and their text', async () => {
    const full = await seeded();
    const refused = await cliAs(full, 'bob', 'team', 'join', '--db', url('bob'), '--team', teamId);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/team join needs an empty workspace/);
    expect(fs.existsSync(path.join(full, 'team.json'))).toBe(false);

    bobDir = tempDir();
    const r = await cliAs(bobDir, 'bob', '--json', 'team', 'join', '--db', url('bob'), '--team', teamId);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ role: 'editor', pushed: 0 });
    const wb = await Workbench.open(bobDir, { readOnly: true });
    try {
      const [src] = wb.state.all('sources');
      expect(src).toBeDefined();
      expect(wb.store.texts.get(src!.contentHash)).not.toBeNull();
    } finally {
      await wb.close();
    }
  });

  it('team join as a login that is not a member says to ask the owner', async () => {
    const r = await cliAs(tempDir(), 'carol', 'team', 'join', '--db', url('carol'), '--team', teamId);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/carol is not a member of team workspace .*ask its owner to add you/);
  });

  it('team sync carries edits both ways', async () => {
    const sourceId = await edit(aliceDir, (wb) => wb.state.all('sources')[0]!.id);
    const h = await edit(aliceDir, (wb) => must(createHighlight(wb, { sourceId, start: 0, end: 12, color: 'yellow', tagIds: [], note: 'alice' })));
    const pushed = await cliAs(aliceDir, 'alice', '--json', 'team', 'sync');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ pushed: 1 });
    const pulled = await cliAs(bobDir, 'bob', 'team', 'sync');
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(/pushed 0 edits, pulled 1 ops, 0 new conflicts; 0 edits queued/);
    const h2 = await edit(bobDir, (wb) => {
      expect(wb.state.get('highlights', h.id)).toEqual(h);
      return must(createHighlight(wb, { sourceId, start: 20, end: 30, color: 'green', tagIds: [], note: 'bob' }));
    });
    expect((await cliAs(bobDir, 'bob', 'team', 'sync')).code).toBe(0);
    expect((await cliAs(aliceDir, 'alice', 'team', 'sync')).code).toBe(0);
    await edit(aliceDir, (wb) => expect(wb.state.get('highlights', h2.id)).toEqual(h2));
  });

  it('an edit made by another command (no sync attached) is pushed by the next team sync and the other member sees it', async () => {
    const added = await cli(aliceDir, '--json', 'entities', 'add', 'Harbour Authority', '--type', 'organisation');
    expect(added.code, added.stderr).toBe(0);
    const entity = JSON.parse(added.stdout);
    const pushed = await cliAs(aliceDir, 'alice', '--json', 'team', 'sync');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ pushed: 1 });
    expect((await cliAs(bobDir, 'bob', 'team', 'sync')).code).toBe(0);
    await edit(bobDir, (wb) => expect(wb.state.get('entities', entity.id)).toMatchObject({ name: 'Harbour Authority' }));
  });

  it('team status --json lists members and roles, queued edits and open conflicts; team resolve settles one', async () => {
    const claim = await edit(aliceDir, (wb) => must(createClaim(wb, { claimantId: null, statement: 'Base', type: 'fact', claimedAt: '', credibility: 3, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [] })));
    await cliAs(aliceDir, 'alice', 'team', 'sync');
    await cliAs(bobDir, 'bob', 'team', 'sync');
    await edit(aliceDir, (wb) => must(updateClaim(wb, { id: claim.id, statement: 'Alice says' })));
    await edit(bobDir, (wb) => must(updateClaim(wb, { id: claim.id, statement: 'Bob says' })));
    await cliAs(aliceDir, 'alice', 'team', 'sync');
    await cliAs(bobDir, 'bob', 'team', 'sync');

    const st = await cliAs(bobDir, 'bob', '--json', 'team', 'status');
    expect(st.code, st.stderr).toBe(0);
    const s = JSON.parse(st.stdout);
    expect(s.members).toEqual(expect.arrayContaining([{ login: 'alice', role: 'owner' }, { login: 'bob', role: 'editor' }, { login: 'vera', role: 'viewer' }]));
    expect(s).toMatchObject({ workspaceId: teamId, member: 'bob', role: 'editor', pending: 0, openConflicts: 1, problem: null });
    expect(s.conflicts[0]).toMatchObject({ collection: 'claims', recordId: claim.id, path: ['statement'], local: { value: 'Bob says' }, remote: { value: 'Alice says', author: 'alice' } });
    expect(JSON.stringify(s)).not.toContain('secret-pw');

    const unknown = await cliAs(bobDir, 'bob', 'team', 'resolve', 'no-such-conflict', '--pick', 'local');
    expect(unknown.code).toBe(3);
    const bad = await cliAs(bobDir, 'bob', 'team', 'resolve', s.conflicts[0].id, '--pick', 'mine');
    expect(bad.code).toBe(2);
    const ok = await cliAs(bobDir, 'bob', 'team', 'resolve', s.conflicts[0].id, '--pick', 'local');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/resolved .*Bob says/);
    expect(JSON.parse((await cliAs(bobDir, 'bob', '--json', 'team', 'sync')).stdout)).toMatchObject({ pushed: 1 });
    await cliAs(aliceDir, 'alice', 'team', 'sync');
    await edit(aliceDir, (wb) => expect(wb.state.get('claims', claim.id)?.statement).toBe('Bob says'));
    expect(JSON.parse((await cliAs(bobDir, 'bob', '--json', 'team', 'status')).stdout)).toMatchObject({ openConflicts: 0, pending: 0 });
  });

  it("a viewer's team sync reports that the database refused the edits and exits 1; they stay queued locally", async () => {
    const veraDir = tempDir();
    expect((await cliAs(veraDir, 'vera', 'team', 'join', '--db', url('vera'), '--team', teamId)).code).toBe(0);
    const sourceId = await edit(veraDir, (wb) => wb.state.all('sources')[0]!.id);
    await edit(veraDir, (wb) => must(createHighlight(wb, { sourceId, start: 40, end: 50, color: 'pink', tagIds: [], note: 'vera' })));
    const r = await cliAs(veraDir, 'vera', 'team', 'sync');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/refused your edits \(your role is viewer\): 1 edits stay in this workspace only/);
    expect(JSON.parse((await cliAs(veraDir, 'vera', '--json', 'team', 'status')).stdout)).toMatchObject({ role: 'viewer', pending: 1 });
  });

  it('team reseed re-sends a record the team database lost (owner/editor) and the others get it; a viewer is refused (exit 6)', async () => {
    const sourceId = await edit(bobDir, (wb) => wb.state.all('sources')[0]!.id);
    const lost = await edit(bobDir, (wb) => must(createHighlight(wb, { sourceId, start: 60, end: 70, color: 'green', tagIds: [], note: 'lost' })));
    // As if pushed and acknowledged, then lost by a restored backup: queued nowhere, held only here.
    const link = readLink(bobDir)!;
    saveLink(bobDir, { ...link, pending: [] });
    expect(JSON.parse((await cliAs(bobDir, 'bob', '--json', 'team', 'sync')).stdout)).toMatchObject({ pushed: 0 });
    const r = await cliAs(bobDir, 'bob', 'team', 'reseed');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^re-sent 1 record the team database lacked or held otherwise; 0 edits queued$/m);
    expect((await cliAs(aliceDir, 'alice', 'team', 'sync')).code).toBe(0);
    await edit(aliceDir, (wb) => expect(wb.state.get('highlights', lost.id)).toEqual(lost));
    // A second reseed finds nothing to send.
    expect(JSON.parse((await cliAs(bobDir, 'bob', '--json', 'team', 'reseed')).stdout)).toMatchObject({ resent: 0, pushed: 0 });

    const veraDir = tempDir();
    expect((await cliAs(veraDir, 'vera', 'team', 'join', '--db', url('vera'), '--team', teamId)).code).toBe(0);
    const viewer = await cliAs(veraDir, 'vera', 'team', 'reseed');
    expect(viewer.code).toBe(6);
    expect(viewer.stderr).toMatch(/only an owner or editor can re-send this workspace's records to the team \(your role is viewer\)/);
  });

  it('team migrate as the administrator applies nothing on an up-to-date database; a member login may not migrate', async () => {
    const admin = new URL(fx.adminUrl);
    fs.writeFileSync(path.join(pwDir, 'admin'), `${decodeURIComponent(admin.password)}\n`);
    admin.password = '';
    const r = await cli(tempDir(), '--json', 'team', 'migrate', '--db', admin.toString(), '--password-file', path.join(pwDir, 'admin'));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ applied: [], alreadyApplied: MIGRATIONS.map((m) => m.name) });
    const member = await cliAs(tempDir(), 'bob', 'team', 'migrate', '--db', url('bob'));
    expect(member.code).not.toBe(0);
    expect(member.stderr).toMatch(/^error: /);
  });

  it('a workspace open elsewhere is refused before anything is created on the server or written to the folder', async () => {
    const dir = await seeded();
    const open = await Workbench.open(dir, { autoBackup: false });
    try {
      const admin = await fx.as('alice');
      const before = (await admin.members(teamId)).length;
      const r = await cliAs(dir, 'alice', 'team', 'create', '--db', url('alice'), '--title', 'Should not exist');
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/already open/);
      expect(fs.existsSync(path.join(dir, 'team.json'))).toBe(false);
      const raw = await fx.raw('alice');
      expect((await raw.query("SELECT count(*)::int AS n FROM team.workspaces WHERE name = 'Should not exist'")).rows[0].n).toBe(0);
      expect((await admin.members(teamId)).length).toBe(before);
    } finally {
      await open.close();
    }
  });
});
