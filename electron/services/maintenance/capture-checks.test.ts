/** The doctor reports a captured source whose raw bytes or printed copy are missing or damaged, and repairs from a backup. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { runDoctor } from './doctor';
import { putCapturedSource } from '../../../tests/support/capture-fixture';
import { tempDir } from '../../../tests/unit/helpers';

const blobFile = (dir: string, hash: string) => path.join(dir, 'captures', `${hash}.blob`);

describe('doctor: capture files', () => {
  it('a healthy captured source has no problems', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    putCapturedSource(wb, 'Captured text.', '<p>raw</p>');
    const r = runDoctor(wb, { repair: false });
    expect(r.ok && r.value.problems).toEqual([]);
    await wb.close();
  });

  it('reports a missing raw file and a damaged printed copy, and repair restores both from a backup', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    const s = putCapturedSource(wb, 'Captured text.', '<p>raw</p>', '%PDF-1.7 printed');
    wb.store.backup('manual');
    const raw = s.capture!.raw.sha256;
    const printed = s.capture!.rendered!.sha256;
    fs.rmSync(blobFile(dir, raw));
    fs.rmSync(blobFile(dir, printed)); // a new file: the backup's hard link keeps the good copy
    fs.writeFileSync(blobFile(dir, printed), 'tampered');
    const found = runDoctor(wb, { repair: false });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.problems.map((p) => [p.kind, p.recordId, p.file])).toEqual([
      ['capture_missing', s.id, path.join('captures', `${raw}.blob`)],
      ['capture_damaged', s.id, path.join('captures', `${printed}.blob`)],
    ]);
    expect(found.value.problems[0]!.message).toMatch(/raw bytes are missing for source “A page”/);
    const repaired = runDoctor(wb, { repair: true });
    if (!repaired.ok) throw new Error(repaired.error.message);
    expect(repaired.value.repaired?.unrepaired).toBe(0);
    expect(fs.readFileSync(blobFile(dir, raw), 'utf8')).toBe('<p>raw</p>');
    expect(fs.readFileSync(blobFile(dir, printed), 'utf8')).toBe('%PDF-1.7 printed');
    expect(fs.readdirSync(path.join(dir, 'quarantine', 'captures')).map((f) => fs.readFileSync(path.join(dir, 'quarantine', 'captures', f), 'utf8'))).toEqual(['tampered']);
    const after = runDoctor(wb, { repair: false });
    expect(after.ok && after.value.problems).toEqual([]);
    await wb.close();
  });

  it('without a backup holding it, a missing capture file is left unrepaired and still reported', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    const s = putCapturedSource(wb, 'Captured text.', '<p>raw</p>', null);
    fs.rmSync(blobFile(dir, s.capture!.raw.sha256));
    const r = runDoctor(wb, { repair: true });
    expect(r.ok && r.value.repaired?.unrepaired).toBe(1);
    const again = runDoctor(wb, { repair: false });
    expect(again.ok && again.value.problems.map((p) => p.kind)).toEqual(['capture_missing']);
    await wb.close();
  });
});
