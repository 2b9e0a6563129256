/**
 * The demo: two workbench processes on one team database edit the sample concurrently and each sees the
 * other's highlights; a forced conflict is shown by `workbench team status` and settled by `team resolve`; a viewer
 * process cannot write, even with hand-written SQL. Processes: tests/team/team-peer.ts and the CLI, run through jiti.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../../tests/unit/helpers';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { Workbench } from '../workbench/workbench';
import { seedIfEmpty } from '../workbench/seed';
import { SEEDS, startRelay } from './sync-test-kit';

const JITI = path.join(repoRoot, 'node_modules/jiti/lib/jiti-cli.mjs');
const PEER = path.join(repoRoot, 'tests/team/team-peer.ts');
const CLI = path.join(repoRoot, 'electron/cli/index.ts');
const env = (login: string, extra: Record<string, string> = {}) => ({ ...process.env, WORKBENCH_TEAM_PASSWORD: `${login}-secret-pw`, ...extra });

/** A peer's reply: parsed JSON, shaped by the command (asserted by the test's expectations). */
type Reply = ReturnType<typeof JSON.parse>;
interface Peer { call(cmd: string, args?: Record<string, unknown>): Promise<Reply>; child: ChildProcess; stderr: () => string }

async function startPeer(dir: string, login: string, port?: number): Promise<Peer> {
  const child = spawn(process.execPath, [JITI, PEER, dir], { cwd: repoRoot, env: env(login, port ? { TEAM_DB_PORT: String(port) } : {}), stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => { err += String(d); });
  const waiting = new Map<number, (m: Reply) => void>();
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((r) => { ready = r; });
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const m = JSON.parse(line);
    if (m.ready) ready();
    else waiting.get(m.id)?.(m);
  });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`peer ${login} exited ${code}: ${err}`))));
  await Promise.race([isReady, exited]);
  let next = 0;
  const call = (cmd: string, args: Record<string, unknown> = {}) => new Promise<Reply>((resolve, reject) => {
    const id = ++next;
    waiting.set(id, (m) => (m.error ? reject(new Error(m.error)) : resolve(m.value)));
    child.stdin!.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
    exited.catch(reject);
  });
  return { call, child, stderr: () => err };
}

