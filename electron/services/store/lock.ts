/** One writer per workspace: a lock file naming its holder, taken and taken over atomically (docs/adr/0005). */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import crypto from 'node:crypto';
import { StoreError } from './errors';
import { PRIVATE_FILE_MODE } from './durable-fs';

interface LockInfo { pid: number; host: string; since: string; purpose: string; token?: string }

export interface LockOptions {
  /** Test hook: behave as on a file system without hard links (exclusive create, then write). */
  noHardLinks?: boolean;
}

/** An unreadable lock younger than this is one being written (no-hard-link fallback), not one left by a crash. */
const HALF_WRITTEN_GRACE_MS = 5_000;
/** How long to wait for another process that is writing the lock or taking a stale one over, before refusing. */
const BUSY_WAIT_MS = 2_000;
/** Errors meaning "no hard links on this file system" (FAT, some network shares): use the fallback. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

/** Locks this process holds (lock file → token): a second open in this process is refused, never taken over. */
const heldHere = new Map<string, string>();

/** What was read from a lock file, with its identity: only the exact file inspected may ever be removed. */
interface Seen { info: LockInfo | null; raw: Buffer; ino: number; dev: number; mtimeMs: number }

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;
const uniqueSuffix = (): string => `${process.pid}.${crypto.randomBytes(6).toString('hex')}`;
const sleepSync = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sameFile = (a: Seen, b: Seen): boolean => a.ino === b.ino && a.dev === b.dev && a.raw.equals(b.raw);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === 'EPERM';
  }
}

function parse(raw: Buffer): LockInfo | null {
  try {
    const v = JSON.parse(raw.toString('utf8')) as Partial<LockInfo> | null;
    const ok = v && Number.isSafeInteger(v.pid) && typeof v.host === 'string' && typeof v.since === 'string' && typeof v.purpose === 'string';
    return ok ? (v as LockInfo) : null;
  } catch {
    return null;
  }
}

/** Reads a lock file through one descriptor, so content and identity belong together; null when it is gone. */
function inspect(file: string): Seen | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = fs.fstatSync(fd);
    const raw = fs.readFileSync(fd);
    return { info: parse(raw), raw, ino: st.ino, dev: st.dev, mtimeMs: st.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates `file` exclusively and writes it durably; a file it created but could not write (disk full) is removed. */
function writeNew(file: string, content: string): void {
  const fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true }); // ours (exclusive create), and unreadable: nobody has taken it for a live lock
    throw e;
  }
  fs.closeSync(fd);
}

/**
 * Creates `file` holding `content` unless it exists (false then). With hard links the file appears complete:
 * the content is written to a unique temp file which is then linked into place (link never replaces). Without
 * them it is created exclusively and then written, so others may briefly see it empty (see HALF_WRITTEN_GRACE_MS).
 */
function createExclusive(file: string, content: string, opts: LockOptions): boolean {
  if (!opts.noHardLinks) {
    // Not a ".tmp" name: the lock holder's open removes those, and this one belongs to a contender.
    const tmp = `${file}.new.${uniqueSuffix()}`;
    writeNew(tmp, content);
    try {
      fs.linkSync(tmp, file);
      return true;
    } catch (e) {
      if (codeOf(e) === 'EEXIST') return false;
      if (!NO_LINKS.has(codeOf(e) ?? '')) throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  try {
    writeNew(file, content);
    return true;
  } catch (e) {
    if (codeOf(e) === 'EEXIST') return false;
    throw e;
  }
}

/** Puts a file back without replacing anything that appeared meanwhile. */
function restoreNoReplace(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (e) {
    if (codeOf(e) === 'EEXIST') return;
    if (!NO_LINKS.has(codeOf(e) ?? '')) throw e;
    try { fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL); } catch { /* one appeared meanwhile */ }
  }
}

/**
 * Removes `file` only if it is still exactly `seen`: it is renamed aside (atomic: of several contenders only one
 * rename of that entry succeeds), then what was moved is compared with what was inspected. Anything else that got
 * moved is put back (link, never replacing). True when `seen` itself was removed.
 */
function removeExactly(file: string, seen: Seen): boolean {
  const aside = `${file}.stale.${uniqueSuffix()}`;
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return false;
    throw e;
  }
  const moved = inspect(aside);
  const same = moved !== null && sameFile(moved, seen);
  if (!same && moved) restoreNoReplace(aside, file);
  fs.rmSync(aside, { force: true });
  return same;
}

type Verdict = 'stale' | 'busy';

