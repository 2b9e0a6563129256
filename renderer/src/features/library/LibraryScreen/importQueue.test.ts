import { describe, expect, it } from 'vitest';
import type { FileOutcome, ImportProgress } from '../../../api/importFiles';
import { createImportQueue, type RunImport } from './importQueue';

const file = (name: string) => ({ name }) as File;

describe('the window-wide import queue', () => {
  it('runs a second batch only after the first, and every subscriber sees the running batch', async () => {
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const run: RunImport = async (files, onProgress) => {
      const first = files[0]!.name;
      log.push(`start ${first}`);
      onProgress({ current: 1, total: files.length, fileName: first });
      if (first === 'a.txt') await gate;
      log.push(`end ${first}`);
      return files.map((f): FileOutcome => ({ fileName: f.name, status: 'imported', title: f.name, sourceId: f.name }));
    };
    const reported: string[][] = [];
    const q = createImportQueue(run, (o) => reported.push(o.map((x) => x.fileName)));
    const seenByA: (ImportProgress | null)[] = [];
    const seenByB: (ImportProgress | null)[] = [];
    q.subscribe(() => seenByA.push(q.progress()));
    q.subscribe(() => seenByB.push(q.progress()));

    const one = q.enqueue([file('a.txt')]);
    const two = q.enqueue([file('b.txt')]);
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['start a.txt']);
    expect(q.progress()?.fileName).toBe('a.txt');
    release();
    await Promise.all([one, two]);
    expect(log).toEqual(['start a.txt', 'end a.txt', 'start b.txt', 'end b.txt']);
    expect(reported).toEqual([['a.txt'], ['b.txt']]);
    expect(seenByA.map((p) => p?.fileName ?? null)).toEqual(['a.txt', null, 'b.txt', null]);
    expect(seenByB).toEqual(seenByA);
    expect(q.progress()).toBeNull();
  });

  it('a batch that throws clears the progress and does not stop the next one', async () => {
    const run: RunImport = async (files) => {
      if (files[0]!.name === 'bad') throw new Error('the services stopped');
      return [{ fileName: 'ok', status: 'imported', title: 'ok', sourceId: 's' }];
    };
    const q = createImportQueue(run, () => undefined);
    await expect(q.enqueue([file('bad')])).rejects.toThrow('the services stopped');
    expect(q.progress()).toBeNull();
    await expect(q.enqueue([file('ok')])).resolves.toHaveLength(1);
  });

  it('an empty batch does nothing', async () => {
    let runs = 0;
    const q = createImportQueue(async () => { runs++; return []; }, () => undefined);
    await q.enqueue([]);
    expect(runs).toBe(0);
  });
});
