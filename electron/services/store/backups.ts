/** Rolling backups in backups/<id>/: manifest + compacted snapshot (index + shards) + hard-linked texts and captures, each verified by reading it back. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fsyncDir, linkOrCopy, realFs, stripBom, writeFileDurable, type FsOps } from './durable-fs';
import { StoreError, ioError } from './errors';
import { fileStamp } from './quarantine';
import { validateSnapshot, validateSnapshotContent, type SnapshotDoc } from './snapshot';
import { validateManifest } from './manifest';
import { isShardFile, type ShardEntry } from './shards';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { BLOB_SUFFIX, CAPTURES_DIR } from './captures';
import type { BackupInfo, BackupKind } from '../../../shared/contract/views-maintenance';

const BACKUPS_DIR = 'backups';
const META_FILE = 'backup.json';
const INCOMPLETE = '.incomplete-';

/** How many of each kind are kept; older ones are removed after a new one verified. */
export const KEEP: Record<BackupKind, number> = { daily: 7, 'pre-migration': 3, manual: 5 };

interface BackupMeta {
  format: 'analyst-workbench/backup';
  id: string;
  kind: BackupKind;
  createdAt: string;
  schemaVersion: number;
  seq: number;
  counts: Record<string, number>;
  /** Every file of the backup (except texts and this one) with its sha-256 and size. */
  files: Record<string, { sha256: string; bytes: number }>;
  texts: string[];
  /** Capture files (captures/<hash>.blob) kept with it; absent in backups made before web capture. */
  captures?: string[];
}

export interface BackupInput {
  kind: BackupKind;
  schemaVersion: number;
  seq: number;
  counts: Record<string, number>;
  /** workspace.json, snapshot.json, new shards and, for raw pre-migration copies, journal.log. */
  files: Record<string, string | Uint8Array>;
  /** Shards of the workspace to hard-link as they are (immutable, content-addressed; listed with their checksums). */
  links?: readonly ShardEntry[];
  /** Content hashes of the texts to keep with it (texts/<hash>.txt of the workspace). */
  texts: string[];
  /** Content hashes of the capture files to keep with it (captures/<hash>.blob of the workspace). */
  captures?: string[];
}

const sha256 = (data: string | Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');
const backupsDir = (dir: string) => path.join(dir, BACKUPS_DIR);

/** Creates a folder (and makes its entry in the parent durable) unless it exists. */
function ensureDir(dir: string, ops: FsOps): void {
  if (fs.existsSync(dir)) return;
  ops.mkdirSync(dir);
  fsyncDir(path.dirname(dir), ops);
}

function readMeta(dir: string, id: string): BackupMeta {
  const raw = fs.readFileSync(path.join(backupsDir(dir), id, META_FILE), 'utf8');
  const m = JSON.parse(stripBom(raw)) as BackupMeta;
  if (m?.format !== 'analyst-workbench/backup' || m.id !== id || typeof m.files !== 'object' || !Array.isArray(m.texts)
    || (m.captures !== undefined && !(Array.isArray(m.captures) && m.captures.every((h) => /^[0-9a-f]{64}$/.test(h))))) {
    throw new Error('backup.json is not a backup description');
  }
  return m;
}

const toInfo = (m: BackupMeta, bytes: number, problem: string | null): BackupInfo => ({
  id: m.id, kind: m.kind, createdAt: m.createdAt, schemaVersion: m.schemaVersion, counts: m.counts,
  bytes, verified: problem === null, ...(problem ? { problem } : {}),
});

/**
 * Checks a backup: with `full`, every file is read back and hashed, the snapshot and manifest are parsed and
 * validated, and every text is hashed against its name; otherwise only presence and sizes. Null when good.
 */
export function checkBackup(dir: string, id: string, full: boolean): { meta: BackupMeta | null; bytes: number; problem: string | null } {
  const root = path.join(backupsDir(dir), id);
  let meta: BackupMeta;
  try {
    meta = readMeta(dir, id);
  } catch (e) {
    return { meta: null, bytes: 0, problem: `unreadable backup description (${(e as Error).message.slice(0, 100)})` };
  }
  let bytes = 0;
  for (const [name, want] of Object.entries(meta.files)) {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) return { meta, bytes, problem: `${name} is missing` };
    if (!full) {
      const size = fs.statSync(file).size;
      bytes += size;
      if (size !== want.bytes) return { meta, bytes, problem: `${name} has the wrong size` };
      continue;
    }
    const data = fs.readFileSync(file);
    bytes += data.length;
    if (sha256(data) !== want.sha256) return { meta, bytes, problem: `${name} does not match its checksum` };
    const problem = isShardFile(name) ? checkShardFile(name, data) : checkJsonFile(name, data.toString('utf8'), meta.files);
    if (problem) return { meta, bytes, problem };
  }
  for (const h of meta.texts) {
    const file = path.join(root, 'texts', `${h}.txt`);
    if (!fs.existsSync(file)) return { meta, bytes, problem: `the text ${h.slice(0, 12)}… is missing` };
    if (full && sha256(fs.readFileSync(file)) !== h) return { meta, bytes, problem: `the text ${h.slice(0, 12)}… is damaged` };
  }
  for (const h of meta.captures ?? []) {
    const file = path.join(root, CAPTURES_DIR, `${h}${BLOB_SUFFIX}`);
    if (!fs.existsSync(file)) return { meta, bytes, problem: `the capture file ${h.slice(0, 12)}… is missing` };
    if (full && sha256(fs.readFileSync(file)) !== h) return { meta, bytes, problem: `the capture file ${h.slice(0, 12)}… is damaged` };
  }
  return { meta, bytes, problem: null };
}

