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
}

export const realFs: FsOps = {
  openSync: fs.openSync,
  writeSync: (fd, data) => (typeof data === 'string' ? fs.writeSync(fd, data) : fs.writeSync(fd, data)),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
};

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
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = ops.openSync(tmp, 'w');
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
