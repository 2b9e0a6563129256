/** Conflicts found by sync are copied to the team database's conflicts table, once, and marked resolved there. */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { createClaim, updateClaim } from '../workbench/claims';
import { openTeamConflicts, serverIdOf } from './conflict-share';
import { type Client, closeClient, must, openSharedPair } from './sync-test-kit';

let fx: TeamFixture;
let a: Client;
let b: Client;
beforeAll(async () => {
  fx = await startTeamFixture();
  ({ a, b } = await openSharedPair(fx));
}, 60_000);
afterAll(async () => {
  for (const c of [a, b]) if (c) await closeClient(c).catch(() => undefined);
  await fx?.close();
});


/** Alice and Bob edit one claim's statement at once; Bob (pulling second) gets the conflict. Returns the claim id. */
async function makeConflict(base: string): Promise<string> {
  const claim = must(createClaim(a.wb, { claimantId: null, statement: base, type: 'fact', claimedAt: '', credibility: 3, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [] }));
  await a.sync.syncOnce();
  await b.sync.syncOnce();
  must(updateClaim(a.wb, { id: claim.id, statement: `${base}: Alice` }));
  must(updateClaim(b.wb, { id: claim.id, statement: `${base}: Bob` }));
  await a.sync.syncOnce();
  expect((await b.sync.syncOnce()).conflicts).toBe(1);
  return claim.id;
}

const tableAs = async (login: 'alice' | 'carol') => openTeamConflicts(await fx.raw(login), fx.wsA).catch(() => []);

describe('conflicts recorded team-wide', () => {
  it("a conflict found by Bob's sync is in the table once, with both candidates; the owner sees it and another team does not", async () => {
    const claimId = await makeConflict('Shared');
    const [cf] = b.sync.conflicts();
    await b.sync.syncOnce(); // a second sync must not store it twice
    const rows = (await tableAs('alice')).filter((r) => r.recordId === claimId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: serverIdOf(fx.wsA, cf!.id), collection: 'claims', field: 'statement', detectedBy: 'bob' });
    expect(rows[0]!.candidates).toEqual([
      expect.objectContaining({ side: 'local', value: 'Shared: Bob', author: 'bob' }),
      expect.objectContaining({ side: 'remote', value: 'Shared: Alice', author: 'alice' }),
    ]);
    const carol = await fx.raw('carol');
    expect((await carol.query('SELECT count(*)::int AS n FROM team.conflicts')).rows[0].n).toBe(0);
  });

  it('resolving it here marks it resolved in the table at the next sync, by the resolver', async () => {
    const open = b.sync.conflicts();
    expect(open.length).toBeGreaterThan(0);
    for (const cf of open) b.sync.resolve(cf.id, { pick: 'local' });
    await b.sync.syncOnce();
    expect(await tableAs('alice')).toEqual([]);
    const raw = await fx.raw('alice');
    const { rows } = await raw.query('SELECT resolved, resolved_by, resolution FROM team.conflicts WHERE id = $1', [serverIdOf(fx.wsA, open[0]!.id)]);
    expect(rows).toEqual([{ resolved: true, resolved_by: 'bob', resolution: expect.objectContaining({ pick: 'local', by: 'bob' }) }]);
  });

  it('when the table refuses the write, the conflict is kept locally (and in team.json) and recorded at a later sync', async () => {
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE FUNCTION pg_temp.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'table offline'; END $$;
        CREATE TRIGGER refuse_conflicts BEFORE INSERT ON team.conflicts FOR EACH ROW EXECUTE FUNCTION pg_temp.refuse()`);
      const claimId = await makeConflict('Refused');
      const local = b.sync.conflicts().filter((c) => c.recordId === claimId);
      expect(local).toHaveLength(1);
      const saved = JSON.parse(fs.readFileSync(path.join(b.dir, 'team.json'), 'utf8')) as { conflicts: { id: string }[] };
      expect(saved.conflicts.map((c) => c.id)).toContain(local[0]!.id);
      expect((await tableAs('alice')).filter((r) => r.recordId === claimId)).toEqual([]);
      await admin.query('DROP TRIGGER refuse_conflicts ON team.conflicts');
      await b.sync.syncOnce();
      expect((await tableAs('alice')).filter((r) => r.recordId === claimId)).toHaveLength(1);
    } finally {
      await admin.query('DROP TRIGGER IF EXISTS refuse_conflicts ON team.conflicts').catch(() => undefined);
      await admin.end();
    }
  });
});