function checkJsonFile(name: string, raw: string, files: BackupMeta['files']): string | null {
  if (name !== 'snapshot.json' && name !== 'workspace.json') return null;
  let v: unknown;
  try {
    v = JSON.parse(stripBom(raw));
  } catch {
    return `${name} is not valid JSON`;
  }
  if (name === 'workspace.json') return validateManifest(v) ? `workspace.json: ${validateManifest(v)}` : null;
  const top = validateSnapshot(v);
  if (top) return `snapshot.json: ${top}`;
  const doc = v as SnapshotDoc;
  if (doc.schemaVersion > CURRENT_SCHEMA_VERSION) return 'it was made by a newer version of the workbench';
  // Every shard the index lists is in the backup, with the checksum the index expects (it was hashed above).
  const missing = (doc.shards ?? []).find((e) => files[e.file]?.sha256 !== e.sha256);
  if (missing) return `snapshot.json lists ${missing.file}, which the backup does not hold`;
  // Older snapshots are validated after migration, when they are opened.
  return doc.schemaVersion === CURRENT_SCHEMA_VERSION ? validateSnapshotContent(doc) : null;
}

/**
 * A shard's header only: the checksum already proves the bytes are those the workspace wrote (and checked on
 * open); parsing every shard of a large backup again would cost as much as opening it.
 */
function checkShardFile(name: string, data: Buffer): string | null {
  const ok = data.subarray(0, SHARD_HEAD.length).equals(SHARD_HEAD) && data[data.length - 1] === 0x7d;
  return ok ? null : `${name} is not a snapshot shard`;
}
const SHARD_HEAD = Buffer.from('{"format":"analyst-workbench/shard",');

/** Every backup, newest first. `full` reads back and hashes each (slow on big workspaces); otherwise a quick check. */
export function listBackups(dir: string, full = false): BackupInfo[] {
  const root = backupsDir(dir);
  if (!fs.existsSync(root)) return [];
  const out: BackupInfo[] = [];
  for (const id of fs.readdirSync(root)) {
    if (id.startsWith('.') || !fs.statSync(path.join(root, id)).isDirectory()) continue;
    const { meta, bytes, problem } = checkBackup(dir, id, full);
    out.push(meta ? toInfo(meta, bytes, problem) : {
      id, kind: 'manual', createdAt: '', schemaVersion: 0, counts: {}, bytes, verified: false, problem: problem ?? 'unreadable',
    });
  }
  return out.sort((a, b) => b.id.localeCompare(a.id));
}

/** The newest backup that passes the full check (and this app can read), or null. */
export function newestGoodBackup(dir: string): BackupInfo | null {
  for (const b of listBackups(dir, false)) {
    if (!b.verified || b.schemaVersion > CURRENT_SCHEMA_VERSION) continue;
    const full = checkBackup(dir, b.id, true);
    if (!full.problem) return { ...b, bytes: full.bytes };
  }
  return null;
}

/** Whether today's (local date) daily backup is still to be taken. */
export function dailyBackupDue(dir: string, now = new Date()): boolean {
  const day = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  const newest = listBackups(dir).find((b) => b.kind === 'daily' && b.verified);
  return !newest || day(new Date(newest.createdAt)) !== day(now);
}

