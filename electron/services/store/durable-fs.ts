/** File writes that survive power loss: temp file + fsync + rename + directory fsync. */
import fs from 'node:fs';
import path from 'node:path';

/** The fs calls this module uses, injectable so tests can spy on them or inject faults (ENOSPC, EIO…). */
export interface FsOps {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: string | Uint8Array) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  unlinkSync: typeof fs.unlinkSync;
  /** Backups hard-link immutable text files. */
  linkSync: typeof fs.linkSync;
  mkdirSync: (dir: string) => void;
  /** The journal checks its file's size and identity before appending, and cuts it back on failure. */
  fstatSync: (fd: number) => fs.Stats;
  ftruncateSync: (fd: number, length: number) => void;
}

/**
 * Owner-only permissions for everything the workbench writes (workspace, backups, quarantine, exports): source
 * texts and notes are often confidential, and other local accounts must not read them. POSIX only; on Windows
 * Node ignores these bits and files inherit the ACL of their folder (the per-user profile by default).
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export const realFs: FsOps = {
  openSync: fs.openSync,
  writeSync: (fd, data) => (typeof data === 'string' ? fs.writeSync(fd, data) : fs.writeSync(fd, data)),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
  linkSync: fs.linkSync,
  mkdirSync: (dir) => void fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE }),
  fstatSync: (fd) => fs.fstatSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
};

/** Temp files this module creates end with this suffix (the doctor reports leftovers). */
export const TEMP_SUFFIX = '.tmp';
let tempCounter = 0;

/** fsync a directory so a rename or create inside it is durable. Not supported on Windows: skipped there. */
export function fsyncDir(dir: string, ops: FsOps = realFs): void {
  if (process.platform === 'win32') return;
  const fd = ops.openSync(dir, 'r');
  try {
    ops.fsyncSync(fd);
  } finally {
    ops.closeSync(fd);
  }
}

function writeAll(fd: number, data: string | Uint8Array, ops: FsOps): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let off = 0;
  while (off < buf.length) off += ops.writeSync(fd, buf.subarray(off));
}

/**
 * Atomically replaces `file` with `data`: readers see the old or the new content, never a mix,
 * and once this returns the new content is on disk. On failure the temp file is removed.
 */
export function writeFileDurable(file: string, data: string | Uint8Array, ops: FsOps = realFs): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.${tempCounter++}${TEMP_SUFFIX}`);
  let fd: number | null = null;
  try {
    fd = ops.openSync(tmp, 'w', PRIVATE_FILE_MODE);
    writeAll(fd, data, ops);
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = null;
    ops.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) {
      try { ops.closeSync(fd); } catch { /* already failing */ }
    }
    try { ops.unlinkSync(tmp); } catch { /* may not exist */ }
    throw e;
  }
  fsyncDir(dir, ops);
}

/** Appends bytes to an open file descriptor and fsyncs it: the append is durable when this returns. */
export function appendDurable(fd: number, data: string, ops: FsOps = realFs): void {
  writeAll(fd, data, ops);
  ops.fsyncSync(fd);
}

/**
 * Makes `to` hold the same bytes as the immutable file `from`, durably: a hard link where the file system
 * allows one (no extra space), else a copy written like any durable file. The caller fsyncs `to`'s folder.
 */
export function linkOrCopy(from: string, to: string, ops: FsOps = realFs): void {
  try {
    ops.linkSync(from, to);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Only "links are not possible here" falls back to a copy; a full or failing disk is an error.
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'ENOSYS') throw e;
  }
  writeFileDurable(to, fs.readFileSync(from), ops);
}

/** Moves a file (same file system) and makes both folder entries durable. */
export function moveDurable(from: string, to: string, ops: FsOps = realFs): void {
  ops.renameSync(from, to);
  fsyncDir(path.dirname(to), ops);
  if (path.dirname(from) !== path.dirname(to)) fsyncDir(path.dirname(from), ops);
}

/** A UTF-8 byte-order mark some editors put in front of JSON; tolerated on read (see docs/adr/0004). */
export const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/**
 * Removes temp files an interrupted writeFileDurable left in `dirs` (a crash between create and rename).
 * They were never renamed into place, so they hold nothing acknowledged. Only the lock holder may call this.
 */
export function removeStaleTempFiles(dirs: readonly string[]): number {
  let removed = 0;
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('.') || !name.endsWith(TEMP_SUFFIX)) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
