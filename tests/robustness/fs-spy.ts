/** FsOps wrappers for tests: a call log naming the file each call touches, and a fault injector (ENOSPC, EIO, EACCES…). */
import fs from 'node:fs';
import path from 'node:path';
import { realFs, type FsOps } from '../../electron/services/store/durable-fs';

export interface SpyFs {
  ops: FsOps;
  /** e.g. "open .snapshot.json.1.2.0.tmp", "write …", "fsync …", "close …", "rename a -> b", "link a -> b", "mkdir d". */
  calls: string[];
  /** Number of FsOps calls so far (faults are armed by this count). */
  count(): number;
  /** Makes the n-th call from now (0 = the next one) fail with `code`, once. */
  arm(n: number, code: string): void;
  disarm(): void;
}

const name = (p: fs.PathLike): string => path.basename(String(p));

export function spyFs(): SpyFs {
  const calls: string[] = [];
  const fdNames = new Map<number, string>();
  let n = 0;
  let armedAt = -1;
  let armedCode = '';
  const step = (label: string) => {
    const i = n++;
    if (i === armedAt) {
      armedAt = -1;
      calls.push(`FAIL ${armedCode} ${label}`);
      throw Object.assign(new Error(`${armedCode}: injected fault at ${label}`), { code: armedCode });
    }
    calls.push(label);
  };
  const ops: FsOps = {
    openSync: ((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      step(`open ${name(p)}`);
      const fd = realFs.openSync(p, flags as fs.OpenMode, mode);
      fdNames.set(fd, name(p));
      return fd;
    }) as typeof fs.openSync,
    writeSync: (fd, d) => { step(`write ${fdNames.get(fd)}`); return realFs.writeSync(fd, d); },
    fsyncSync: (fd) => { step(`fsync ${fdNames.get(fd)}`); realFs.fsyncSync(fd); },
    closeSync: (fd) => { step(`close ${fdNames.get(fd)}`); realFs.closeSync(fd); fdNames.delete(fd); },
    renameSync: (a, b) => { step(`rename ${name(a)} -> ${name(b)}`); realFs.renameSync(a, b); },
    unlinkSync: (p) => { calls.push(`unlink ${name(p)}`); realFs.unlinkSync(p); }, // cleanup path: never faulted
    linkSync: (a, b) => { step(`link ${name(a)} -> ${name(b)}`); realFs.linkSync(a, b); },
    mkdirSync: (d) => { step(`mkdir ${name(d)}`); realFs.mkdirSync(d); },
    // Checks and the rollback path: passed through, neither logged nor faulted (as before they were injectable).
    fstatSync: (fd) => realFs.fstatSync(fd),
    ftruncateSync: (fd, n) => realFs.ftruncateSync(fd, n),
  };
  return {
    ops, calls, count: () => n,
    arm: (k, code) => { armedAt = n + k; armedCode = code; },
    disarm: () => { armedAt = -1; },
  };
}

/** Every temp file (ours end in .tmp; backups in progress start with .incomplete-) under `dir`, recursively. */
export function tempFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.name.endsWith('.tmp') || e.name.startsWith('.incomplete-')) out.push(path.join(e.parentPath, e.name));
  }
  return out;
}
