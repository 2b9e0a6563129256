/** Recovery mode: a damaged file is moved to quarantine (never rewritten or deleted), backups are offered, or the readable rest is kept. */
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from './errors';
import { acquireLock } from './lock';
import { encodeRecord, readJournal } from './journal';
import { JOURNAL_FILE } from './load';
import { listBackups, newestGoodBackup } from './backups';
import { realFs, stripBom, writeFileDurable, type FsOps } from './durable-fs';
import { MANIFEST_FILE, newManifest } from './manifest';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { isShardFile, type ShardEntry } from './shards';
import {
  RECOVERY_FILE, clearRecoveryMarker, quarantineFile, readRecoveryMarker, writeRecoveryMarker,
  type QuarantinedFile, type RecoveryMarker,
} from './quarantine';
import type { RecoveryInfo } from '../../../shared/contract/views-maintenance';

/** `lockHeld`: the caller (a host's session) already holds the workspace lock and keeps it afterwards. */
export interface LockOpts { lockHeld?: boolean }

/** What "continue with what could be read" keeps, per quarantined file. */
function continueEffect(dir: string, q: QuarantinedFile[]): string {
  const parts = q.map(({ file, movedTo }) => {
    if (file === JOURNAL_FILE) {
      const jr = readJournal(path.join(dir, movedTo));
      return `the ${jr.records.length} readable change(s) of journal.log before line ${jr.damagedAtLine ?? '?'} are kept; later changes are lost`;
    }
    if (file === 'snapshot.json') return 'everything saved in snapshot.json (and the shards it lists) is lost; only the changes recorded since the last compaction are kept';
    if (isShardFile(file)) {
      const e = indexShards(dir).find((x) => x.file === file);
      return `the ${e ? `${e.count} ` : ''}${e?.collection ?? 'records'} saved in ${file} are lost; everything else is kept`;
    }
    if (file === MANIFEST_FILE) return 'all records are kept and a new workspace.json is written';
    return null;
  }).filter((p): p is string => p !== null);
  return parts.length ? `Continuing without a backup: ${parts.join('; ')}.` : '';
}

