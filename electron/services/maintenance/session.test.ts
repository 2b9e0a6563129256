/** Hosts serve a session: a damaged workspace starts recovery mode (every method still answers), and backups.restore swaps it back. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract/api';
import { dispatch } from '../api/dispatch';
import { WorkspaceSession } from './session';
import { WorkspaceStore } from '../store/workspace-store';
import { buildRichWorkspace } from '../../../tests/robustness/fixture';
import { tempDir } from '../../../tests/unit/helpers';

const call = async (s: WorkspaceSession, method: string, req: unknown = {}) => {
  const r = await dispatch(s.handlers, method, req);
  return r as { ok: boolean; value?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

async function damagedWithBackup(): Promise<{ dir: string; atBackup: string }> {
  const dir = tempDir();
  await buildRichWorkspace(dir);
  const s = await WorkspaceStore.open(dir); // daily backup
  const atBackup = JSON.stringify(s.state.toJson());
  await s.close();
  fs.writeFileSync(path.join(dir, 'snapshot.json'), Buffer.alloc(300)); // NUL bytes
  return { dir, atBackup };
}

describe('workspace session (hosts)', () => {
  it('starts recovery mode on a damaged workspace: workspace.info explains, every other method refuses clearly', async () => {
    const { dir } = await damagedWithBackup();
    const s = await WorkspaceSession.start({ dir, purpose: 'test' });
    expect(s.recovery).not.toBeNull();
    const info = await call(s, 'workspace.info');
    expect(info.ok).toBe(true);
    expect(info.value.recovery).toMatchObject({ kind: 'damaged', canContinue: true });
    expect(info.value.recovery.message).toMatch(/snapshot\.json.*moved to quarantine\/snapshot\.json\..*nothing was deleted/s);
    expect(info.value.recovery.recommendedBackupId).toMatch(/-daily$/);
    const open = new Set(['workspace.info', 'backups.list', 'backups.restore', 'recovery.continue']);
    for (const m of METHOD_NAMES) {
      if (open.has(m)) continue;
      const handler = s.handlers[m] as (req: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;
      const r = await handler({});
      expect(r.ok, m).toBe(false);
      expect(r.error!.code, m).toBe('storage_failed');
      expect(r.error!.message, m).toMatch(/cannot be used until it is recovered/);
    }
    expect((await call(s, 'backups.list')).value.length).toBeGreaterThan(0);
    await s.close();
  });

  it('backups.restore from recovery mode reopens the workspace with the backup, exactly', async () => {
    const { dir, atBackup } = await damagedWithBackup();
    const s = await WorkspaceSession.start({ dir, purpose: 'test' });
    const id = s.recovery!.recommendedBackupId!;
    const r = await call(s, 'backups.restore', { id });
    expect(r.ok).toBe(true);
    expect(r.value.restored.id).toBe(id);
    expect(s.recovery).toBeNull();
    expect(JSON.stringify(s.wb!.state.toJson())).toBe(atBackup);
    const info = await call(s, 'workspace.info');
    expect(info.value.recovery).toBeUndefined();
    expect((await call(s, 'sources.list')).value).toHaveLength(2);
    await s.close();
  });

  it('backups.restore in normal mode swaps the open workspace under the same handlers', async () => {
    const dir = tempDir();
    const s = await WorkspaceSession.start({ dir, purpose: 'test' });
    expect((await call(s, 'tags.create', { name: 'kept' })).ok).toBe(true);
    const b = await call(s, 'backups.create');
    expect(b.ok).toBe(true);
    expect((await call(s, 'tags.create', { name: 'undone by the restore' })).ok).toBe(true);
    expect((await call(s, 'backups.restore', { id: 'nope-manual' })).error?.code).toBe('not_found');
    const r = await call(s, 'backups.restore', { id: b.value.id });
    expect(r.ok).toBe(true);
    expect((await call(s, 'tags.list')).value.map((t: { name: string }) => t.name)).toEqual(['kept']);
    expect((await call(s, 'recovery.continue')).error?.code).toBe('conflict');
    await s.close();
  });

  it('recovery.continue keeps the readable part of a damaged journal', async () => {
    const dir = tempDir();
    const s0 = await WorkspaceSession.start({ dir, purpose: 'test' });
    for (const name of ['a', 'b', 'c']) await call(s0, 'tags.create', { name });
    await s0.close();
    const journal = path.join(dir, 'journal.log');
    const lines = fs.readFileSync(journal, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"c"', '"C"'); // checksum no longer matches: damage in the middle
    fs.writeFileSync(journal, `${lines.join('\n')}`);
    const s = await WorkspaceSession.start({ dir, purpose: 'test' });
    expect(s.recovery?.continueEffect).toMatch(/2 readable change\(s\) of journal\.log before line 3/);
    const r = await call(s, 'recovery.continue');
    expect(r).toMatchObject({ ok: true, value: { opened: true } });
    expect((await call(s, 'tags.list')).value.map((t: { name: string }) => t.name)).toEqual(['a', 'b']);
    expect(fs.readdirSync(path.join(dir, 'quarantine')).some((f) => f.startsWith('journal.log.'))).toBe(true);
    await s.close();
  });

  it('a newer workspace is refused untouched, in recovery mode without quarantine', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify({ format: 'analyst-workbench', schemaVersion: 7, id: 'x', createdAt: 'x' }));
    const s = await WorkspaceSession.start({ dir, purpose: 'test' });
    expect(s.recovery).toMatchObject({ kind: 'too_new', quarantined: [], canContinue: false });
    expect((await call(s, 'sources.list')).error?.message).toMatch(/newer version/);
    // Only this session's lock sits beside it while it is served (so a restore cannot be raced), and goes at close.
    expect(fs.readdirSync(dir).sort()).toEqual(['.lock', 'workspace.json']);
    await s.close();
    expect(fs.readdirSync(dir)).toEqual(['workspace.json']);
  });
});
