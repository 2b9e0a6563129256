/** Team sync under faults: the database unreachable, a push cut between the database commit and the local mark, a long offline spell. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { createHighlight } from '../workbench/highlights';
import { Workbench } from '../workbench/workbench';
import { TeamSync } from './sync';
import { closeClient, contentOf, openClient, startRelay, urlsFor, type Client } from './sync-test-kit';

let fx: TeamFixture;
let relay: Awaited<ReturnType<typeof startRelay>>;
let a: Client;
let b: Client;
beforeAll(async () => {
  fx = await startTeamFixture();
  relay = await startRelay(fx.cluster.host, fx.cluster.port);
  // A reaches the database through a relay the tests cut; B connects directly.
  a = await openClient({ host: '127.0.0.1', port: relay.port, workspaceId: fx.wsA, login: 'alice', role: 'owner', seed: true });
  a.sync.queueWholeWorkspace();
  await a.sync.syncOnce();
  b = await openClient({ host: fx.cluster.host, port: fx.cluster.port, workspaceId: fx.wsA, login: 'bob', role: 'editor' });
  await b.sync.syncOnce();
}, 60_000);
afterAll(async () => {
  for (const c of [a, b]) if (c) await closeClient(c).catch(() => undefined);
  await relay?.close();
  await fx?.close();
});

const sourceId = () => a.wb.state.all('sources')[0]!.id;
function highlight(c: Client, n: number) {
  const r = createHighlight(c.wb, { sourceId: sourceId(), start: n % 400, end: (n % 400) + 10, color: 'yellow', tagIds: [], note: `${c.sync.status().member} ${n}` });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function opsOf(txIds: string[]) {
  const db = await fx.raw('alice');
  const { rows } = await db.query<{ n: string; ids: string }>('SELECT count(*) AS n, count(DISTINCT op_id) AS ids FROM team.ops WHERE tx_id = ANY($1::uuid[])', [txIds]);
  return { ops: Number(rows[0]!.n), distinct: Number(rows[0]!.ids) };
}

describe('team sync under faults', () => {
  it('with the database unreachable, edits continue locally and are queued; the background loop syncs them when it is back', async () => {
    await relay.down();
    const made = [1, 2, 3, 4, 5].map((n) => highlight(a, n));
    await expect(a.sync.syncOnce()).rejects.toThrow();
    expect(a.sync.status()).toMatchObject({ online: false, pending: 5 });
    expect(a.sync.status().lastError).toMatch(/cannot be reached.*queued/);
    a.sync.start();
    await new Promise((r) => setTimeout(r, 600));
    expect(a.sync.status().pending).toBe(5);
    await relay.up();
    const deadline = Date.now() + 20_000;
    while (a.sync.status().pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(a.sync.status()).toMatchObject({ online: true, pending: 0 });
    await b.sync.syncOnce();
    for (const h of made) expect(b.wb.state.get('highlights', h.id)).toEqual(h);
    await a.sync.stop();
    a = { ...a, sync: TeamSync.attach(a.wb, { connectionString: urlsFor('127.0.0.1', relay.port, 'alice').connectionString, poolSize: 1 }) };
  }, 40_000);

  it('a push cut after the database committed it and before it was marked pushed is re-sent without duplicates, and nothing is missed', async () => {
    const { connectionString } = urlsFor('127.0.0.1', relay.port, 'alice');
    await a.sync.abandon();
    const crashing = TeamSync.attach(a.wb, {
      connectionString, poolSize: 1, afterPushCommitted: () => { throw new Error('SIGKILL stand-in'); },
    });
    const first = highlight(a, 10);
    const second = highlight(a, 11);
    const queued = JSON.parse(JSON.stringify(crashing.status()));
    expect(queued.pending).toBe(2);
    await expect(crashing.syncOnce()).rejects.toThrow('SIGKILL stand-in');
    await crashing.abandon();
    await a.wb.close();
    // Restart: the workspace and its team link as the crash left them.
    const wb = await Workbench.open(a.dir, { autoBackup: false });
    const sync = TeamSync.attach(wb, { connectionString, poolSize: 1 });
    a = { dir: a.dir, wb, sync };
    expect(sync.status().pending).toBe(2);
    const txIds = (sync as unknown as { link: { pending: { id: string }[] } }).link.pending.map((q) => q.id);
    await sync.syncOnce();
    expect(sync.status().pending).toBe(0);
    expect(await opsOf(txIds)).toEqual({ ops: 2, distinct: 2 });
    await sync.syncOnce();
    expect(await opsOf(txIds)).toEqual({ ops: 2, distinct: 2 });
    await b.sync.syncOnce();
    expect(b.wb.state.get('highlights', first.id)).toEqual(first);
    expect(b.wb.state.get('highlights', second.id)).toEqual(second);
    expect(contentOf(a)).toEqual(contentOf(b));
  });

  it('a client offline for many operations (400 by others, 30 of its own) catches up and both converge', async () => {
    for (let n = 0; n < 400; n++) highlight(a, 1000 + n);
    await a.sync.syncOnce();
    for (let n = 0; n < 30; n++) highlight(b, 2000 + n);
    const rb = await b.sync.syncOnce();
    expect(rb).toMatchObject({ pulled: 400, pushed: 30, conflicts: 0 });
    await a.sync.syncOnce();
    expect(a.wb.state.count('highlights')).toBe(b.wb.state.count('highlights'));
    expect(contentOf(a)).toEqual(contentOf(b));
  }, 40_000);
});
