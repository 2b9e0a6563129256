/** The journal's second line of defence: a writer never appends to a journal someone else changed, so it never forks. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalAppendError, JournalWriter, encodeRecord, readJournal, type JournalRecord } from './journal';
import { WorkspaceStore } from './workspace-store';
import { StoreError } from './errors';
import { makeTx } from '../../../shared/domain/ops';
import { tempDir } from '../../../tests/unit/helpers';

const rec = (seq: number): JournalRecord => ({ seq, at: '2026-12-01T10:00:00.000Z', change: { kind: 'undo' } });
const journalIn = (): string => path.join(tempDir(), 'journal.log');
const seqs = (file: string): number[] => readJournal(file).records.map((r) => r.seq);

function refused(f: () => void): JournalAppendError {
  try {
    f();
  } catch (e) {
    if (e instanceof JournalAppendError) return e;
    throw e;
  }
  throw new Error('expected the append to be refused, but it was written');
}

describe('journal fork guard', () => {
  it('two writers on one file: the second append of a sequence number is refused, nothing is written, and it stays refused', () => {
    const file = journalIn();
    const a = new JournalWriter(file);
    const b = new JournalWriter(file);
    a.append(rec(1));
    const size = fs.statSync(file).size;
    const e = refused(() => b.append(rec(1)));
    expect(e.rolledBack).toBe(true);
    expect(e.message).toMatch(/journal\.log was changed by another process.*not writing, to avoid forking the journal\. Close and reopen the workspace/);
    expect(fs.statSync(file).size).toBe(size);
    a.append(rec(2));
    expect(() => b.append(rec(3))).toThrow(/not writing, to avoid forking/); // even a "fitting" number: b is done
    expect(seqs(file)).toEqual([1, 2]);
    expect(readJournal(file).damage).toBeNull();
    a.close();
    b.close();
  });

  it('a writer opened on a non-empty journal only continues its last line', () => {
    const file = journalIn();
    const a = new JournalWriter(file);
    a.append(rec(1));
    a.append(rec(2));
    const b = new JournalWriter(file);
    expect(refused(() => b.append(rec(2))).message).toMatch(/ends with change 2, but this process would write change 2 next/);
    expect(seqs(file)).toEqual([1, 2]);
    const c = new JournalWriter(file);
    c.append(rec(3));
    expect(seqs(file)).toEqual([1, 2, 3]);
    for (const w of [a, b, c]) w.close();
  });

  it('reads the last line right when it is longer than one read (64 KiB) or the only line after a BOM', () => {
    const file = journalIn();
    const big: JournalRecord = { seq: 1, at: '2026-12-01T10:00:00.000Z', change: { kind: 'tx', tx: { label: 'x'.repeat(200_000), ops: [], inverse: [] } } };
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(encodeRecord(big))]));
    const w = new JournalWriter(file);
    expect(refused(() => w.append(rec(1))).message).toMatch(/ends with change 1, but this process would write change 1 next/);
    const again = new JournalWriter(file);
    again.append(rec(2));
    again.append(rec(3));
    expect(seqs(file)).toEqual([1, 2, 3]);
    w.close();
    again.close();
  });

  it('refuses to append to a journal that was replaced under it (another process compacted or restored)', () => {
    const file = journalIn();
    const a = new JournalWriter(file);
    a.append(rec(1));
    fs.writeFileSync(`${file}.new`, '');
    fs.renameSync(`${file}.new`, file);
    expect(refused(() => a.append(rec(2))).message).toMatch(/was replaced or moved by another process/);
    expect(fs.statSync(file).size).toBe(0);
    a.close();
  });

  it('refuses to empty a journal another process appended to (its records would be lost)', () => {
    const file = journalIn();
    const a = new JournalWriter(file);
    a.append(rec(1));
    const b = new JournalWriter(file);
    b.append(rec(2));
    expect(() => a.truncate(0)).toThrow(/was changed by another process/);
    expect(seqs(file)).toEqual([1, 2]);
    a.close();
    b.close();
  });

  it('its own compaction (truncate to empty) is no change by a stranger: appends continue', () => {
    const file = journalIn();
    const a = new JournalWriter(file);
    a.append(rec(1));
    a.truncate(0);
    a.append(rec(2));
    expect(seqs(file)).toEqual([2]);
    a.close();
  });

  it('two stores on one workspace (lock bypassed): the second is refused from then on, and the journal never forks', async () => {
    const dir = tempDir();
    const put = (s: WorkspaceStore, id: string) => s.commit({ kind: 'tx', tx: makeTx('put', [{ t: 'put', c: 'tags', v: { id, name: id, color: '#000000', parentId: null, createdAt: '2026-01-01T00:00:00Z' } }], s.state) });
    const first = await WorkspaceStore.open(dir, { autoBackup: false });
    fs.rmSync(path.join(dir, '.lock')); // the lock defect: a second writer gets in
    const second = await WorkspaceStore.open(dir, { autoBackup: false });
    put(first, 'a');
    expect(() => put(second, 'b')).toThrow(StoreError);
    expect(() => put(second, 'c')).toThrow(/journal\.log was changed by another process.*Close and reopen/s);
    expect(second.state.get('tags', 'b')).toBeUndefined();
    put(first, 'd');
    const journal = readJournal(path.join(dir, 'journal.log'));
    expect(journal.damage).toBeNull();
    expect(journal.records.map((r) => r.seq)).toEqual([1, 2]);
    await second.close();
    await first.close();
    const again = await WorkspaceStore.open(dir, { readOnly: true });
    expect(again.state.all('tags').map((t) => t.id).sort()).toEqual(['a', 'd']);
    await again.close();
  });
});
