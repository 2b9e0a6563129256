/** One writer per workspace: an exclusive lock file naming the process that holds it. */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { StoreError } from './errors';

interface LockInfo { pid: number; host: string; since: string; purpose: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the lock or throws StoreError('locked') naming the holder. A lock left by a dead process is taken over. */
export function acquireLock(dir: string, purpose: string): () => void {
  const file = path.join(dir, '.lock');
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        const cur = readLock(file);
        if (cur?.pid === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      const sameHost = holder?.host === os.hostname();
      if (holder && sameHost && holder.pid !== process.pid && alive(holder.pid)) {
        throw new StoreError('locked',
          `The workspace ${dir} is open in another window or process (${holder.purpose}, pid ${holder.pid}, since ${holder.since}). Close it first.`);
      }
      if (holder && !sameHost) {
        throw new StoreError('locked', `The workspace ${dir} is open on another computer (${holder.host}).`);
      }
      // Stale (dead holder, or unreadable half-written lock): remove and retry.
      fs.rmSync(file, { force: true });
    }
  }
  throw new StoreError('locked', `Could not lock the workspace ${dir}.`);
}
