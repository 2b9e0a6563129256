/** Roles enforced by PostgreSQL itself (grants + row-level security), probed with hand-written SQL as each login. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from './team-db';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';

let fx: TeamFixture;
beforeAll(async () => { fx = await startTeamFixture(); });
afterAll(async () => { await fx?.close(); });

/** The error PostgreSQL raised (a pg DatabaseError with an SQLSTATE), or fails the test if the statement succeeded. */
async function dbError(p: Promise<unknown>): Promise<pg.DatabaseError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err, 'the statement was accepted').toBeInstanceOf(pg.DatabaseError);
  return err as pg.DatabaseError;
}

const INSERT_OP = `INSERT INTO team.ops (op_id, workspace_id, tx_id, collection, record_id, kind, value)
                   VALUES ($1, $2, $3, 'highlights', 'h1', 'put', '{"id":"h1"}')`;

describe('roles enforced by the database', () => {
  it('a viewer cannot insert an op even with hand-written SQL: PostgreSQL refuses it', async () => {
    const vera = await fx.raw('vera');
    const err = await dbError(vera.query(INSERT_OP, [randomUUID(), fx.wsA, randomUUID()]));
    expect(err.code).toBe('42501');
    expect(err.message).toMatch(/row-level security policy for table "ops"/);
    expect((await fx.raw('alice').then((a) => a.query('SELECT count(*)::int AS n FROM team.ops'))).rows[0].n).toBe(0);
  });

  it('a viewer cannot add members, store texts or record conflicts', async () => {
    const vera = await fx.raw('vera');
    expect((await dbError(vera.query("INSERT INTO team.members (workspace_id, user_name, role) VALUES ($1, 'vera', 'owner')", [fx.wsA]))).code).toBe('42501');
    expect((await vera.query("UPDATE team.members SET role = 'owner' WHERE user_name = 'vera'")).rowCount).toBe(0);
    expect((await dbError(vera.query('SELECT team.put_text($1, $2)', [fx.wsA, 'viewer text']))).message).toMatch(/only an owner or editor/);
    expect((await dbError(vera.query('INSERT INTO team.texts (sha256, content) VALUES ($1, $2)', [sha256Of('viewer text'), 'viewer text']))).code).toBe('42501');
    expect((await dbError(vera.query("INSERT INTO team.conflicts (workspace_id, collection, record_id, field, candidates) VALUES ($1, 'tags', 't1', 'name', '[]')", [fx.wsA]))).code).toBe('42501');
    expect((await (await fx.as('alice')).members(fx.wsA))).toEqual([
      { login: 'alice', role: 'owner' }, { login: 'bob', role: 'editor' }, { login: 'vera', role: 'viewer' }]);
  });

  it("a viewer reads the team's ops and records", async () => {
    const bob = await fx.as('bob');
    const [pushed] = await bob.pushOps(fx.wsA, [{ opId: randomUUID(), collection: 'tags', recordId: 'tag-viewer', kind: 'put', value: { id: 'tag-viewer', name: 'x' } }]);
    const vera = await fx.raw('vera');
    expect((await vera.query('SELECT seq FROM team.ops WHERE seq = $1', [pushed!.seq])).rows).toHaveLength(1);
    expect((await vera.query("SELECT updated_by FROM team.records WHERE id = 'tag-viewer'")).rows).toEqual([{ updated_by: 'bob' }]);
  });

  it("team A's member cannot read or write team B's workspace, members, ops, records or texts", async () => {
    const carol = await fx.as('carol');
    await carol.pushOps(fx.wsB, [{ opId: randomUUID(), collection: 'claims', recordId: 'b-secret', kind: 'put', value: { id: 'b-secret', text: 'B only' } }]);
    const shaB = await carol.putText(fx.wsB, 'Team B confidential source text');
    expect(await carol.getText(shaB)).toBe('Team B confidential source text');

    const alice = await fx.raw('alice');
    for (const table of ['workspaces', 'members', 'ops', 'records', 'workspace_texts', 'conflicts']) {
      const column = table === 'workspaces' ? 'id' : 'workspace_id';
      const { rows } = await alice.query(`SELECT count(*)::int AS n FROM team.${table} WHERE ${column} = $1`, [fx.wsB]);
      expect(rows[0].n, table).toBe(0);
    }
    expect((await alice.query('SELECT count(*)::int AS n FROM team.texts WHERE sha256 = $1', [shaB])).rows[0].n).toBe(0);
    expect(await (await fx.as('alice')).getText(shaB)).toBeNull();
    expect(await (await fx.as('alice')).pullOps(fx.wsB, 0)).toEqual([]);
    expect((await dbError(alice.query(INSERT_OP, [randomUUID(), fx.wsB, randomUUID()]))).code).toBe('42501');
    expect((await dbError(alice.query("INSERT INTO team.members (workspace_id, user_name, role) VALUES ($1, 'alice', 'owner')", [fx.wsB]))).code).toBe('42501');
    // Knowing B's hash is not enough to link B's text into A and read it there.
    expect((await dbError(alice.query('INSERT INTO team.workspace_texts (workspace_id, sha256) VALUES ($1, $2)', [fx.wsA, shaB]))).message).toMatch(/permission denied/);
  });

  it('ops are append-only: UPDATE, DELETE and TRUNCATE are refused, to members and to the administrator', async () => {
    const bob = await fx.as('bob');
    const [op] = await bob.pushOps(fx.wsA, [{ opId: randomUUID(), collection: 'tags', recordId: 'tag-ao', kind: 'put', value: { id: 'tag-ao' } }]);
    const alice = await fx.raw('alice');
    expect((await dbError(alice.query("UPDATE team.ops SET value = '{}' WHERE seq = $1", [op!.seq]))).message).toMatch(/permission denied for table ops/);
    expect((await dbError(alice.query('DELETE FROM team.ops WHERE seq = $1', [op!.seq]))).message).toMatch(/permission denied for table ops/);
    expect((await dbError(alice.query('TRUNCATE team.ops'))).message).toMatch(/permission denied for table ops/);
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      expect((await dbError(admin.query("UPDATE team.ops SET value = '{}' WHERE seq = $1", [op!.seq]))).message).toMatch(/append-only: UPDATE refused/);
      expect((await dbError(admin.query('DELETE FROM team.ops WHERE seq = $1', [op!.seq]))).message).toMatch(/append-only: DELETE refused/);
      expect((await dbError(admin.query('TRUNCATE team.ops CASCADE'))).message).toMatch(/append-only: TRUNCATE refused/);
      expect((await admin.query('SELECT value FROM team.ops WHERE seq = $1', [op!.seq])).rows[0].value).toEqual({ id: 'tag-ao' });
    } finally {
      await admin.end();
    }
  });

  it('an editor cannot forge the author or the seq, nor write records directly', async () => {
    const bob = await fx.raw('bob');
    expect((await dbError(bob.query(`INSERT INTO team.ops (op_id, workspace_id, tx_id, collection, record_id, kind, value, author)
      VALUES ($1, $2, $3, 'tags', 'forged', 'put', '{}', 'alice')`, [randomUUID(), fx.wsA, randomUUID()]))).message).toMatch(/permission denied for table ops/);
    expect((await dbError(bob.query(`INSERT INTO team.ops (seq, op_id, workspace_id, tx_id, collection, record_id, kind, value)
      VALUES (1, $1, $2, $3, 'tags', 'forged', 'put', '{}')`, [randomUUID(), fx.wsA, randomUUID()]))).message).toMatch(/permission denied for table ops/);
    expect((await dbError(bob.query("UPDATE team.records SET updated_by = 'alice' WHERE workspace_id = $1", [fx.wsA]))).message).toMatch(/permission denied for table records/);
    const { rows } = await bob.query(`${INSERT_OP} RETURNING author`, [randomUUID(), fx.wsA, randomUUID()]);
    expect(rows).toEqual([{ author: 'bob' }]);
  });

  it('only an owner changes roles; an editor cannot promote themself', async () => {
    const bob = await fx.raw('bob');
    expect((await dbError(bob.query("INSERT INTO team.members (workspace_id, user_name, role) VALUES ($1, 'carol', 'viewer')", [fx.wsA]))).code).toBe('42501');
    const { rowCount } = await bob.query("UPDATE team.members SET role = 'owner' WHERE workspace_id = $1 AND user_name = 'bob'", [fx.wsA]);
    expect(rowCount).toBe(0);
    expect((await (await fx.as('alice')).members(fx.wsA)).find((m) => m.login === 'bob')?.role).toBe('editor');
  });

  it('a login outside the team role reaches nothing; a team login of no workspace sees no rows', async () => {
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      await admin.query("CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw'");
    } finally {
      await admin.end();
    }
    const outsider = new pg.Client({ connectionString: fx.cluster.urlFor('outsider', 'outsider-pw', 'team') });
    await outsider.connect();
    try {
      expect((await dbError(outsider.query('SELECT count(*) FROM team.ops'))).message).toMatch(/permission denied for schema team/);
    } finally {
      await outsider.end();
    }
    await fx.admin.createMemberLogin('dave', 'dave-pw');
    const dave = new pg.Client({ connectionString: fx.cluster.urlFor('dave', 'dave-pw', 'team') });
    await dave.connect();
    try {
      for (const table of ['workspaces', 'members', 'ops', 'records', 'texts', 'workspace_texts', 'conflicts']) {
        expect((await dave.query(`SELECT count(*)::int AS n FROM team.${table}`)).rows[0].n, table).toBe(0);
      }
      expect((await dbError(dave.query(INSERT_OP, [randomUUID(), fx.wsA, randomUUID()]))).code).toBe('42501');
    } finally {
      await dave.end();
    }
  });
});
