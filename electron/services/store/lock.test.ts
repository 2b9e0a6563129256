/** The workspace lock in one process: who may take it, what is refused with which message, what is never deleted. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireLock } from './lock';
import { StoreError } from './errors';
import { tempDir } from '../../../tests/unit/helpers';

const lockOf = (dir: string): string => path.join(dir, '.lock');
const readLock = (dir: string) => JSON.parse(fs.readFileSync(lockOf(dir), 'utf8')) as { pid: number; host: string; purpose: string; since: string };
const lockFiles = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.startsWith('.lock')).sort();
/** A pid no process has any more: a child that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;
const writeLock = (file: string, info: object): void => fs.writeFileSync(file, JSON.stringify(info));
const holder = (pid: number, purpose = 'crashed', host = os.hostname()) => ({ pid, host, since: '2026-11-30T09:00:00.000Z', purpose });

function refusal(f: () => unknown): StoreError {
  try {
    f();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected the lock to be refused, but it was taken');
}

describe('acquireLock', () => {
  it('writes a complete, owner-only lock naming this process, and release removes it', () => {
    const dir = tempDir();
    const release = acquireLock(dir, 'desktop app');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, host: os.hostname(), purpose: 'desktop app' });
    if (process.platform !== 'win32') expect(fs.statSync(lockOf(dir)).mode & 0o777).toBe(0o600);
    expect(lockFiles(dir)).toEqual(['.lock']); // no temp file left behind
    release();
    expect(lockFiles(dir)).toEqual([]);
  });

  it('refuses a second writer in this same process while the first holds the lock, and keeps the first lock', () => {
    const dir = tempDir();
    const release = acquireLock(dir, 'desktop app');
    const before = fs.readFileSync(lockOf(dir));
    const e = refusal(() => acquireLock(dir, 'cli'));
    expect(e.kind).toBe('locked');
    expect(e.message).toMatch(/already open in this process \(desktop app, since \d{4}-/);
    expect(fs.readFileSync(lockOf(dir))).toEqual(before);
    release();
  });

  it('refuses a live holder on this computer, naming its purpose, pid and start, and leaves its lock untouched', () => {
    const dir = tempDir();
    writeLock(lockOf(dir), holder(process.ppid, 'browser server'));
    const before = fs.readFileSync(lockOf(dir));
    const e = refusal(() => acquireLock(dir, 'cli'));
    expect(e.kind).toBe('locked');
    expect(e.message).toContain(`open in another window or process (browser server, pid ${process.ppid}, since 2026-11-30T09:00:00.000Z)`);
    expect(fs.readFileSync(lockOf(dir))).toEqual(before);
  });

  it('refuses a lock held on another computer, naming that computer', () => {
    const dir = tempDir();
    writeLock(lockOf(dir), holder(deadPid(), 'desktop app', 'analyst-laptop'));
    expect(refusal(() => acquireLock(dir, 'cli')).message).toMatch(/open on another computer \(analyst-laptop\)/);
    expect(readLock(dir).host).toBe('analyst-laptop');
  });

  it('takes over a lock left by a dead process, leaving no debris', () => {
    const dir = tempDir();
    writeLock(lockOf(dir), holder(deadPid()));
    const release = acquireLock(dir, 'cli');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, purpose: 'cli' });
    expect(lockFiles(dir)).toEqual(['.lock']);
    release();
  });

  it('takes over a lock naming this pid that this process does not hold (an earlier process had the same pid)', () => {
    const dir = tempDir();
    writeLock(lockOf(dir), holder(process.pid, 'before the restart'));
    const release = acquireLock(dir, 'cli');
    expect(readLock(dir).purpose).toBe('cli');
    release();
  });

  it('does not delete an unreadable lock younger than the grace period (being written): refuses and keeps it', () => {
    const dir = tempDir();
    fs.writeFileSync(lockOf(dir), '');
    const ino = fs.statSync(lockOf(dir)).ino;
    const e = refusal(() => acquireLock(dir, 'cli'));
    expect(e.kind).toBe('locked');
    expect(e.message).toMatch(/being opened by another process \(another process is writing its lock right now\)/);
    expect(fs.statSync(lockOf(dir)).ino).toBe(ino);
    expect(fs.readFileSync(lockOf(dir), 'utf8')).toBe('');
  });

  it('takes over an unreadable lock older than the grace period (a crash while it was written)', () => {
    const dir = tempDir();
    fs.writeFileSync(lockOf(dir), '{"pid":');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockOf(dir), old, old);
    const release = acquireLock(dir, 'cli');
    expect(readLock(dir).purpose).toBe('cli');
    release();
  });

  it('release removes only its own lock: one that replaced it (same process, same pid) stays', () => {
    const dir = tempDir();
    const first = acquireLock(dir, 'first');
    fs.rmSync(lockOf(dir)); // removed by hand, as after a crash
    const second = acquireLock(dir, 'second');
    first();
    expect(readLock(dir).purpose).toBe('second');
    second();
    expect(lockFiles(dir)).toEqual([]);
  });

  it('release leaves a lock of another process alone', () => {
    const dir = tempDir();
    const release = acquireLock(dir, 'cli');
    fs.rmSync(lockOf(dir));
    writeLock(lockOf(dir), holder(process.ppid, 'browser server'));
    release();
    expect(readLock(dir).purpose).toBe('browser server');
  });

  it('works without hard links (exclusive create, then write): fresh, refused while held, stale taken over', () => {
    const dir = tempDir();
    const release = acquireLock(dir, 'no links', { noHardLinks: true });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, purpose: 'no links' });
    expect(refusal(() => acquireLock(dir, 'again', { noHardLinks: true })).message).toMatch(/already open in this process \(no links/);
    release();
    writeLock(lockOf(dir), holder(deadPid()));
    const again = acquireLock(dir, 'after crash', { noHardLinks: true });
    expect(readLock(dir).purpose).toBe('after crash');
    expect(lockFiles(dir)).toEqual(['.lock']);
    again();
  });

  it('waits for a take-over another live process is doing, then refuses without touching the stale lock', () => {
    const dir = tempDir();
    writeLock(lockOf(dir), holder(deadPid()));
    const before = fs.readFileSync(lockOf(dir));
    writeLock(`${lockOf(dir)}.takeover`, holder(process.ppid, 'taking over a stale lock'));
    expect(refusal(() => acquireLock(dir, 'cli')).message).toMatch(/being opened by another process \(another process is taking over its stale lock/);
    expect(fs.readFileSync(lockOf(dir))).toEqual(before);
  });

  it('clears a take-over marker left by a process that died in the middle of a take-over, and debris of dead contenders', () => {
    const dir = tempDir();
    const dead = deadPid();
    writeLock(lockOf(dir), holder(dead));
    writeLock(`${lockOf(dir)}.takeover`, holder(dead, 'taking over a stale lock'));
    fs.writeFileSync(`${lockOf(dir)}.new.${dead}.0123abcd`, '{}');
    fs.writeFileSync(`${lockOf(dir)}.stale.${dead}.0123abcd`, '{}');
    const release = acquireLock(dir, 'cli');
    expect(readLock(dir).purpose).toBe('cli');
    expect(lockFiles(dir)).toEqual(['.lock']);
    release();
  });
});
