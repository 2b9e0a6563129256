/** Every write path fsyncs the file and its folder before the write is acknowledged (fs calls spied in order). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { createTag } from '../workbench/tags';
import { importText } from '../workbench/sources';
import { WorkspaceStore } from './workspace-store';
import { restoreBackup } from './restore';
import { enterRecovery } from './recovery';
import { StoreError } from './errors';
import { spyFs } from '../../../tests/robustness/fs-spy';
import { tempDir } from '../../../tests/unit/helpers';

/** The calls that make `final` durable: a temp file written, fsynced, renamed to `final`, then `folder` fsynced — all before ACK. */
function expectAtomicDurable(calls: readonly string[], final: string, folder: string, from = 0): number {
  const rename = calls.findIndex((c, i) => i >= from && c.startsWith('rename ') && c.endsWith(` -> ${final}`));
  expect(rename, `no rename to ${final} in ${calls.join(' | ')}`).toBeGreaterThan(-1);
  const tmp = calls[rename]!.slice('rename '.length, calls[rename]!.indexOf(' -> '));
  const written = calls.lastIndexOf(`write ${tmp}`, rename);
  const synced = calls.lastIndexOf(`fsync ${tmp}`, rename);
  expect(written).toBeGreaterThan(-1);
  expect(synced).toBeGreaterThan(written);
  // The folder is fsynced right after the rename, before anything else happens.
  expect(calls.slice(rename + 1, rename + 3), `${folder} not fsynced after renaming ${final}`).toEqual([`open ${folder}`, `fsync ${folder}`]);
  const dirSynced = rename + 2;
  const ack = calls.indexOf('ACK', from);
  if (ack >= 0) expect(dirSynced).toBeLessThan(ack);
  return dirSynced;
}

describe('durability of every write path', () => {
  it('manifest: written atomically and its folder fsynced when a workspace is created', async () => {
    const dir = tempDir();
    const spy = spyFs();
    const s = await WorkspaceStore.open(dir, { fs: spy.ops });
    spy.calls.push('ACK');
    expectAtomicDurable(spy.calls, 'workspace.json', path.basename(dir));
    // The new journal's directory entry is made durable too.
    const journalOpen = spy.calls.indexOf('open journal.log');
    expect(spy.calls.indexOf(`fsync ${path.basename(dir)}`, journalOpen)).toBeGreaterThan(journalOpen);
    await s.close();
  });

  it('journal append: the line is written and fsynced before the service answers', async () => {
    const spy = spyFs();
    const wb = await Workbench.open(tempDir(), { fs: spy.ops });
    spy.calls.length = 0;
    expect(createTag(wb, { name: 'a', parentId: null }).ok).toBe(true);
    spy.calls.push('ACK');
    expect(spy.calls).toEqual(['write journal.log', 'fsync journal.log', 'ACK']);
    await wb.close();
  });

  it('text store: the text file and the texts folder are durable before the journal entry naming it', async () => {
    const spy = spyFs();
    const wb = await Workbench.open(tempDir(), { fs: spy.ops });
    spy.calls.length = 0;
    const r = await importText(wb, 'A short source text for the durability test.', 'T');
    spy.calls.push('ACK');
    expect(r.ok).toBe(true);
    const hash = r.ok ? r.value.source.contentHash : '';
    const textsSynced = expectAtomicDurable(spy.calls, `${hash}.txt`, 'texts');
    expect(spy.calls.indexOf('write journal.log')).toBeGreaterThan(textsSynced);
    expect(spy.calls.indexOf('fsync journal.log')).toBeLessThan(spy.calls.indexOf('ACK'));
    await wb.close();
  });

  it('snapshot compaction: temp file, fsync, rename, folder fsync, and only then the journal is emptied', async () => {
    const dir = tempDir();
    const spy = spyFs();
    const wb = await Workbench.open(dir, { fs: spy.ops });
    createTag(wb, { name: 'a', parentId: null });
    spy.calls.length = 0;
    await wb.store.compact();
    spy.calls.push('ACK');
    const dirSynced = expectAtomicDurable(spy.calls, 'snapshot.json', path.basename(dir));
    expect(spy.calls.indexOf('fsync journal.log', dirSynced)).toBeGreaterThan(dirSynced);
    await wb.close();
  });

  it('backups: every file fsynced, texts linked and their folder fsynced, the folder renamed into place and backups/ fsynced', async () => {
    const dir = tempDir();
    const spy = spyFs();
    const wb = await Workbench.open(dir, { fs: spy.ops });
    await importText(wb, 'Backed-up text.', 'T');
    spy.calls.length = 0;
    const info = wb.store.backup('manual');
    spy.calls.push('ACK');
    const tmpFolder = `.incomplete-${info.id}`;
    expect(spy.calls.indexOf(`fsync ${path.basename(dir)}`)).toBeGreaterThan(spy.calls.indexOf('mkdir backups'));
    for (const f of ['workspace.json', 'snapshot.json', 'backup.json']) expectAtomicDurable(spy.calls, f, tmpFolder);
    const link = spy.calls.findIndex((c) => c.startsWith('link '));
    expect(spy.calls.indexOf('fsync texts', link)).toBeGreaterThan(link);
    const rename = spy.calls.indexOf(`rename ${tmpFolder} -> ${info.id}`);
    expect(rename).toBeGreaterThan(spy.calls.findIndex((c) => c.endsWith(' -> backup.json')));
    expect(spy.calls.indexOf('fsync backups', rename)).toBeGreaterThan(rename);
    expect(spy.calls.indexOf('fsync backups', rename)).toBeLessThan(spy.calls.indexOf('ACK'));
    await wb.close();
  });

  it('restore and quarantine: marker first, files moved with both folders fsynced, restored files durable', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir);
    createTag(wb, { name: 'a', parentId: null });
    const info = wb.store.backup('manual');
    await wb.close();
    const spy = spyFs();
    const r = restoreBackup(dir, info.id, spy.ops);
    spy.calls.push('ACK');
    expect(r.ok).toBe(true);
    const marker = expectAtomicDurable(spy.calls, 'recovery.json', path.basename(dir));
    const move = spy.calls.findIndex((c) => c.startsWith('rename workspace.json -> workspace.json.'));
    expect(move).toBeGreaterThan(marker);
    expect(spy.calls[move + 1]).toMatch(/^open before-restore-/);
    expect(spy.calls[move + 2]).toMatch(/^fsync before-restore-/);
    expect(spy.calls.indexOf(`fsync ${path.basename(dir)}`, move)).toBeGreaterThan(move);
    expectAtomicDurable(spy.calls, 'workspace.json', path.basename(dir), move);
    expectAtomicDurable(spy.calls, 'snapshot.json', path.basename(dir), move);

    fs.writeFileSync(path.join(dir, 'snapshot.json'), '{"broken":');
    const err = await WorkspaceStore.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    const spy2 = spyFs();
    enterRecovery(dir, err, spy2.ops);
    const m = expectAtomicDurable(spy2.calls, 'recovery.json', path.basename(dir));
    const q = spy2.calls.findIndex((c) => c.startsWith('rename snapshot.json -> snapshot.json.'));
    expect(q).toBeGreaterThan(m);
    expect(spy2.calls.slice(q + 1, q + 3)).toEqual(['open quarantine', 'fsync quarantine']);
  });
});
