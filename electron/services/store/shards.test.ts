/** The sharded snapshot (docs/adr/0012): written shard by shard, only changed shards rewritten, crash-safe, migrated from one file, recoverable. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from './workspace-store';
import { StoreError } from './errors';
import { realFs, type FsOps } from './durable-fs';
import { checkBackup, listBackups } from './backups';
import { restoreBackup } from './restore';
import { continueWithoutBackup, enterRecovery } from './recovery';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import type { ShardEntry } from './shards';
import { Workbench } from '../workbench/workbench';
import { updateHighlight } from '../workbench/highlights';
import { buildRichWorkspace } from '../../../tests/robustness/fixture';
import { tempDir } from '../../../tests/unit/helpers';

const SMALL = { shardRecords: 4, autoBackup: false } as const;
const stateOf = (s: { state: WorkspaceStore['state'] }): string => JSON.stringify([s.state.toJson(), s.state.history]);
const indexOf = (dir: string): { schemaVersion: number; collections: Record<string, unknown>; shards?: ShardEntry[] } =>
  JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8'));
const shardFiles = (dir: string): string[] => (fs.existsSync(path.join(dir, 'shards')) ? fs.readdirSync(path.join(dir, 'shards')).sort() : []);

/** A rich workspace, compacted into shards of 4 records, with a verified backup; returns its folder and state. */
async function shardedWorkspace(): Promise<{ dir: string; state: string; backupId: string }> {
  const dir = tempDir('wb-shards-');
  await buildRichWorkspace(dir, SMALL);
  const wb = await Workbench.open(dir, SMALL);
  await wb.store.compact();
  const backupId = wb.store.backup('manual').id;
  const state = stateOf(wb);
  await wb.close();
  return { dir, state, backupId };
}

let template: { dir: string; state: string; backupId: string };
beforeAll(async () => {
  template = await shardedWorkspace();
});

function copyOf(): string {
  const dir = tempDir('wb-shards-copy-');
  fs.cpSync(template.dir, dir, { recursive: true });
  return dir;
}

describe('sharded snapshot', () => {
  it('keeps large collections in checksummed shards listed by snapshot.json, small ones inline, and reopens to the same state', async () => {
    const idx = indexOf(template.dir);
    expect(idx.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(idx.collections.highlights).toBeUndefined();
    expect(Object.keys(idx.collections.tags as object)).toHaveLength(3); // 3 tags: below 4, inline
    const hl = idx.shards!.filter((e) => e.collection === 'highlights');
    expect(hl.length).toBeGreaterThan(1);
    expect(hl.reduce((n, e) => n + e.count, 0)).toBe(30);
    for (const e of idx.shards!) {
      const bytes = fs.readFileSync(path.join(template.dir, e.file));
      expect(bytes.length).toBe(e.bytes);
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(e.sha256);
    }
    const s = await WorkspaceStore.open(copyOf(), { autoBackup: false });
    expect(stateOf(s)).toBe(template.state);
    await s.close();
  });

  it('a compaction rewrites only the shard an edit touched and removes the shard it replaced', async () => {
    const dir = copyOf();
    const wb = await Workbench.open(dir, { autoBackup: false });
    const before = indexOf(dir).shards!;
    const h = wb.state.all('highlights')[0]!;
    expect(updateHighlight(wb, { id: h.id, note: 'edited' }).ok).toBe(true);
    await wb.store.compact();
    const after = indexOf(dir).shards!;
    const changed = after.filter((e) => !before.some((b) => b.file === e.file));
    expect(changed.map((e) => e.collection)).toEqual(['highlights']);
    expect(after).toHaveLength(before.length);
    expect(shardFiles(dir)).toEqual(after.map((e) => path.basename(e.file)).sort());
    const state = stateOf(wb);
    await wb.close();
    const again = await WorkspaceStore.open(dir, { autoBackup: false });
    expect(stateOf(again)).toBe(state);
    await again.close();
  });

  it('a crash before snapshot.json is replaced leaves the previous complete set readable, journal included', async () => {
    const dir = copyOf();
    let crashed = false;
    const ops: FsOps = { ...realFs, renameSync: (from, to) => {
      if (String(to).endsWith('snapshot.json')) { crashed = true; throw Object.assign(new Error('power cut'), { code: 'EIO' }); }
      realFs.renameSync(from, to);
    } };
    const wb = await Workbench.open(dir, { autoBackup: false, fs: ops });
    for (const h of wb.state.all('highlights').slice(0, 6)) expect(updateHighlight(wb, { id: h.id, note: `n ${h.id}` }).ok).toBe(true);
    const want = stateOf(wb);
    await expect(wb.store.compact()).rejects.toThrow(/Nothing was lost/);
    expect(crashed).toBe(true);
    await wb.close().catch(() => undefined);
    fs.rmSync(path.join(dir, '.lock'), { force: true });
    const again = await WorkspaceStore.open(dir, { autoBackup: false });
    expect(stateOf(again)).toBe(want);
    await again.compact(); // the next compaction succeeds and writes every bucket the journal touched
    await again.close();
    const third = await WorkspaceStore.open(dir, { autoBackup: false });
    expect(stateOf(third)).toBe(want);
    expect(fs.statSync(path.join(dir, 'journal.log')).size).toBe(0);
    await third.close();
  });

  it('migrates a single-file schema 1 workspace: pre-migration backup of the files as they were, then shards', async () => {
    const dir = tempDir('wb-legacy-');
    const s = await WorkspaceStore.open(dir, { autoBackup: false });
    const single = JSON.parse(JSON.stringify({ ...s.snapshotDoc(), schemaVersion: 1 }));
    await s.close();
    const src = await WorkspaceStore.open(copyOf(), { autoBackup: false });
    single.collections = src.state.toJson();
    single.history = src.state.history;
    single.seq = src.lastSeq;
    const want = stateOf(src);
    await src.close();
    fs.writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify(single));
    fs.writeFileSync(path.join(dir, 'journal.log'), '');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'workspace.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify({ ...manifest, schemaVersion: 1 }));
    const raw = fs.readFileSync(path.join(dir, 'snapshot.json'));
    fs.cpSync(path.join(template.dir, 'texts'), path.join(dir, 'texts'), { recursive: true });

    const opened = await WorkspaceStore.open(dir, SMALL);
    expect(stateOf(opened)).toBe(want);
    await opened.close();
    const [pre] = listBackups(dir, true);
    expect(pre).toMatchObject({ kind: 'pre-migration', schemaVersion: 1, verified: true });
    expect(fs.readFileSync(path.join(dir, 'backups', pre!.id, 'snapshot.json'))).toEqual(raw);
    expect(indexOf(dir).shards?.length).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'workspace.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const again = await WorkspaceStore.open(dir, { autoBackup: false });
    expect(stateOf(again)).toBe(want);
    await again.close();
  });

  it('backups hard-link the shards, verify them, and a flipped byte in a backed-up shard is caught', async () => {
    const dir = copyOf();
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'backups', template.backupId, 'backup.json'), 'utf8'));
    const shardNames = Object.keys(meta.files).filter((f) => f.startsWith('shards/'));
    expect(shardNames.sort()).toEqual(indexOf(dir).shards!.map((e) => e.file).sort());
    const wb = await Workbench.open(dir, { autoBackup: false });
    const info = wb.store.backup('manual');
    await wb.close();
    const first = indexOf(dir).shards![0]!;
    expect(fs.statSync(path.join(dir, 'backups', info.id, first.file)).ino).toBe(fs.statSync(path.join(dir, first.file)).ino);
    const copy = path.join(dir, 'backups', info.id, first.file);
    const bytes = Buffer.from(fs.readFileSync(copy));
    fs.rmSync(copy); // a hard link: break it before damaging the backup's copy only
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0x20;
    fs.writeFileSync(copy, bytes);
    expect(checkBackup(dir, info.id, true).problem).toMatch(/checksum/);
  });
});