/** The shards snapshot.json lists, or none when it is unreadable. */
function indexShards(dir: string): ShardEntry[] {
  try {
    const d = JSON.parse(stripBom(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8'))) as { shards?: unknown };
    return Array.isArray(d.shards) ? (d.shards as ShardEntry[]) : [];
  } catch {
    return [];
  }
}

/** The recovery-mode description of a workspace that cannot be opened. */
function describeRecovery(dir: string, kind: RecoveryInfo['kind'], message: string, quarantined: QuarantinedFile[]): RecoveryInfo {
  const backups = listBackups(dir);
  const recommended = kind === 'too_new' ? null : newestGoodBackup(dir);
  const canContinue = kind === 'damaged' && quarantined.length > 0;
  const moved = quarantined.length
    ? ` ${quarantined.map((q) => `${q.file} was moved to ${q.movedTo}`).join('; ')}; nothing was deleted.`
    : '';
  return {
    kind,
    message: `${message}${moved}`,
    quarantined,
    backups,
    recommendedBackupId: recommended?.id ?? null,
    canContinue,
    continueEffect: canContinue ? continueEffect(dir, quarantined) : '',
  };
}

/**
 * Turns an open failure into recovery mode: for 'damaged', the file at fault is moved to quarantine/ under the
 * lock, after a recovery marker is written (so the workspace never opens half-read); 'too_new' touches nothing.
 * Any other failure (locked, disk errors) is rethrown: there is nothing to recover.
 */
export function enterRecovery(dir: string, e: unknown, ops: FsOps = realFs, opts: LockOpts = {}): RecoveryInfo {
  if (!(e instanceof StoreError) || (e.kind !== 'damaged' && e.kind !== 'too_new')) throw e;
  const abs = path.resolve(dir);
  if (e.kind === 'too_new') return describeRecovery(abs, 'too_new', e.message, []);
  let marker = readRecoveryMarker(abs);
  if (!marker) {
    if (!e.file || e.file === RECOVERY_FILE) throw e;
    const release = opts.lockHeld ? () => undefined : acquireLock(abs, 'moving a damaged file to quarantine');
    try {
      marker = { reason: 'damaged', message: e.message, since: new Date().toISOString(), quarantined: [] };
      writeRecoveryMarker(abs, marker, ops);
      if (fs.existsSync(path.join(abs, e.file))) {
        marker.quarantined.push(quarantineFile(abs, e.file, ops));
        writeRecoveryMarker(abs, marker, ops);
      }
    } finally {
      release();
    }
  }
  return describeRecovery(abs, marker.reason === 'restore_interrupted' ? 'restore_interrupted' : 'damaged', marker.message, marker.quarantined);
}

/** Whether the workspace is waiting for a recovery decision. */
export const recoveryPending = (dir: string): RecoveryMarker | null => readRecoveryMarker(path.resolve(dir));

/**
 * "Continue with what could be read": keeps the readable records of a quarantined journal, lets a fresh
 * manifest be written, and makes the remaining journal start on an empty snapshot. The quarantined files stay.
 */
export function continueWithoutBackup(dir: string, ops: FsOps = realFs, opts: LockOpts = {}): { ok: true } | { ok: false; message: string } {
  const abs = path.resolve(dir);
  const marker = readRecoveryMarker(abs);
  if (!marker) return { ok: false, message: 'The workspace is not waiting for recovery.' };
  if (marker.reason !== 'damaged' || marker.quarantined.length === 0) {
    return { ok: false, message: 'Nothing can be kept from this state; restore a backup instead.' };
  }
  const release = opts.lockHeld ? () => undefined : acquireLock(abs, 'recovering what could be read');
  try {
    for (const q of marker.quarantined) {
      if (q.file === JOURNAL_FILE && !fs.existsSync(path.join(abs, JOURNAL_FILE))) {
        const jr = readJournal(path.join(abs, q.movedTo));
        writeFileDurable(path.join(abs, JOURNAL_FILE), jr.records.map(encodeRecord).join(''), ops);
      }
    }
    if (marker.quarantined.some((q) => q.file === 'snapshot.json') && !fs.existsSync(path.join(abs, 'snapshot.json'))) {
      const first = readJournal(path.join(abs, JOURNAL_FILE)).records[0];
      if (first && first.seq > 1) {
        const empty = {
          format: 'analyst-workbench/snapshot', schemaVersion: CURRENT_SCHEMA_VERSION, seq: first.seq - 1,
          savedAt: new Date().toISOString(), collections: {}, history: { undo: [], redo: [] },
        };
        writeFileDurable(path.join(abs, 'snapshot.json'), JSON.stringify(empty), ops);
      }
    }
    const lost = marker.quarantined.filter((q) => isShardFile(q.file) && !fs.existsSync(path.join(abs, q.file))).map((q) => q.file);
    if (lost.length && fs.existsSync(path.join(abs, 'snapshot.json'))) {
      // The index stops listing the quarantined shards; their buckets are written again by the next compaction.
      const d = JSON.parse(stripBom(fs.readFileSync(path.join(abs, 'snapshot.json'), 'utf8'))) as { shards?: ShardEntry[] };
      d.shards = (d.shards ?? []).filter((e) => !lost.includes(e.file));
      writeFileDurable(path.join(abs, 'snapshot.json'), JSON.stringify(d), ops);
    }
    if (!fs.existsSync(path.join(abs, MANIFEST_FILE))) {
      // A fresh manifest at the version the snapshot says it has (a newer one is refused on open, untouched).
      let version = CURRENT_SCHEMA_VERSION;
      try {
        const v = (JSON.parse(stripBom(fs.readFileSync(path.join(abs, 'snapshot.json'), 'utf8'))) as { schemaVersion?: unknown }).schemaVersion;
        if (Number.isSafeInteger(v) && (v as number) >= 0) version = v as number;
      } catch { /* no readable snapshot: the current version */ }
      writeFileDurable(path.join(abs, MANIFEST_FILE), JSON.stringify(newManifest(version), null, 2), ops);
    }
    clearRecoveryMarker(abs, ops);
  } finally {
    release();
  }
  return { ok: true };
}
