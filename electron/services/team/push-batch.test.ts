/** pushTxs: several local transactions in one database transaction (what sync uses to hold the workspace lock briefly). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { TeamDbError } from './errors';
import { MAX_PUSH } from './ops';
import type { TeamOpInput } from './team-db';
import { createHighlight } from '../workbench/highlights';
import { closeClient, openClient } from './sync-test-kit';

let fx: TeamFixture;
beforeAll(async () => { fx = await startTeamFixture(); });
afterAll(async () => { await fx?.close(); });

const put = (recordId: string): TeamOpInput => ({ opId: randomUUID(), collection: 'highlights', recordId, kind: 'put', value: { id: recordId } });

describe('pushTxs', () => {
  it('stores each transaction under its own tx id with seqs ascending in the given order; a retry of the batch is a no-op', async () => {
    const bob = await fx.as('bob');
    const txs = [{ txId: randomUUID(), ops: [put('b-1'), put('b-2')] }, { txId: randomUUID(), ops: [put('b-3')] }];
    const first = await bob.pushTxs(fx.wsA, txs);
    const seqs = first.flat().map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(first.flat().every((r) => !r.duplicate)).toBe(true);
    const pulled = await bob.pullOps(fx.wsA, seqs[0]! - 1, 10);
    expect(pulled.slice(0, 3).map((p) => [p.recordId, p.txId])).toEqual([['b-1', txs[0]!.txId], ['b-2', txs[0]!.txId], ['b-3', txs[1]!.txId]]);
    const again = await bob.pushTxs(fx.wsA, txs);
    expect(again.flat()).toEqual(first.flat().map((r) => ({ ...r, duplicate: true })));
  });

  it('all or none: an op id reused with other content in the second transaction stores nothing of the first', async () => {
    const bob = await fx.as('bob');
    const reused = put('b-reused');
    await bob.pushOps(fx.wsA, [reused]);
    const fresh = put('b-fresh');
    const err = await bob.pushTxs(fx.wsA, [
      { txId: randomUUID(), ops: [fresh] },
      { txId: randomUUID(), ops: [{ ...reused, value: { id: 'b-reused', note: 'other' } }] },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeamDbError);
    expect((err as TeamDbError).kind).toBe('op_conflict');
    const alice = await fx.raw('alice');
    expect((await alice.query('SELECT count(*)::int AS n FROM team.ops WHERE op_id = $1', [fresh.opId])).rows[0].n).toBe(0);
  });

  it('refuses an op id repeated across the batch, and more than MAX_PUSH ops in all, before sending anything', async () => {
    const bob = await fx.as('bob');
    const op = put('b-twice');
    await expect(bob.pushTxs(fx.wsA, [{ txId: randomUUID(), ops: [op] }, { txId: randomUUID(), ops: [op] }])).rejects.toThrow(/appears twice in one push/);
    const half = (n: number) => Array.from({ length: n }, (_, i) => put(`b-many-${n}-${i}`));
    await expect(bob.pushTxs(fx.wsA, [{ txId: randomUUID(), ops: half(MAX_PUSH / 2 + 1) }, { txId: randomUUID(), ops: half(MAX_PUSH / 2) }]))
      .rejects.toThrow(/at most 1000 ops per push/);
  });

  it("a viewer's batch is refused by the database", async () => {
    const vera = await fx.as('vera');
    const err = await vera.pushTxs(fx.wsA, [{ txId: randomUUID(), ops: [put('v-1')] }]).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/row-level security|permission denied/);
  });

  it('sync pushes the edits queued while it was away in one database transaction (one commit), in order', async () => {
    const at = { host: fx.cluster.host, port: fx.cluster.port, workspaceId: fx.wsB, login: 'carol', role: 'owner' as const, seed: true };
    const c = await openClient(at);
    try {
      c.sync.queueWholeWorkspace();
      await c.sync.syncOnce();
      const sourceId = c.wb.state.all('sources')[0]!.id;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = createHighlight(c.wb, { sourceId, start: i * 10, end: i * 10 + 5, color: 'yellow', tagIds: [], note: String(i) });
        if (!r.ok) throw new Error(r.error.message);
        ids.push(r.value.id);
      }
      expect(await c.sync.syncOnce()).toMatchObject({ pushed: 5 });
      const carol = await fx.raw('carol');
      const { rows } = await carol.query<{ record_id: string; x: string; tx_id: string }>(
        "SELECT record_id, xmin::text AS x, tx_id FROM team.ops WHERE workspace_id = $1 AND record_id = ANY($2) ORDER BY seq", [fx.wsB, ids]);
      expect(rows.map((r) => r.record_id)).toEqual(ids);
      expect(new Set(rows.map((r) => r.x)).size).toBe(1);
      expect(new Set(rows.map((r) => r.tx_id)).size).toBe(5);
    } finally {
      await closeClient(c);
    }
  });
});
