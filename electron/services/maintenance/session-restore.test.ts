/** A host's restore keeps the workspace lock from close to reopen, and the host stays usable whatever the restore meets. */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { WorkspaceSession } from './session';
import { buildRichWorkspace } from '../../../tests/robustness/fixture';
import { builtLockIntruder, ensureBuilt, root } from '../../../tests/robustness/build';
import { spyFs } from '../../../tests/robustness/fs-spy';
import { tempDir } from '../../../tests/unit/helpers';

type Reply = { ok: boolean; value?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
const call = async (s: WorkspaceSession, method: string, req: unknown = {}): Promise<Reply> => (await dispatch(s.handlers, method, req)) as Reply;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});
beforeAll(() => ensureBuilt(), 180_000);

/** Starts a process that tries to take the lock in a tight loop; resolves once it is trying, and records what it says. */
function intruder(dir: string, forMs: number): Promise<{ out: () => string }> {
  const child = spawn(process.execPath, [builtLockIntruder, '--dir', dir, '--for-ms', String(forMs)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('trying')) resolve({ out: () => out });
    });
    child.once('error', reject);
  });
}

/** The session serves the workspace normally: it reads, and a write is acknowledged. */
async function expectUsable(s: WorkspaceSession, label: string): Promise<void> {
  const info = await call(s, 'workspace.info');
  expect(info.ok, label).toBe(true);
  expect(info.value.recovery, label).toBeUndefined();
  const tag = await call(s, 'tags.create', { name: `after ${label}`, parentId: null });
  expect(tag.ok, `${label}: ${tag.error?.message}`).toBe(true);
}

describe('restoring a backup in a host', () => {
  it('never lets a process spinning on the lock in between: 15 restores, each leaves the workspace served and writable', async () => {
    const dir = tempDir();
    await buildRichWorkspace(dir);
    const s = await WorkspaceSession.start({ dir, purpose: 'test host', open: { autoBackup: false } });
    const backup = await call(s, 'backups.create', {});
    expect(backup.ok, backup.error?.message).toBe(true);
    const other = await intruder(dir, 60_000);
    for (let i = 0; i < 15; i++) {
      const r = await call(s, 'backups.restore', { id: backup.value.id });
      expect(r.ok, `restore ${i}: ${r.error?.message}`).toBe(true);
      await expectUsable(s, `restore ${i}`);
    }
    expect(other.out()).not.toMatch(/got/);
    await s.close();
    // Once the host closes, the other process gets the workspace: the lock was the session's, and it is let go.
    for (let waited = 0; !/got after/.test(other.out()) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(other.out()).toMatch(/got after/);
  });

  it('a restore that fails half-way leaves recovery mode served, and the next restore brings the workspace back', async () => {
    const dir = tempDir();
    await buildRichWorkspace(dir);
    const spy = spyFs();
    const s = await WorkspaceSession.start({ dir, purpose: 'test host', open: { autoBackup: false, fs: spy.ops } });
    const backup = await call(s, 'backups.create', {});
    expect(backup.ok).toBe(true);
    // Fail a durable write inside the restore (after closing the workspace and quarantining the live files).
    spy.arm(12, 'EIO');
    const failed = await call(s, 'backups.restore', { id: backup.value.id });
    spy.disarm();
    expect(failed.ok).toBe(false);
    expect(failed.error!.message).toMatch(/Could not restore the backup .*input\/output error.*recovery mode/s);
    const info = await call(s, 'workspace.info');
    expect(info.ok).toBe(true);
    expect(info.value.recovery?.kind).toBe('restore_interrupted');
    const again = await call(s, 'backups.restore', { id: backup.value.id });
    expect(again.ok, again.error?.message).toBe(true);
    await expectUsable(s, 'second restore');
    await s.close();
  });
});