/** Whether a lock may be taken over; throws StoreError('locked') naming a live holder. */
function judge(dir: string, file: string, seen: Seen): Verdict {
  const holder = seen.info;
  if (!holder) return Date.now() - seen.mtimeMs < HALF_WRITTEN_GRACE_MS ? 'busy' : 'stale';
  if (holder.host !== os.hostname()) {
    throw new StoreError('locked', `The workspace ${dir} is open on another computer (${holder.host}).`);
  }
  if (holder.pid === process.pid) {
    // Our pid but not a lock this process holds: left by an earlier process that had the same pid (containers).
    if (holder.token === undefined || heldHere.get(file) !== holder.token) return 'stale';
    throw new StoreError('locked', `The workspace ${dir} is already open in this process (${holder.purpose}, since ${holder.since}). Close it first.`);
  }
  if (alive(holder.pid)) {
    throw new StoreError('locked',
      `The workspace ${dir} is open in another window or process (${holder.purpose}, pid ${holder.pid}, since ${holder.since}). Close it first.`);
  }
  return 'stale';
}

/**
 * Take-overs are serialised by a second lock file (`.lock.takeover`), held for microseconds: without it, a
 * contender could inspect the stale lock, be overtaken by another that removes it and locks anew, and then remove
 * that new, live lock. False when another process is taking over right now.
 */
function withTakeoverMutex(file: string, opts: LockOptions, work: () => void): boolean {
  const mutex = `${file}.takeover`;
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose: 'taking over a stale lock', token: uniqueSuffix() });
  let got = createExclusive(mutex, content, opts);
  if (!got) {
    // A mutex whose holder died (crashed in the middle of a take-over) is removed, exactly that one, then retried.
    const seen = inspect(mutex);
    const stale = seen !== null && (seen.info
      ? seen.info.host === os.hostname() && (seen.info.pid === process.pid || !alive(seen.info.pid))
      : Date.now() - seen.mtimeMs >= HALF_WRITTEN_GRACE_MS);
    if (seen === null || (stale && removeExactly(mutex, seen))) got = createExclusive(mutex, content, opts);
  }
  if (!got) return false;
  try {
    work();
  } finally {
    const mine = inspect(mutex);
    if (mine?.raw.toString('utf8') === content) fs.rmSync(mutex, { force: true });
  }
  return true;
}

/** Removes debris of contenders that died between two steps (their pid is in the name). */
function sweepDebris(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const m = /^\.lock\.(?:new|stale)\.(\d+)\./.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Takes the lock or throws StoreError('locked') naming the holder. A lock left by a dead process on this computer
 * (or unreadable for longer than HALF_WRITTEN_GRACE_MS) is taken over; of any number of processes trying at once,
 * exactly one succeeds. Returns the release function, which removes the lock only while it is still this one.
 */
export function acquireLock(dir: string, purpose: string, opts: LockOptions = {}): () => void {
  const file = path.join(dir, '.lock');
  const token = crypto.randomBytes(12).toString('hex');
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose, token };
  const content = JSON.stringify(mine);
  const deadline = Date.now() + BUSY_WAIT_MS;
  let why = 'its lock could not be taken';
  while (Date.now() <= deadline) {
    if (createExclusive(file, content, opts)) {
      heldHere.set(file, token);
      try { sweepDebris(dir); } catch { /* tidiness only */ }
      return () => release(file, token);
    }
    const seen = inspect(file);
    if (!seen) continue; // released meanwhile: try again
    if (judge(dir, file, seen) === 'stale') {
      // Under the mutex the stale lock cannot change except by its (dead) holder: check, then remove exactly it.
      const done = withTakeoverMutex(file, opts, () => {
        const now = inspect(file);
        if (now && sameFile(now, seen)) removeExactly(file, now);
      });
      if (done) continue;
      why = 'another process is taking over its stale lock right now';
    } else {
      why = 'another process is writing its lock right now';
    }
    sleepSync(2);
  }
  throw new StoreError('locked', `The workspace ${dir} is being opened by another process (${why}). Try again in a moment.`);
}

/**
 * Removes the lock if it is still ours (same token). Residual race, documented in ADR 0005: between the check and
 * the unlink another process could replace the file only by judging a live holder stale, which no process does.
 */
function release(file: string, token: string): void {
  if (heldHere.get(file) !== token) return;
  heldHere.delete(file);
  const cur = inspect(file);
  if (cur?.info?.token === token && cur.info.pid === process.pid) fs.rmSync(file, { force: true });
}
