/** The store on a real disk: durability calls, replay, torn tails, schema refusal, locking. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { realFs, type FsOps } from './durable-fs';
import { StoreError } from './errors';
import type { Tag } from '../../../shared/domain/types';
import { makeTx } from '../../../shared/domain/ops';
import { tempDir } from '../../../tests/unit/helpers';

const tag = (id: string, name = id): Tag => ({ id, name, color: '#000000', parentId: null, createdAt: '2026-01-01T00:00:00Z' });

function putTag(s: WorkspaceStore, t: Tag): void {
  s.commit({ kind: 'tx', tx: makeTx('put', [{ t: 'put', c: 'tags', v: t }], s.state) });
}

/** Records fs calls in order, so a test can check that fsync precedes the acknowledgement. */
function spyFs(): { ops: FsOps; calls: string[] } {
  const calls: string[] = [];
  const ops: FsOps = {
    ...realFs,
    openSync: ((p: fs.PathLike, f?: fs.OpenMode, m?: fs.Mode) => { calls.push(`open ${path.basename(String(p))}`); return realFs.openSync(p, f as fs.OpenMode, m); }) as typeof fs.openSync,
    writeSync: (fd, d) => { calls.push('write'); return realFs.writeSync(fd, d); },
    fsyncSync: (fd) => { calls.push('fsync'); realFs.fsyncSync(fd); },
    renameSync: (a, b) => { calls.push(`rename ${path.basename(String(b))}`); realFs.renameSync(a, b); },
  };
  return { ops, calls };
}

describe('WorkspaceStore', () => {
  it('fsyncs each journal append before acknowledging, and the directory when files are created', async () => {
    const dir = tempDir();
    const { ops, calls } = spyFs();
    const s = await WorkspaceStore.open(dir, { fs: ops });
    // Creating the manifest: temp write, fsync, rename, then the directory opened and fsynced.
    const renameAt = calls.indexOf('rename workspace.json');
    expect(calls.slice(0, renameAt)).toContain('fsync');
    expect(calls.slice(renameAt + 1, renameAt + 3)).toEqual([`open ${path.basename(dir)}`, 'fsync']);
    calls.length = 0;
    putTag(s, tag('a'));
    expect(calls).toEqual(['write', 'fsync']);
    await s.close();
  });

  it('replays acknowledged changes after an unclean exit (no close), including undo history', async () => {
    const dir = tempDir();
    const s = await WorkspaceStore.open(dir);
    putTag(s, tag('a'));
    putTag(s, tag('b'));
    s.commit({ kind: 'undo' });
    fs.rmSync(path.join(dir, '.lock')); // simulate a crash: lock left behind by a dead process is removed here
    const again = await WorkspaceStore.open(dir);
    expect(again.state.get('tags', 'a')).toBeDefined();
    expect(again.state.get('tags', 'b')).toBeUndefined();
    expect(again.state.history.redo).toHaveLength(1);
    await again.close();
  });

  it('drops a torn final journal line (never acknowledged) and keeps everything before it', async () => {
    const dir = tempDir();
    const s = await WorkspaceStore.open(dir);
    putTag(s, tag('a'));
    fs.rmSync(path.join(dir, '.lock'));
    fs.appendFileSync(path.join(dir, 'journal.log'), '0badc0de {"seq":2,"at":"x","chan');
    const again = await WorkspaceStore.open(dir);
    expect(again.state.count('tags')).toBe(1);
    putTag(again, tag('b'));
    await again.close();
    const third = await WorkspaceStore.open(dir);
    expect(third.state.all('tags').map((t) => t.id).sort()).toEqual(['a', 'b']);
    await third.close();
  });

  it('compacts into a lowdb snapshot and skips journal records already folded in', async () => {
    const dir = tempDir();
    const s = await WorkspaceStore.open(dir, { compactEvery: 3 });
    for (const id of ['a', 'b', 'c', 'd']) putTag(s, tag(id));
    await s.compact();
    const snap = JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8'));
    expect(Object.keys(snap.collections.tags).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(fs.statSync(path.join(dir, 'journal.log')).size).toBe(0);
    await s.close();
    const again = await WorkspaceStore.open(dir);
    expect(again.state.count('tags')).toBe(4);
    await again.close();
  });

  it('refuses a workspace from a newer schema without rewriting it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify({ format: 'analyst-workbench', schemaVersion: 99, id: 'x', createdAt: 'x' }));
    const before = fs.readFileSync(path.join(dir, 'workspace.json'));
    await expect(WorkspaceStore.open(dir)).rejects.toMatchObject({ kind: 'too_new' });
    expect(fs.readFileSync(path.join(dir, 'workspace.json'))).toEqual(before);
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);
  });

  it('refuses a damaged snapshot (null, not JSON) instead of loading defaults', async () => {
    for (const content of ['null', '{"format":', '[]']) {
      const dir = tempDir();
      (await WorkspaceStore.open(dir)).close();
      fs.writeFileSync(path.join(dir, 'snapshot.json'), content);
      await expect(WorkspaceStore.open(dir)).rejects.toBeInstanceOf(StoreError);
      expect(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8')).toBe(content);
    }
  });

  it('a failed append changes nothing in memory and leaves no partial line', async () => {
    const dir = tempDir();
    let failNext = false;
    const ops: FsOps = { ...realFs, fsyncSync: (fd) => { if (failNext) { failNext = false; throw Object.assign(new Error('no space'), { code: 'ENOSPC' }); } realFs.fsyncSync(fd); } };
    const s = await WorkspaceStore.open(dir, { fs: ops });
    putTag(s, tag('a'));
    const size = fs.statSync(path.join(dir, 'journal.log')).size;
    failNext = true;
    expect(() => putTag(s, tag('b'))).toThrow(/disk is full/);
    expect(s.state.get('tags', 'b')).toBeUndefined();
    expect(fs.statSync(path.join(dir, 'journal.log')).size).toBe(size);
    putTag(s, tag('c'));
    await s.close();
    const again = await WorkspaceStore.open(dir);
    expect(again.state.all('tags').map((t) => t.id).sort()).toEqual(['a', 'c']);
    await again.close();
  });

  it('a second writer is refused with a clear message while the first holds the workspace', async () => {
    const dir = tempDir();
    const s = await WorkspaceStore.open(dir, { purpose: 'desktop app' });
    // Same process id would be treated as ours; fake a live foreign holder by rewriting the lock with the parent pid.
    const lock = JSON.parse(fs.readFileSync(path.join(dir, '.lock'), 'utf8'));
    fs.writeFileSync(path.join(dir, '.lock'), JSON.stringify({ ...lock, pid: process.ppid }));
    await expect(WorkspaceStore.open(dir)).rejects.toThrow(/open in another window or process \(desktop app/);
    const ro = await WorkspaceStore.open(dir, { readOnly: true });
    expect(ro.readOnly).toBe(true);
    fs.writeFileSync(path.join(dir, '.lock'), JSON.stringify(lock));
    await s.close();
  });
});
