/** Reading a workspace folder into memory: manifest, snapshot (migrated if older), journal replay, strict checks. */
import path from 'node:path';
import { WorkspaceState } from '../../../shared/domain/state';
import { COLLECTION_NAMES } from '../../../shared/domain/types';
import { StoreError } from './errors';
import { readJournal, type JournalReadResult } from './journal';
import { readOrCreateManifest, tooNew, type WorkspaceManifest } from './manifest';
import { CURRENT_SCHEMA_VERSION, migrateSnapshot, type MigrationTable } from './migrations';
import { validateSnapshotContent, type SnapshotDoc } from './snapshot';
import { DirtyBuckets, damagedShard, readShard, statShards } from './shards';
import { libraryState, type LibraryState } from './library-summary';
import { StringPool } from './share-strings';
import type { Op } from '../../../shared/domain/ops';
import type { FsOps } from './durable-fs';

export const JOURNAL_FILE = 'journal.log';
/** The saved search index (ADR 0011): derived data the store must discard on restore; written by services/search. */
export const SEARCH_INDEX_FILE = 'search-index.jsonl';

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

/** What both phases of an open start from: the manifest, the schema version, the journal, all checked. */
export interface LoadHead {
  manifest: WorkspaceManifest;
  version: number;
  journal: JournalReadResult;
  baseSeq: number;
}

/** The cheap checks, before any shard is read: version, journal (read once, replayed by both phases), continuity, inline records. */
export function readHead(dir: string, snap: SnapshotDoc | null, opts: { readOnly: boolean; ops: FsOps }): LoadHead {
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
  if (snap && version === CURRENT_SCHEMA_VERSION) {
    const problem = validateSnapshotContent(snap);
    if (problem) {
      throw new StoreError('damaged', `${path.join(dir, 'snapshot.json')} is damaged: ${problem.slice(0, 200)}.`, undefined, 'snapshot.json');
    }
  }
  return { manifest, version, journal, baseSeq };
}

/** Applies the journal records after the snapshot to `state`; returns the last sequence number and how many. */
function replay(state: WorkspaceState, head: LoadHead, dirty: DirtyBuckets): { seq: number; replayed: number } {
  let seq = head.baseSeq;
  let replayed = 0;
  for (const rec of head.journal.records) {
    if (rec.seq <= head.baseSeq) continue; // already folded into the snapshot (crash during compaction)
    dirty.markChange(rec.change, state);
    state.apply(rec.change);
    seq = rec.seq;
    replayed++;
  }
  return { seq, replayed };
}

/** The first phase of a two-phase open: the library, before any shard is read. */
export interface LibraryLoad {
  /** Sources in full, highlight counts per source, tag ids and the history (see library-summary.ts). */
  state: LibraryState;
  seq: number;
}

/**
 * The library from the index's summary with the journal replayed onto it; null when the workspace has no shards or
 * no usable summary. Shard files missing or of the wrong size are found here already (a stat each), so the most
 * common damage still opens recovery mode at once; their contents are checked by the second phase.
 */
export function loadLibrary(dir: string, snap: SnapshotDoc | null, head: LoadHead): LibraryLoad | null {
  if (!snap?.shards?.length || head.version !== CURRENT_SCHEMA_VERSION) return null;
  const state = libraryState(snap);
  if (!state) return null;
  statShards(dir, snap.shards);
  let seq = head.baseSeq;
  for (const rec of head.journal.records) {
    if (rec.seq <= head.baseSeq) continue;
    state.apply(rec.change);
    seq = rec.seq;
  }
  return { state, seq };
}

/**
 * Reads every shard, builds the state and replays the journal; every failure is a StoreError naming the file at
 * fault. A generator that pauses between shards, so a host can answer the library meanwhile (a plain open runs it
 * straight through).
 */
export function* loadSteps(
  dir: string, snap: SnapshotDoc | null, head: LoadHead, opts: { migrations: MigrationTable },
): Generator<void, LoadedWorkspace> {
  const { manifest, version, journal } = head;
  const current = version === CURRENT_SCHEMA_VERSION;
  const state = WorkspaceState.fromJson((snap?.collections ?? {}) as Partial<SnapshotDoc['collections']>, snap?.history);
  // Shards are checked one by one (size, sha-256, records), each failure naming its file; the records of each go
  // into the state before the next is read, so no more than one shard's text is held at a time.
  const pool = new StringPool();
  for (const e of snap?.shards ?? []) {
    yield;
    const records = readShard(dir, e);
    const ops: Op[] = [];
    for (const key in records) {
      if (state.get(e.collection, key)) throw damagedShard(e.file, `record ${key.slice(0, 80)} is also in another shard`);
      pool.shareRecord(records[key] as Record<string, unknown>);
      ops.push({ t: 'put', c: e.collection, v: records[key] } as Op);
    }
    state.applyOps(ops);
  }
  const dirty = new DirtyBuckets(new Map((snap?.shards ?? []).map((e) => [e.collection, e.buckets])));
  const { seq, replayed } = replay(state, head, dirty);
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

