/** Schema versions of the snapshot and the steps between them. */
import type { SnapshotDoc } from './snapshot';

export const CURRENT_SCHEMA_VERSION = 2;

/** table[n] upgrades a snapshot from version n to n+1. */
export type MigrationTable = Readonly<Record<number, (s: SnapshotDoc) => SnapshotDoc>>;

/**
 * A backup is taken before any step runs (see backups.ts). 1 → 2 changes no record: it is the sharded layout
 * (docs/adr/0012), written by the store right after; the bump makes older apps refuse the new layout untouched.
 */
export const MIGRATIONS: MigrationTable = { 1: (s) => s };

export function migrateSnapshot(snap: SnapshotDoc, table: MigrationTable = MIGRATIONS, target = CURRENT_SCHEMA_VERSION): SnapshotDoc {
  let s = snap;
  while (s.schemaVersion < target) {
    const step = table[s.schemaVersion];
    if (!step) throw new Error(`No migration from schema ${s.schemaVersion}`);
    s = { ...step(s), schemaVersion: s.schemaVersion + 1 };
  }
  return s;
}
