/** Versioned migration runner: numbered SQL applied once each, in a transaction, recorded with a checksum. */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { TeamDbError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrateResult {
  /** Names applied by this run, in order. */
  applied: string[];
  /** Names that were already applied (checksums verified). */
  alreadyApplied: string[];
}

// Any fixed pair: serialises concurrent runners (two app instances upgrading one database at once).
const LOCK_KEY = [0x7465616d, 1] as const;

/** Line endings are normalised so a checkout with CRLF does not count as an edited migration. */
export const checksumOf = (sql: string): string => createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');

function checkList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new TeamDbError('migration', `migration list out of order: ${m.name} has version ${m.version}, expected ${i + 1}`);
    if (!/^\d{4}_[a-z0-9_]+$/.test(m.name) || Number(m.name.slice(0, 4)) !== m.version) {
      throw new TeamDbError('migration', `migration name ${m.name} does not match its version ${m.version}`);
    }
  });
}

/**
 * Brings the database up to the shipped schema. Run with an administrator connection (the role that owns the
 * schema). Refuses, changing nothing, when an applied migration's text was edited or the database is newer.
 */
export async function migrate(client: pg.ClientBase, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  checkList(migrations);
  await client.query('SELECT pg_advisory_lock($1, $2)', [...LOCK_KEY]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS team;
      CREATE TABLE IF NOT EXISTS team.schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user)`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM team.schema_migrations ORDER BY version');
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const [i, row] of rows.entries()) {
      if (row.version !== i + 1) throw new TeamDbError('migration', `the team database's migration record has a gap before version ${row.version}: repair it by hand`);
      const shipped = migrations[row.version - 1];
      if (!shipped) {
        throw new TeamDbError('migration', `the team database has migration ${row.name} (version ${row.version}), newer than this app knows (up to ${migrations.length}): update the app`);
      }
      const sum = checksumOf(shipped.sql);
      if (row.checksum !== sum || row.name !== shipped.name) {
        throw new TeamDbError('migration', `migration ${row.name} was changed after it was applied (recorded checksum ${row.checksum.slice(0, 12)}…, shipped ${shipped.name} ${sum.slice(0, 12)}…): refusing to run; write a new migration instead`);
      }
      result.alreadyApplied.push(row.name);
    }
    for (const m of migrations.slice(rows.length)) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO team.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, checksumOf(m.sql)]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new TeamDbError('migration', `migration ${m.name} failed and was rolled back: ${(err as Error).message}`, err);
      }
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...LOCK_KEY]);
  }
}