/** Damage done to one highlight shard of the template. */
const damages: { name: string; hurt: (file: string) => void }[] = [
  { name: 'missing', hurt: (f) => fs.rmSync(f) },
  { name: 'empty', hurt: (f) => fs.writeFileSync(f, '') },
  { name: 'truncated', hurt: (f) => fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 40)) },
  { name: 'a flipped byte (same size)', hurt: (f) => { const b = fs.readFileSync(f); const at = Math.floor(b.length / 2); b[at] = b[at]! ^ 0x01; fs.writeFileSync(f, b); } },
  { name: 'all NUL bytes', hurt: (f) => fs.writeFileSync(f, Buffer.alloc(fs.statSync(f).size)) },
];

describe('damaged shards', () => {
  it.each(damages)('$name: refused naming the shard, quarantined, the backup restores exactly, or the rest is kept', async ({ name, hurt }) => {
    const dir = copyOf();
    const entry = indexOf(dir).shards!.find((e) => e.collection === 'highlights' && e.count > 0)!;
    hurt(path.join(dir, entry.file));
    const err = await WorkspaceStore.open(dir).then(async (s) => { await s.close(); return null; }, (e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('damaged');
    expect((err as StoreError).message).toContain(entry.file);
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);

    const rec = enterRecovery(dir, err);
    // A missing shard has nothing to move aside; any other damaged one is moved to quarantine/, never deleted.
    expect(rec.quarantined.map((q) => q.file)).toEqual(name === 'missing' ? [] : [entry.file]);
    expect(rec.canContinue).toBe(name !== 'missing');
    expect(rec.recommendedBackupId).toBe(template.backupId);
    const other = fs.mkdtempSync(`${dir}-continue-`);
    fs.cpSync(dir, other, { recursive: true });

    expect(restoreBackup(dir, template.backupId).ok).toBe(true);
    const s = await WorkspaceStore.open(dir, { autoBackup: false });
    expect(stateOf(s)).toBe(template.state);
    await s.close();

    if (rec.canContinue) {
      expect(rec.continueEffect).toContain(`${entry.count} highlights saved in ${entry.file} are lost`);
      expect(continueWithoutBackup(other)).toEqual({ ok: true });
      const kept = await WorkspaceStore.open(other, { autoBackup: false });
      expect(kept.state.count('highlights')).toBe(30 - entry.count);
      expect(kept.state.count('tags')).toBe(3);
      await kept.close();
    }
  });
});
