/** Damaged or replaced files are moved aside into quarantine/, never overwritten or deleted; recovery.json marks a pending recovery. */
import fs from 'node:fs';
import path from 'node:path';
import { moveDurable, realFs, stripBom, writeFileDurable, type FsOps } from './durable-fs';

const QUARANTINE_DIR = 'quarantine';
/** While this file exists the workspace is not opened: a file was quarantined, or a restore was interrupted. */
export const RECOVERY_FILE = 'recovery.json';

export interface QuarantinedFile {
  /** Path relative to the workspace folder, as it was. */
  file: string;
  /** Where it is now, relative to the workspace folder. */
  movedTo: string;
}

export interface RecoveryMarker {
  reason: 'damaged' | 'restore_interrupted';
  message: string;
  since: string;
  quarantined: QuarantinedFile[];
  /** For restore_interrupted: the backup being restored. */
  backupId?: string;
}

/** A file-name-safe time stamp that sorts like the time: 2026-11-25T16-20-01-123Z. */
export const fileStamp = (d = new Date()): string => d.toISOString().replace(/[:.]/g, '-');

/** Moves `rel` (relative to the workspace) to quarantine/<name>.<stamp>[.n]; returns where it went. */
export function quarantineFile(dir: string, rel: string, ops: FsOps = realFs, subdir = ''): QuarantinedFile {
  const qdir = path.join(dir, QUARANTINE_DIR, subdir);
  ops.mkdirSync(qdir);
  const base = `${path.basename(rel)}.${fileStamp()}`;
  let target = path.join(qdir, base);
  for (let n = 1; fs.existsSync(target); n++) target = path.join(qdir, `${base}.${n}`);
  moveDurable(path.join(dir, rel), target, ops);
  return { file: rel, movedTo: path.relative(dir, target) };
}

export function readRecoveryMarker(dir: string): RecoveryMarker | null {
  const file = path.join(dir, RECOVERY_FILE);
  if (!fs.existsSync(file)) return null;
  try {
    const m = JSON.parse(stripBom(fs.readFileSync(file, 'utf8'))) as RecoveryMarker;
    if (m && typeof m.message === 'string' && Array.isArray(m.quarantined)) return m;
  } catch { /* an unreadable marker still means "recovery pending" */ }
  return { reason: 'damaged', message: `${file} is unreadable; a recovery was pending.`, since: '', quarantined: [] };
}

/** Written (durably) before any file is moved, so a crash half-way still opens into recovery, never into a partial workspace. */
export function writeRecoveryMarker(dir: string, marker: RecoveryMarker, ops: FsOps = realFs): void {
  writeFileDurable(path.join(dir, RECOVERY_FILE), JSON.stringify(marker, null, 2), ops);
}

/** Ends a recovery: the marker itself is kept in quarantine as the record of what happened. */
export function clearRecoveryMarker(dir: string, ops: FsOps = realFs): void {
  if (fs.existsSync(path.join(dir, RECOVERY_FILE))) quarantineFile(dir, RECOVERY_FILE, ops);
}
