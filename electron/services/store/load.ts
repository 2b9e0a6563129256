/** Reading a workspace folder into memory: manifest, snapshot (migrated if older), journal replay, strict checks. */
import path from 'node:path';
import { WorkspaceState } from '../../../shared/domain/state';
import { COLLECTION_NAMES } from '../../../shared/domain/types';
import { StoreError } from './errors';
import { readJournal, type JournalReadResult } from './journal';
import { readOrCreateManifest, tooNew, type WorkspaceManifest } from './manifest';
import { CURRENT_SCHEMA_VERSION, migrateSnapshot, type MigrationTable } from './migrations';
import { validateSnapshotContent, type SnapshotDoc } from './snapshot';
import { DirtyBuckets, readAllShards } from './shards';
import type { FsOps } from './durable-fs';

export const JOURNAL_FILE = 'journal.log';

export interface LoadedWorkspace {
  manifest: WorkspaceManifest;
  state: WorkspaceState;
  /** Last sequence number applied (snapshot or journal). */
  seq: number;
  /** Journal records replayed on top of the snapshot. */
  replayed: number;
  journal: JournalReadResult;
  /** Set when the snapshot was older: the migrated document, to be written before anything else. */
  migrated: SnapshotDoc | null;
  /** The schema version found on disk. */
  fromVersion: number;
  /** The shard buckets the replayed journal records touched (the next compaction rewrites those). */
  dirty: DirtyBuckets;
}

const damagedJournal = (dir: string, line: number, why: string): StoreError =>
  new StoreError('damaged', `The journal of ${dir} (journal.log) is damaged at line ${line} (${why}).`, undefined, 'journal.log');

/** The sequence number the journal must continue from, and where the snapshot's records stop. */
function checkContinuity(dir: string, baseSeq: number, jr: JournalReadResult): void {
  const first = jr.records.find((r) => r.seq > baseSeq);
  if (first && first.seq !== baseSeq + 1) {
    throw new StoreError('damaged',
      `The journal of ${dir} (journal.log) does not continue snapshot.json (expected change ${baseSeq + 1}, found ${first.seq}).`,
      undefined, 'journal.log');
  }
}

/** Reads, checks, migrates and replays; every failure is a StoreError naming the file at fault. */
export function loadWorkspace(
  dir: string, snap: SnapshotDoc | null, opts: { readOnly: boolean; ops: FsOps; migrations: MigrationTable },
): LoadedWorkspace {
  const manifest = readOrCreateManifest(dir, opts.readOnly, opts.ops);
  const version = snap?.schemaVersion ?? manifest.schemaVersion;
  if (version > CURRENT_SCHEMA_VERSION) throw tooNew(dir, version);
  if (version < CURRENT_SCHEMA_VERSION && opts.readOnly) {
    throw new StoreError('too_new', `The workspace ${dir} needs an upgrade; open it in the app first.`);
  }
  const journal = readJournal(path.join(dir, JOURNAL_FILE));
  if (journal.damagedAtLine !== null) throw damagedJournal(dir, journal.damagedAtLine, journal.damage ?? 'unreadable');
  const baseSeq = snap?.seq ?? 0;
  checkContinuity(dir, baseSeq, journal);
  const current = version === CURRENT_SCHEMA_VERSION;
  if (snap && current) {
    const problem = validateSnapshotContent(snap);
    if (problem) {
      throw new StoreError('damaged', `${path.join(dir, 'snapshot.json')} is damaged: ${problem.slice(0, 200)}.`, undefined, 'snapshot.json');
    }
  }
  // Shards are checked one by one (size, sha-256, records), each failure naming its file.
  const sharded = snap?.shards?.length ? readAllShards(dir, snap.shards) : {};
  const state = WorkspaceState.fromJson({ ...(snap?.collections ?? {}), ...sharded } as Partial<SnapshotDoc['collections']>, snap?.history);
  let seq = baseSeq;
  let replayed = 0;
  const dirty = new DirtyBuckets(new Map((snap?.shards ?? []).map((e) => [e.collection, e.buckets])));
  for (const rec of journal.records) {
    if (rec.seq <= baseSeq) continue; // already folded into the snapshot (crash during compaction)
    dirty.markChange(rec.change, state);
    state.apply(rec.change);
    seq = rec.seq;
    replayed++;
  }
  if (current) return { manifest, state, seq, replayed, journal, migrated: null, fromVersion: version, dirty };
  // Older schema: fold the journal in first, so every step sees the whole old document.
  const old: SnapshotDoc = {
    format: 'analyst-workbench/snapshot', schemaVersion: version, seq, savedAt: new Date().toISOString(),
    collections: state.toJson(), history: state.history,
  };
  let migrated: SnapshotDoc;
  try {
    migrated = migrateSnapshot(old, opts.migrations);
  } catch (e) {
    // No upgrade path (e.g. schema 0, which never existed): the version field itself is wrong.
    throw new StoreError('damaged', `${dir} has schema version ${version}, which this app cannot upgrade (${(e as Error).message}).`,
      e, snap ? 'snapshot.json' : 'workspace.json');
  }
  const problem = validateSnapshotContent(migrated);
  if (problem) throw new StoreError('damaged', `${dir} could not be upgraded to schema ${CURRENT_SCHEMA_VERSION}: ${problem}.`, undefined, 'snapshot.json');
  return {
    manifest: { ...manifest, schemaVersion: CURRENT_SCHEMA_VERSION },
    state: WorkspaceState.fromJson(migrated.collections, migrated.history),
    seq, replayed, journal, migrated, fromVersion: version, dirty,
  };
}

/** Record counts per collection, for backups and listings. */
export function countsOf(state: WorkspaceState): Record<string, number> {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, state.count(c)]));
}

/** Texts a workspace needs: those of its sources and of sources its undo/redo history could bring back. */
export function referencedTexts(state: WorkspaceState): Set<string> {
  const hashes = new Set(state.all('sources').map((s) => s.contentHash));
  for (const tx of [...state.history.undo, ...state.history.redo]) {
    for (const op of [...tx.ops, ...tx.inverse]) if (op.t === 'put' && op.c === 'sources') hashes.add(op.v.contentHash);
  }
  return hashes;
}

