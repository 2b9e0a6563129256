/** Disk faults (ENOSPC, EIO, EACCES) injected at every fs step of every write path: clear error, memory = disk, no temp file, next write works. */
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { createTag } from '../workbench/tags';
import { importText } from '../workbench/sources';
import { WorkspaceStore } from './workspace-store';
import { listBackups } from './backups';
import { spyFs, tempFilesUnder, type SpyFs } from '../../../tests/robustness/fs-spy';
import { tempDir } from '../../../tests/unit/helpers';

const CODES: [string, RegExp][] = [['ENOSPC', /the disk is full/], ['EIO', /input\/output error/], ['EACCES', /permission denied/]];

interface Scenario {
  name: string;
  setup(wb: Workbench): Promise<void>;
  /** Runs the write; resolves with the error message when it failed, null when it succeeded. */
  op(wb: Workbench, attempt: number): Promise<string | null>;
  /** What the message must say failed. */
  says: RegExp;
}

const message = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? null : r.error!.message);
const caught = async (f: () => unknown): Promise<string | null> => {
  try {
    await f();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

const scenarios: Scenario[] = [
  {
    name: 'journal append', says: /Could not save the change.*Nothing was changed/,
    setup: async (wb) => void createTag(wb, { name: 'first', parentId: null }),
    op: async (wb, n) => message(createTag(wb, { name: `tag ${n}`, parentId: null })),
  },
  {
    name: 'snapshot compaction', says: /Could not compact the workspace into snapshot\.json.*Nothing was lost/,
    setup: async (wb) => void createTag(wb, { name: 'first', parentId: null }),
    op: (wb) => caught(() => wb.store.compact()),
  },
  {
    // The import writes the text file, then the journal entry naming it: faults in either are covered.
    name: 'text put (import)', says: /Could not save (the text of the pasted text.*Nothing was imported|the change.*Nothing was changed)/,
    setup: async () => undefined,
    op: async (wb, n) => message(await importText(wb, `Imported text number ${n}, long enough to be a source.`)),
  },
  {
    name: 'backup', says: /Could not write a backup.*The workspace itself is unchanged/,
    setup: async (wb) => void (await importText(wb, 'Text kept in backups.')),
    op: (wb) => caught(() => wb.store.backup('manual')),
  },
];

/** Memory and a fresh read of the disk hold the same records and history. */
async function expectDiskMatchesMemory(dir: string, wb: Workbench): Promise<void> {
  const disk = await WorkspaceStore.open(dir, { readOnly: true });
  expect(disk.state.toJson()).toEqual(wb.state.toJson());
  expect(disk.state.history).toEqual(wb.state.history);
  await disk.close();
}

async function openWith(spy: SpyFs): Promise<{ dir: string; wb: Workbench }> {
  const dir = tempDir();
  return { dir, wb: await Workbench.open(dir, { fs: spy.ops, autoBackup: false }) };
}

describe('injected disk faults', () => {
  let faultPoints = 0;

  it.each(scenarios)('$name: every step × ENOSPC/EIO/EACCES', async (sc) => {
    // First a clean run, to learn how many fs calls the write makes.
    const probe = spyFs();
    const clean = await openWith(probe);
    await sc.setup(clean.wb);
    const before = probe.count();
    expect(await sc.op(clean.wb, 0)).toBeNull();
    const steps = probe.calls.slice(before);
    expect(steps.length).toBeGreaterThan(1);
    await clean.wb.close();

    for (let k = 0; k < steps.length; k++) {
      for (const [code, plain] of CODES) {
        const spy = spyFs();
        const { dir, wb } = await openWith(spy);
        await sc.setup(wb);
        const memBefore = JSON.stringify([wb.state.toJson(), wb.state.history]);
        spy.arm(k, code);
        const failed = await sc.op(wb, 1);
        const where = `${sc.name}, ${code} at step ${k} (${steps[k]})`;
        expect(failed, where).not.toBeNull();
        expect(failed, where).toMatch(sc.says);
        expect(failed, where).toMatch(plain);
        expect(JSON.stringify([wb.state.toJson(), wb.state.history]), where).toBe(memBefore);
        expect(tempFilesUnder(dir), where).toEqual([]);
        await expectDiskMatchesMemory(dir, wb);
        // The fault is gone: the same write now succeeds, and lands on disk.
        expect(await sc.op(wb, 2), where).toBeNull();
        await expectDiskMatchesMemory(dir, wb);
        expect(listBackups(dir).every((b) => b.verified), where).toBe(true);
        await wb.close();
        faultPoints++;
      }
    }
  });

  it('creating a workspace: a fault at any step is a clear error, leaves no temp file, and the next open works', async () => {
    const probe = spyFs();
    const dir0 = tempDir();
    const s0 = await WorkspaceStore.open(dir0, { fs: probe.ops });
    const steps = probe.count();
    await s0.close();
    for (let k = 0; k < steps; k++) {
      for (const [code, plain] of CODES) {
        const dir = tempDir();
        const spy = spyFs();
        spy.arm(k, code);
        const err = await WorkspaceStore.open(dir, { fs: spy.ops }).then(async (s) => { await s.close(); return null; }, (e: Error) => e);
        if (spy.calls.some((c) => c.startsWith('FAIL'))) {
          expect(err?.message).toMatch(/Could not open the workspace/);
          expect(err?.message).toMatch(plain);
        }
        expect(tempFilesUnder(dir)).toEqual([]);
        const s = await WorkspaceStore.open(dir);
        expect(s.state.count('sources')).toBe(0);
        await s.close();
        faultPoints++;
      }
    }
  });

  it('a failed append whose rollback also fails blocks further writes until the workspace is reopened', async () => {
    const spy = spyFs();
    const { dir, wb } = await openWith(spy);
    createTag(wb, { name: 'a', parentId: null });
    const truncate = vi.spyOn(fs, 'ftruncateSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    });
    spy.arm(1, 'EIO'); // the fsync after the write
    expect(message(createTag(wb, { name: 'b', parentId: null }))).toMatch(/input\/output error.*Nothing was changed/);
    truncate.mockRestore();
    expect(message(createTag(wb, { name: 'c', parentId: null }))).toMatch(/close and reopen the workspace/);
    await wb.close();
    // The line that could not be cut may be on disk: reopening shows exactly what is there, consistently.
    const again = await Workbench.open(dir);
    expect(again.state.all('tags').map((t) => t.name).sort()).toEqual(['a', 'b']);
    expect(createTag(again, { name: 'c', parentId: null }).ok).toBe(true);
    await again.close();
  });

  it('reports the number of fault points tried', () => {
    console.log(`fault injection: ${faultPoints} fault points tried (write steps × ENOSPC/EIO/EACCES), all clean`);
    expect(faultPoints).toBeGreaterThan(100);
  });
});
