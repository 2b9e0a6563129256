/** The migration runner against a throwaway PostgreSQL cluster: apply, record, re-run, refuse edits. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../../tests/support/pg-cluster';
import { TeamDbError } from './errors';
import { checksumOf, migrate } from './migrate';
import { MIGRATIONS } from './migrations';

let cluster: PgCluster;
beforeAll(async () => { cluster = await startPgCluster(); });
afterAll(async () => { await cluster?.stop(); });

/** A fresh database and an admin client on it. */
async function freshDb(name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: await cluster.createDatabase(name) });
  await client.connect();
  return client;
}

const recorded = async (c: pg.Client) =>
  (await c.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM team.schema_migrations ORDER BY version')).rows;

describe('team schema migrations', () => {
  it('applies every migration in order and records each with its checksum', async () => {
    const c = await freshDb('m_apply');
    try {
      const result = await migrate(c);
      expect(result).toEqual({ applied: MIGRATIONS.map((m) => m.name), alreadyApplied: [] });
      expect(await recorded(c)).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, checksum: checksumOf(m.sql) })));
      const tables = (await c.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'team' ORDER BY table_name")).rows.map((r) => r.table_name);
      expect(tables).toEqual(['blobs', 'conflicts', 'members', 'ops', 'records', 'schema_migrations', 'texts', 'workspace_blobs', 'workspace_channels', 'workspace_texts', 'workspaces']);
    } finally {
      await c.end();
    }
  });

  it('a second run applies nothing and changes no record', async () => {
    const c = await freshDb('m_rerun');
    try {
      await migrate(c);
      const before = (await c.query('SELECT version, applied_at FROM team.schema_migrations ORDER BY version')).rows;
      expect(await migrate(c)).toEqual({ applied: [], alreadyApplied: MIGRATIONS.map((m) => m.name) });
      expect((await c.query('SELECT version, applied_at FROM team.schema_migrations ORDER BY version')).rows).toEqual(before);
    } finally {
      await c.end();
    }
  });

  it('applies only the migrations added since the last run', async () => {
    const c = await freshDb('m_partial');
    try {
      expect((await migrate(c, MIGRATIONS.slice(0, 1))).applied).toEqual(['0001_schema']);
      expect(await migrate(c)).toEqual({ applied: MIGRATIONS.slice(1).map((m) => m.name), alreadyApplied: ['0001_schema'] });
    } finally {
      await c.end();
    }
  });

  it('refuses to run when an applied migration was edited, and applies nothing after it', async () => {
    const c = await freshDb('m_edited');
    try {
      await migrate(c, MIGRATIONS.slice(0, 1));
      const edited = [{ ...MIGRATIONS[0]!, sql: MIGRATIONS[0]!.sql.replace('length(name) BETWEEN 1 AND 200', 'length(name) BETWEEN 1 AND 300') }, ...MIGRATIONS.slice(1)];
      const err = await migrate(c, edited).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TeamDbError);
      expect((err as TeamDbError).kind).toBe('migration');
      expect((err as Error).message).toMatch(/0001_schema was changed after it was applied/);
      expect((await recorded(c)).map((r) => r.name)).toEqual(['0001_schema']);
      expect((await c.query("SELECT to_regprocedure('team.my_role(uuid)') AS f")).rows[0].f).toBeNull();
    } finally {
      await c.end();
    }
  });

  it('a CRLF checkout of the same migration is not counted as an edit', async () => {
    const c = await freshDb('m_crlf');
    try {
      await migrate(c);
      const crlf = MIGRATIONS.map((m) => ({ ...m, sql: m.sql.replace(/\n/g, '\r\n') }));
      expect((await migrate(c, crlf)).applied).toEqual([]);
    } finally {
      await c.end();
    }
  });

  it('refuses a database that has a migration newer than this app', async () => {
    const c = await freshDb('m_newer');
    try {
      await migrate(c);
      await expect(migrate(c, MIGRATIONS.slice(0, 1))).rejects.toThrow(/0002_security \(version 2\), newer than this app knows \(up to 1\)/);
    } finally {
      await c.end();
    }
  });

  it('a failing migration is rolled back whole and not recorded', async () => {
    const c = await freshDb('m_fail');
    try {
      // Numbered after the shipped ones, however many there are.
      const next = MIGRATIONS.length + 1;
      const name = `${String(next).padStart(4, '0')}_broken`;
      const broken = [...MIGRATIONS, { version: next, name, sql: 'CREATE TABLE team.half_done (x int); SELECT 1/0;' }];
      await expect(migrate(c, broken)).rejects.toThrow(new RegExp(`${name} failed and was rolled back: division by zero`));
      expect((await recorded(c)).map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      expect((await c.query("SELECT to_regclass('team.half_done') AS t")).rows[0].t).toBeNull();
    } finally {
      await c.end();
    }
  });
});
