/** Daily backups for a workspace left open for days: the store checks every hour, retries failures, stops on close. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { listBackups } from './backups';
import { realFs, type FsOps } from './durable-fs';
import type { Tag } from '../../../shared/domain/types';
import { makeTx } from '../../../shared/domain/ops';
import { tempDir } from '../../../tests/unit/helpers';

const HOUR = 3_600_000;
const tag: Tag = { id: 't1', name: 'one', color: '#000000', parentId: null, createdAt: '2026-01-01T00:00:00Z' };

const dailies = (dir: string) => listBackups(dir).filter((b) => b.kind === 'daily');

/** A non-empty workspace (empty ones are never backed up), closed again. */
async function seeded(dir: string): Promise<void> {
  const s = await WorkspaceStore.open(dir, { autoBackup: false });
  s.commit({ kind: 'tx', tx: makeTx('put', [{ t: 'put', c: 'tags', v: tag }], s.state) });
  await s.close();
}

/**
 * Only timers and the clock are faked: the store's file reads are real I/O, and setImmediate (compaction) stays real.
 * Starts half an hour after local midnight, so 71 hours span exactly three calendar days.
 */
function fakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date(2026, 2, 10, 0, 30));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the daily backup while the workspace stays open', () => {
  it('a store open for 3 days takes 3 daily backups, one per calendar day', async () => {
    const dir = tempDir();
    await seeded(dir);
    fakeClock();
    const s = await WorkspaceStore.open(dir, { autoBackup: 'deferred' });
    vi.advanceTimersByTime(71 * HOUR);
    const days = dailies(dir).map((b) => new Date(b.createdAt).getDate()).sort();
    expect(days).toEqual([10, 11, 12]);
    expect(s.backupProblem).toBeNull();
    await s.close();
  });

  it('also with an immediate (not deferred) first backup', async () => {
    const dir = tempDir();
    await seeded(dir);
    fakeClock();
    const s = await WorkspaceStore.open(dir);
    expect(dailies(dir)).toHaveLength(1);
    vi.advanceTimersByTime(48 * HOUR); // 00:30 on the third day
    expect(dailies(dir)).toHaveLength(3);
    await s.close();
  });

  it('close stops the hourly check: no timer is left and no more backups are taken', async () => {
    const dir = tempDir();
    await seeded(dir);
    fakeClock();
    const s = await WorkspaceStore.open(dir, { autoBackup: 'deferred' });
    vi.advanceTimersByTime(HOUR);
    expect(vi.getTimerCount()).toBe(1);
    await s.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(72 * HOUR);
    expect(dailies(dir)).toHaveLength(1);
    expect(s.backupProblem).toBeNull();
  });

  it('a failed backup is recorded, not thrown, and retried at the next hourly check', async () => {
    const dir = tempDir();
    await seeded(dir);
    let diskFull = true;
    const ops: FsOps = {
      ...realFs,
      mkdirSync: (d: string) => {
        if (diskFull) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        realFs.mkdirSync(d);
      },
    };
    fakeClock();
    const s = await WorkspaceStore.open(dir, { fs: ops });
    expect(s.backupProblem).toMatch(/space/i);
    expect(dailies(dir)).toHaveLength(0);
    vi.advanceTimersByTime(HOUR); // still full: recorded again, nothing thrown
    expect(s.backupProblem).toMatch(/space/i);
    diskFull = false;
    vi.advanceTimersByTime(HOUR);
    expect(dailies(dir)).toHaveLength(1);
    expect(s.backupProblem).toBeNull();
    await s.close();
  });

  it('read-only and autoBackup:false stores start no timer', async () => {
    const dir = tempDir();
    await seeded(dir);
    fakeClock();
    const ro = await WorkspaceStore.open(dir, { readOnly: true });
    const off = await WorkspaceStore.open(dir, { autoBackup: false });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(48 * HOUR);
    expect(dailies(dir)).toHaveLength(0);
    await off.close();
    await ro.close();
  });
});
