/** Schema versions of the snapshot and the steps between them. */
import type { SnapshotDoc } from './snapshot';

export const CURRENT_SCHEMA_VERSION = 1;

/** MIGRATIONS[n] upgrades a snapshot from version n to n+1. Version 1 is the first; none yet. */
const MIGRATIONS: Record<number, (s: SnapshotDoc) => SnapshotDoc> = {};

export function migrateSnapshot(snap: SnapshotDoc): SnapshotDoc {
  let s = snap;
  while (s.schemaVersion < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS[s.schemaVersion];
    if (!step) throw new Error(`No migration from schema ${s.schemaVersion}`);
    s = { ...step(s), schemaVersion: s.schemaVersion + 1 };
  }
  return s;
}
