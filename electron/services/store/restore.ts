/** Restores a backup in place: the current files go to quarantine/ (never deleted), the backup's files are copied in durably. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fsyncDir, linkOrCopy, realFs, writeFileDurable, type FsOps } from './durable-fs';
import { ioError } from './errors';
import { acquireLock } from './lock';
import { backupPath, checkBackup } from './backups';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { SHARDS_DIR, isShardFile } from './shards';
import { SEARCH_INDEX_FILE } from './load';
import { BLOB_SUFFIX, CAPTURES_DIR } from './captures';
import {
  RECOVERY_FILE, clearRecoveryMarker, fileStamp, quarantineFile, writeRecoveryMarker, type QuarantinedFile,
} from './quarantine';
import type { BackupInfo } from '../../../shared/contract/views-maintenance';

/** What a restore replaces; shards/ moves to quarantine as a whole folder. */
const LIVE_FILES = ['workspace.json', 'snapshot.json', 'journal.log', SHARDS_DIR];
/** Derived from the data being replaced (the saved search index, ADR 0011): deleted, never restored, rebuilt on open. */
const DERIVED_FILES = [SEARCH_INDEX_FILE];

export type RestoreResult =
  | { ok: true; restored: BackupInfo; quarantined: QuarantinedFile[] }
  | { ok: false; reason: 'not_found' | 'unusable'; message: string };

/** Backup ids are folder names we made: time stamp, kind, optional counter. Anything else (../, /) is refused. */
export const isBackupId = (id: string): boolean => /^[0-9TZ-]+-[a-z-]+(-\d+)?$/.test(id) && id.length < 100;

/**
 * Restores backup `id` into `dir`. The workspace must not be open here. The lock is taken for the duration
 * (another window or process holding it gets StoreError('locked')), unless `lockHeld` says the caller holds it
 * across the whole close → restore → reopen. A recovery marker is written first, so a crash half-way leaves a
 * workspace that opens into recovery mode, never a half-restored one.
 */
export function restoreBackup(dir: string, id: string, ops: FsOps = realFs, opts: { lockHeld?: boolean } = {}): RestoreResult {
  if (!isBackupId(id) || !fs.existsSync(backupPath(dir, id))) {
    return { ok: false, reason: 'not_found', message: `There is no backup “${id.slice(0, 100)}” in ${dir}.` };
  }
  const check = checkBackup(dir, id, true);
  if (check.problem || !check.meta) {
    return { ok: false, reason: 'unusable', message: `The backup ${id} cannot be restored: ${check.problem}. Nothing was changed.` };
  }
  const meta = check.meta;
  if (meta.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return { ok: false, reason: 'unusable', message: `The backup ${id} was made by a newer version of the workbench. Nothing was changed.` };
  }
  const release = opts.lockHeld ? () => undefined : acquireLock(dir, `restoring backup ${id}`);
  const quarantined: QuarantinedFile[] = [];
  try {
    const group = `before-restore-${fileStamp()}`;
    // An earlier recovery marker is kept as the record of why this restore happened.
    if (fs.existsSync(path.join(dir, RECOVERY_FILE))) quarantined.push(quarantineFile(dir, RECOVERY_FILE, ops, group));
    writeRecoveryMarker(dir, {
      reason: 'restore_interrupted', backupId: id, since: new Date().toISOString(), quarantined,
      message: `Restoring the backup ${id} was interrupted. Restore it (or another backup) again; the files it was replacing are in quarantine/${group}.`,
    }, ops);
    for (const name of DERIVED_FILES) fs.rmSync(path.join(dir, name), { force: true });
    for (const name of LIVE_FILES) {
      if (fs.existsSync(path.join(dir, name))) quarantined.push(quarantineFile(dir, name, ops, group));
    }
    const shards = Object.keys(meta.files).filter(isShardFile);
    if (shards.length) ops.mkdirSync(path.join(dir, SHARDS_DIR));
    // Shards first (immutable: linked like texts), the index that lists them after.
    for (const name of shards) linkOrCopy(path.join(backupPath(dir, id), name), path.join(dir, name), ops);
    if (shards.length) {
      fsyncDir(path.join(dir, SHARDS_DIR), ops);
      fsyncDir(dir, ops);
    }
    for (const name of Object.keys(meta.files)) {
      if (isShardFile(name)) continue;
      writeFileDurable(path.join(dir, name), fs.readFileSync(path.join(backupPath(dir, id), name)), ops);
    }
    const texts = path.join(dir, 'texts');
    if (!fs.existsSync(texts)) {
      ops.mkdirSync(texts);
      fsyncDir(dir, ops);
    }
    for (const h of meta.texts) {
      const live = path.join(texts, `${h}.txt`);
      if (fs.existsSync(live)) {
        if (crypto.createHash('sha256').update(fs.readFileSync(live)).digest('hex') === h) continue;
        quarantined.push(quarantineFile(dir, path.join('texts', `${h}.txt`), ops, group));
      }
      linkOrCopy(path.join(backupPath(dir, id), 'texts', `${h}.txt`), live, ops);
    }
    fsyncDir(texts, ops);
    restoreImmutable(dir, backupPath(dir, id), CAPTURES_DIR, (meta.captures ?? []).map((h) => [h, `${h}${BLOB_SUFFIX}`]), group, quarantined, ops);
    clearRecoveryMarker(dir, ops);
  } catch (e) {
    throw ioError(`Could not restore the backup ${id}`, e,
      'The workspace will open in recovery mode; the files being replaced are in quarantine/.');
  } finally {
    release();
  }
  return {
    ok: true,
    restored: {
      id, kind: meta.kind, createdAt: meta.createdAt, schemaVersion: meta.schemaVersion, counts: meta.counts,
      bytes: check.bytes, verified: true,
    },
    quarantined,
  };
}

/**
 * Puts the backup's content-addressed files of `sub` (captures/) in place: a live file with the right content stays,
 * a damaged one goes to quarantine first (never deleted), a missing one is linked from the backup.
 */
function restoreImmutable(
  dir: string, backup: string, sub: string, files: ReadonlyArray<[hash: string, name: string]>, group: string,
  quarantined: QuarantinedFile[], ops: FsOps,
): void {
  if (files.length === 0) return;
  const live = path.join(dir, sub);
  if (!fs.existsSync(live)) {
    ops.mkdirSync(live);
    fsyncDir(dir, ops);
  }
  for (const [hash, name] of files) {
    const file = path.join(live, name);
    if (fs.existsSync(file)) {
      if (crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') === hash) continue;
      quarantined.push(quarantineFile(dir, path.join(sub, name), ops, group));
    }
    linkOrCopy(path.join(backup, sub, name), file, ops);
  }
  fsyncDir(live, ops);
}