/** The real CLI in its own process. */
function cli(dir: string, login: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [JITI, CLI, '--workspace', dir, ...args], { cwd: repoRoot, env: env(login) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Polls a peer until `check` holds; generous bound (the sync target is 1 s, the machine is small and busy). */
async function until<T>(f: () => Promise<T>, check: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (check(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

let fx: TeamFixture;
let teamId = '';
const dirs = { alice: '', bob: '', vera: '' };
const peers: Peer[] = [];
const url = (login: string) => `postgresql://${login}@${fx.cluster.host}:${fx.cluster.port}/team`;

beforeAll(async () => {
  fx = await startTeamFixture();
  dirs.alice = tempDir('wb-team-alice-');
  const wb = await Workbench.open(dirs.alice, { autoBackup: false });
  await seedIfEmpty(wb, SEEDS);
  await wb.close();
  const created = await cli(dirs.alice, 'alice', '--json', 'team', 'create', '--db', url('alice'));
  if (created.code !== 0) throw new Error(created.stderr);
  teamId = JSON.parse(created.stdout).workspaceId;
  const alice = await fx.as('alice');
  await alice.addMember(teamId, 'bob', 'editor');
  await alice.addMember(teamId, 'vera', 'viewer');
  for (const login of ['bob', 'vera'] as const) {
    dirs[login] = tempDir(`wb-team-${login}-`);
    const joined = await cli(dirs[login], login, 'team', 'join', '--db', url(login), '--team', teamId);
    if (joined.code !== 0) throw new Error(joined.stderr);
  }
}, 60_000);
afterAll(async () => {
  for (const p of peers) p.child.kill('SIGKILL');
  await fx?.close();
});

describe('two workbench processes on one team database', () => {
  it('edit the sample concurrently, see each other’s highlights with their authors, settle a forced conflict through the CLI, and a viewer cannot write', async () => {
    const relay = await startRelay(fx.cluster.host, fx.cluster.port);
    const a = await startPeer(dirs.alice, 'alice');
    const b = await startPeer(dirs.bob, 'bob', relay.port);
    peers.push(a, b);

    // Concurrent highlights from both processes, interleaved.
    const made = await Promise.all([0, 1, 2, 3, 4].flatMap((i) => [
      a.call('highlight', { start: i * 40, end: i * 40 + 10, note: `alice ${i}` }),
      b.call('highlight', { start: i * 40 + 15, end: i * 40 + 25, note: `bob ${i}` }),
    ])) as string[];
    const all = new Set(made);
    for (const p of [a, b]) {
      const ids = await until(() => p.call('ids', { collection: 'highlights' }) as Promise<string[]>, (v) => made.every((id) => v.includes(id)));
      expect(new Set(ids)).toEqual(all);
    }
    expect(await b.call('author', { collection: 'highlights', recordId: made[0] })).toMatchObject({ member: 'alice' });
    expect(await a.call('author', { collection: 'highlights', recordId: made[1] })).toMatchObject({ member: 'bob' });

    // A forced conflict: Bob goes offline, both change one claim's statement, Bob comes back.
    const claimId = await a.call('claim', { statement: 'Base' }) as string;
    await until(() => b.call('get', { collection: 'claims', recordId: claimId }), (v) => v !== null);
    await relay.down();
    await b.call('editClaim', { claimId, statement: 'Bob says' });
    await a.call('editClaim', { claimId, statement: 'Alice says' });
    await until(() => a.call('status'), (s) => s.pending === 0);
    await relay.up();
    const seen = await until(() => b.call('sync').then(() => b.call('status'), () => b.call('status')), (s) => s.openConflicts === 1);
    expect(seen.openConflicts).toBe(1);
    await b.call('quit');
    await relay.close();

    const st = await cli(dirs.bob, 'bob', '--json', 'team', 'status');
    expect(st.code, st.stderr).toBe(0);
    const status = JSON.parse(st.stdout);
    expect(status).toMatchObject({ openConflicts: 1, problem: null });
    const [cf] = status.conflicts;
    expect(cf).toMatchObject({ collection: 'claims', recordId: claimId, path: ['statement'], local: { value: 'Bob says' }, remote: { value: 'Alice says', author: 'alice' } });
    const resolved = await cli(dirs.bob, 'bob', 'team', 'resolve', cf.id, '--pick', 'local');
    expect(resolved.code, resolved.stderr).toBe(0);
    expect((await cli(dirs.bob, 'bob', 'team', 'sync')).code).toBe(0);
    // Alice's process is still running: the resolution reaches it by NOTIFY.
    expect((await until(() => a.call('get', { collection: 'claims', recordId: claimId }), (v) => v?.statement === 'Bob says')).statement).toBe('Bob says');
    expect(JSON.parse((await cli(dirs.bob, 'bob', '--json', 'team', 'status')).stdout)).toMatchObject({ openConflicts: 0, pending: 0 });

    // A viewer's process: its edit stays local, and a hand-written INSERT is refused by the database.
    const v = await startPeer(dirs.vera, 'vera');
    peers.push(v);
    expect(new Set(await until(() => v.call('ids', { collection: 'highlights' }) as Promise<string[]>, (ids) => ids.length >= all.size))).toEqual(all);
    const veraHighlight = await v.call('highlight', { start: 300, end: 310, note: 'vera' }) as string;
    const refusedStatus = await until(() => v.call('status'), (s) => s.refused !== null);
    expect(refusedStatus).toMatchObject({ pending: 1, role: 'viewer' });
    expect(refusedStatus.refused).toMatch(/refused your edits \(your role is viewer\)/);
    const forged = await v.call('rawInsert');
    expect(forged.refused).toMatch(/row-level security|permission denied/);
    await a.call('sync');
    expect(await a.call('get', { collection: 'highlights', recordId: veraHighlight })).toBeNull();
    expect(await a.call('get', { collection: 'highlights', recordId: 'forged' })).toBeNull();
    await v.call('quit');
    await a.call('quit');
    expect(fs.existsSync(path.join(dirs.alice, 'team.json'))).toBe(true);
  }, 90_000);
});
