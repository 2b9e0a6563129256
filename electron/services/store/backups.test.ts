/** Rolling backups: daily on open (once a day), before every migration, verified by reading back, pruned, restorable exactly. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { KEEP, checkBackup, createBackup, listBackups, newestGoodBackup } from './backups';
import { restoreBackup, isBackupId } from './restore';
import { realFs, type FsOps } from './durable-fs';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { Workbench } from '../workbench/workbench';
import { createTag } from '../workbench/tags';
import { importText } from '../workbench/sources';
import { buildRichWorkspace } from '../../../tests/robustness/fixture';
import { tempDir } from '../../../tests/unit/helpers';

const stateOf = (s: { state: WorkspaceStore['state'] }) => JSON.stringify([s.state.toJson(), s.state.history]);

async function reopenCount(dir: string): Promise<number> {
  await (await WorkspaceStore.open(dir)).close();
  return listBackups(dir).filter((b) => b.kind === 'daily').length;
}

describe('backups', () => {
  it('takes a daily backup on open at most once a day, and none of an empty workspace', async () => {
    const dir = tempDir();
    expect(await reopenCount(dir)).toBe(0);
    const wb = await Workbench.open(dir);
    createTag(wb, { name: 'a', parentId: null });
    await wb.close();
    expect(await reopenCount(dir)).toBe(1);
    expect(await reopenCount(dir)).toBe(1);
    // Make the backup look like yesterday's: the next open takes today's.
    const [b] = listBackups(dir);
    const metaFile = path.join(dir, 'backups', b!.id, 'backup.json');
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    fs.writeFileSync(metaFile, JSON.stringify({ ...meta, createdAt: new Date(Date.now() - 86_400_000 * 1.5).toISOString() }));
    expect(await reopenCount(dir)).toBe(2);
  });

  it('is a compacted snapshot + manifest + hard-linked texts that restores to the exact state', async () => {
    const dir = tempDir();
    await buildRichWorkspace(dir);
    const wb = await Workbench.open(dir, { autoBackup: false });
    const before = stateOf(wb);
    const info = wb.store.backup('manual');
    expect(info.verified).toBe(true);
    const root = path.join(dir, 'backups', info.id);
    expect(fs.readdirSync(root).sort()).toEqual(['backup.json', 'snapshot.json', 'texts', 'workspace.json']);
    for (const s of wb.state.all('sources')) {
      const live = fs.statSync(path.join(dir, 'texts', `${s.contentHash}.txt`));
      const copy = fs.statSync(path.join(root, 'texts', `${s.contentHash}.txt`));
      expect(copy.ino).toBe(live.ino); // a hard link: no extra space
    }
    createTag(wb, { name: 'later', parentId: null });
    await wb.close();
    const r = restoreBackup(dir, info.id);
    expect(r.ok).toBe(true);
    const again = await Workbench.open(dir);
    expect(stateOf(again)).toBe(before);
    // The replaced files are kept in quarantine, not deleted.
    expect(r.ok && r.quarantined.map((q) => q.file).sort()).toEqual(['journal.log', 'snapshot.json', 'workspace.json']);
    await again.close();
  });

  it('verifies by reading back: a damaged backup is reported, skipped when choosing, and refused on restore', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir);
    await importText(wb, 'Some text to keep.');
    const good = wb.store.backup('manual');
    createTag(wb, { name: 'b', parentId: null });
    const bad = wb.store.backup('manual');
    await wb.close();
    const snap = path.join(dir, 'backups', bad.id, 'snapshot.json');
    const bytes = fs.readFileSync(snap);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0x20; // same size: only a full check notices
    fs.writeFileSync(snap, bytes);
    expect(checkBackup(dir, bad.id, false).problem).toBeNull();
    expect(checkBackup(dir, bad.id, true).problem).toMatch(/checksum/);
    expect(newestGoodBackup(dir)?.id).toBe(good.id);
    expect(restoreBackup(dir, bad.id)).toMatchObject({ ok: false, reason: 'unusable' });
    expect(restoreBackup(dir, '../../etc')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(isBackupId(good.id)).toBe(true);
  });

  it('discards a backup that does not read back as written', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    createTag(wb, { name: 'a', parentId: null });
    // A disk that silently flips a bit in what it stores.
    const liar: FsOps = { ...realFs, writeSync: (fd, d) => realFs.writeSync(fd, typeof d === 'string' ? d.replace('"tags"', '"tagz"') : Buffer.from(Buffer.from(d).toString().replace('"tags"', '"tagz"'))) };
    const input = { kind: 'manual' as const, schemaVersion: 1, seq: 1, counts: {}, files: { 'snapshot.json': JSON.stringify(wb.store.snapshotDoc()) }, texts: [] };
    expect(() => createBackup(dir, input, liar)).toThrow(/did not read back correctly.*discarded/);
    expect(listBackups(dir)).toEqual([]);
    await wb.close();
  });

  it(`keeps the newest ${KEEP.daily} daily backups`, async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    createTag(wb, { name: 'a', parentId: null });
    const doc = JSON.stringify(wb.store.snapshotDoc());
    const ids: string[] = [];
    for (let day = 10; day >= 1; day--) {
      const input = { kind: 'daily' as const, schemaVersion: 1, seq: 1, counts: {}, files: { 'snapshot.json': doc }, texts: [] };
      ids.push(createBackup(dir, input, realFs, new Date(Date.now() - day * 86_400_000)).id);
    }
    createBackup(dir, { kind: 'manual', schemaVersion: 1, seq: 1, counts: {}, files: { 'snapshot.json': doc }, texts: [] });
    const left = listBackups(dir);
    expect(left.filter((b) => b.kind === 'daily').map((b) => b.id)).toEqual(ids.slice(-KEEP.daily).reverse());
    expect(left.filter((b) => b.kind === 'manual')).toHaveLength(1);
    await wb.close();
  });

  it('backs up the files exactly as they were before a migration, then migrates', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    createTag(wb, { name: 'old', parentId: null });
    await wb.store.compact();
    createTag(wb, { name: 'in the journal', parentId: null });
    await wb.close();
    // Pretend it was written by schema 0.
    for (const f of ['snapshot.json', 'workspace.json']) {
      const file = path.join(dir, f);
      fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), schemaVersion: 0 }));
    }
    const raw = Object.fromEntries(['snapshot.json', 'workspace.json', 'journal.log'].map((f) => [f, fs.readFileSync(path.join(dir, f))]));
    const upper = { 0: (s: any) => ({ ...s, collections: { ...s.collections, tags: Object.fromEntries(Object.entries(s.collections.tags).map(([k, t]: [string, any]) => [k, { ...t, name: t.name.toUpperCase() }])) } }) }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const s = await WorkspaceStore.open(dir, { migrations: upper, autoBackup: false });
    expect(s.state.all('tags').map((t) => t.name).sort()).toEqual(['IN THE JOURNAL', 'OLD']);
    await s.close();
    const [pre] = listBackups(dir, true);
    expect(pre).toMatchObject({ kind: 'pre-migration', schemaVersion: 0, verified: true });
    for (const [f, bytes] of Object.entries(raw)) expect(fs.readFileSync(path.join(dir, 'backups', pre!.id, f))).toEqual(bytes);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'workspace.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(fs.statSync(path.join(dir, 'journal.log')).size).toBe(0);
    // Restoring it brings back the old files, which migrate again on the next open.
    expect(restoreBackup(dir, pre!.id).ok).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'journal.log'))).toEqual(raw['journal.log']);
    const again = await WorkspaceStore.open(dir, { migrations: upper, autoBackup: false });
    expect(again.state.all('tags').map((t) => t.name).sort()).toEqual(['IN THE JOURNAL', 'OLD']);
    await again.close();
  });
});