/** Writes a backup durably (files fsynced, folder renamed into place, parent fsynced), verifies it, prunes old ones. */
export function createBackup(dir: string, input: BackupInput, ops: FsOps = realFs, now = new Date()): BackupInfo {
  const root = backupsDir(dir);
  let id = `${fileStamp(now)}-${input.kind}`;
  for (let n = 1; fs.existsSync(path.join(root, id)); n++) id = `${fileStamp(now)}-${input.kind}-${n}`;
  const tmp = path.join(root, `${INCOMPLETE}${id}`);
  try {
    ensureDir(root, ops);
    ops.mkdirSync(path.join(tmp, 'texts'));
    const files: BackupMeta['files'] = {};
    const shardsDir = path.join(tmp, 'shards');
    if (input.links?.length || Object.keys(input.files).some(isShardFile)) ops.mkdirSync(shardsDir);
    for (const [name, data] of Object.entries(input.files)) {
      writeFileDurable(path.join(tmp, name), data, ops);
      files[name] = { sha256: sha256(data), bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
    }
    for (const e of input.links ?? []) {
      linkOrCopy(path.join(dir, e.file), path.join(tmp, e.file), ops);
      files[e.file] = { sha256: e.sha256, bytes: e.bytes };
    }
    if (fs.existsSync(shardsDir)) fsyncDir(shardsDir, ops);
    const texts = input.texts.filter((h) => fs.existsSync(path.join(dir, 'texts', `${h}.txt`)));
    for (const h of texts) linkOrCopy(path.join(dir, 'texts', `${h}.txt`), path.join(tmp, 'texts', `${h}.txt`), ops);
    fsyncDir(path.join(tmp, 'texts'), ops);
    const captures = linkCaptures(dir, tmp, input.captures ?? [], ops);
    const meta: BackupMeta = {
      format: 'analyst-workbench/backup', id, kind: input.kind, createdAt: now.toISOString(),
      schemaVersion: input.schemaVersion, seq: input.seq, counts: input.counts, files, texts,
      ...(captures.length ? { captures } : {}),
    };
    writeFileDurable(path.join(tmp, META_FILE), JSON.stringify(meta, null, 2), ops);
    ops.renameSync(tmp, path.join(root, id));
    fsyncDir(root, ops);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw ioError(`Could not write a backup of ${dir}`, e, 'The workspace itself is unchanged.');
  }
  const check = checkBackup(dir, id, true);
  if (check.problem) {
    fs.rmSync(path.join(root, id), { recursive: true, force: true });
    throw new StoreError('io', `The new backup of ${dir} did not read back correctly (${check.problem}); it was discarded.`);
  }
  pruneBackups(dir);
  return toInfo(check.meta!, check.bytes, null);
}

/**
 * Hard-links the capture files that exist into the backup's captures/ (made only when there are some, so a backup of
 * a workspace without captures looks as before). A missing one is left out, like a missing text: the doctor reports it.
 */
function linkCaptures(dir: string, tmp: string, hashes: readonly string[], ops: FsOps): string[] {
  const present = hashes.filter((h) => fs.existsSync(path.join(dir, CAPTURES_DIR, `${h}${BLOB_SUFFIX}`)));
  if (present.length === 0) return [];
  ops.mkdirSync(path.join(tmp, CAPTURES_DIR));
  for (const h of present) {
    linkOrCopy(path.join(dir, CAPTURES_DIR, `${h}${BLOB_SUFFIX}`), path.join(tmp, CAPTURES_DIR, `${h}${BLOB_SUFFIX}`), ops);
  }
  fsyncDir(path.join(tmp, CAPTURES_DIR), ops);
  return present;
}

/** Keeps the newest KEEP[kind] of each kind; leftovers of interrupted backups go too (only the lock holder writes backups). */
function pruneBackups(dir: string): string[] {
  const root = backupsDir(dir);
  const removed: string[] = [];
  for (const name of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (name.startsWith(INCOMPLETE)) {
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  const seen: Partial<Record<BackupKind, number>> = {};
  for (const b of listBackups(dir)) {
    if (!b.verified) continue; // an unreadable backup is left for a person to look at
    seen[b.kind] = (seen[b.kind] ?? 0) + 1;
    if (seen[b.kind]! > KEEP[b.kind]) {
      fs.rmSync(path.join(root, b.id), { recursive: true, force: true });
      removed.push(b.id);
    }
  }
  return removed;
}

export const backupPath = (dir: string, id: string): string => path.join(backupsDir(dir), id);
