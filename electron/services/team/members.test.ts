/** Migration 0004 in the database itself: the last owner stays, only known team logins join, NOTIFY channels are secret. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { channelFor } from './channel';

let fx: TeamFixture;
beforeAll(async () => { fx = await startTeamFixture(); }, 60_000);
afterAll(async () => { await fx?.close(); });

async function dbError(p: Promise<unknown>): Promise<pg.DatabaseError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err, 'the statement was accepted').toBeInstanceOf(pg.DatabaseError);
  return err as pg.DatabaseError;
}

const put = (recordId: string) => ({ opId: randomUUID(), collection: 'tags', recordId, kind: 'put' as const, value: { id: recordId } });

/** Collects notifications on `client` for `ms` (a window for "nothing arrives"; the positive case waits for the event). */
const collect = (client: pg.Client) => {
  const got: pg.Notification[] = [];
  client.on('notification', (n) => got.push(n));
  return got;
};

describe('members: the database keeps one owner at least', () => {
  it('the last owner can be neither demoted nor removed, even with hand-written SQL; with a second owner both work', async () => {
    const alice = await fx.as('alice');
    const ws = (await alice.createTeamWorkspace('owners')).id;
    const raw = await fx.raw('alice');
    const demote = await dbError(raw.query("UPDATE team.members SET role = 'editor' WHERE workspace_id = $1 AND user_name = 'alice'", [ws]));
    expect(demote.message).toMatch(/last owner/);
    const remove = await dbError(raw.query("DELETE FROM team.members WHERE workspace_id = $1 AND user_name = 'alice'", [ws]));
    expect(remove.message).toMatch(/last owner/);
    const upsert = await dbError(alice.addMember(ws, 'alice', 'viewer'));
    expect(upsert.message).toMatch(/last owner/);
    expect(await alice.members(ws)).toEqual([{ login: 'alice', role: 'owner' }]);

    await alice.addMember(ws, 'bob', 'owner');
    await raw.query("UPDATE team.members SET role = 'editor' WHERE workspace_id = $1 AND user_name = 'alice'", [ws]);
    const bob = await fx.raw('bob');
    expect((await dbError(bob.query("DELETE FROM team.members WHERE workspace_id = $1 AND user_name = 'bob'", [ws]))).message).toMatch(/last owner/);
    await bob.query("DELETE FROM team.members WHERE workspace_id = $1 AND user_name = 'alice'", [ws]);
    expect(await (await fx.as('bob')).members(ws)).toEqual([{ login: 'bob', role: 'owner' }]);
  });

  it('two owners demoting each other at the same time leave one owner', async () => {
    const alice = await fx.as('alice');
    const ws = (await alice.createTeamWorkspace('race')).id;
    await alice.addMember(ws, 'bob', 'owner');
    const a = await fx.raw('alice');
    const b = await fx.raw('bob');
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query("UPDATE team.members SET role = 'editor' WHERE workspace_id = $1 AND user_name = 'bob'", [ws]);
    // b's statement starts while bob is still an owner (so row-level security lets it at alice's row) and waits in
    // the trigger for a's lock; a commits; b must then see that it would remove the last owner.
    const bPid = (await b.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    const second = b.query("UPDATE team.members SET role = 'editor' WHERE workspace_id = $1 AND user_name = 'alice'", [ws]).then(() => null, (e: Error) => e);
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      for (let i = 0; i < 500; i++) {
        const { rows } = await admin.query('SELECT wait_event FROM pg_stat_activity WHERE pid = $1', [bPid]);
        if (rows[0]?.wait_event === 'advisory') break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await admin.end();
    }
    await a.query('COMMIT');
    const err = await second;
    await b.query('ROLLBACK');
    expect(err?.message).toMatch(/last owner/);
    expect((await alice.members(ws)).filter((m) => m.role === 'owner').map((m) => m.login)).toEqual(['alice']);
  });

  it('a login that does not exist, or is not a team login, cannot be added', async () => {
    const raw = await fx.raw('alice');
    expect((await dbError(raw.query("INSERT INTO team.members (workspace_id, user_name, role) VALUES ($1, 'nobody_here', 'viewer')", [fx.wsA]))).message)
      .toMatch(/unknown team login nobody_here/);
    expect((await dbError(raw.query("INSERT INTO team.members (workspace_id, user_name, role) VALUES ($1, 'harness', 'viewer')", [fx.wsA]))).message)
      .toMatch(/unknown team login harness/);
  });
});

describe('NOTIFY channels', () => {
  it("a member of team B who knows team A's id can neither look up A's channel nor hear A's activity", async () => {
    const carol = await fx.raw('carol');
    expect((await carol.query('SELECT * FROM team.workspace_channels WHERE workspace_id = $1', [fx.wsA])).rowCount).toBe(0);
    await expect(channelFor(carol, fx.wsA)).rejects.toThrow(/carol is not a member of team workspace/);
    // What the old scheme exposed: a channel derived from the public workspace id.
    const heard = collect(carol);
    await carol.query(`LISTEN team_ops_${fx.wsA.replace(/-/g, '')}`);
    const vera = await fx.raw('vera');
    const veraHeard = collect(vera);
    await vera.query(`LISTEN ${vera.escapeIdentifier(await channelFor(vera, fx.wsA))}`);
    const [pushed] = await (await fx.as('bob')).pushOps(fx.wsA, [put('t-secret')]);
    // Vera's arrival bounds the wait: both connections are told at the same commit.
    const deadline = Date.now() + 10_000;
    while (veraHeard.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await carol.query('SELECT 1'); // flushes anything queued for carol
    expect(veraHeard.map((n) => Number(n.payload))).toEqual([pushed!.seq]);
    expect(heard).toEqual([]);
  });

  it('a member of A is told of a push within a second, through TeamDb.listen', async () => {
    const vera = await fx.as('vera');
    let resolveSeen: (seq: number) => void = () => undefined;
    const seen = new Promise<number>((r) => { resolveSeen = r; });
    const listener = await vera.listen(fx.wsA, (seq) => resolveSeen(seq));
    try {
      const t0 = Date.now();
      const [pushed] = await (await fx.as('bob')).pushOps(fx.wsA, [put('t-fast')]);
      const seq = await Promise.race([seen, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no NOTIFY within 1 s')), 1_000))]);
      expect(seq).toBe(pushed!.seq);
      expect(Date.now() - t0).toBeLessThan(1_000);
    } finally {
      await listener.close();
    }
  });

  it('each workspace, old or new, has its own channel, not derived from its id', async () => {
    const a = await channelFor(await fx.raw('alice'), fx.wsA);
    const b = await channelFor(await fx.raw('carol'), fx.wsB);
    const fresh = (await (await fx.as('carol')).createTeamWorkspace('fresh')).id;
    const c = await channelFor(await fx.raw('carol'), fresh);
    for (const [ch, ws] of [[a, fx.wsA], [b, fx.wsB], [c, fresh]] as const) {
      expect(ch).toMatch(/^team_ops_[0-9a-f]{32}$/);
      expect(ch).not.toContain(ws.replace(/-/g, ''));
    }
    expect(new Set([a, b, c]).size).toBe(3);
  });
});
