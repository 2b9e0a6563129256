/** Capture files: durable before the journal entry, verified on read, a damaged one quarantined; kept by backups and restore. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { deleteSource } from '../workbench/sources';
import { deleteHighlight } from '../workbench/highlights';
import { ok } from '../../../shared/domain/result';
import type { Highlight } from '../../../shared/domain/types';
import { CaptureStore, hashBytes, referencedCaptures } from './captures';
import { checkBackup, listBackups } from './backups';
import { restoreBackup } from './restore';
import { spyFs } from '../../../tests/robustness/fs-spy';
import { putCapturedSource } from '../../../tests/support/capture-fixture';
import { tempDir } from '../../../tests/unit/helpers';

const blobFile = (dir: string, hash: string) => path.join(dir, 'captures', `${hash}.blob`);

describe('capture store', () => {
  it('writes a blob durably (temp file fsynced, renamed, folder fsynced) before the journal entry that names it', async () => {
    const spy = spyFs();
    const dir = tempDir();
    const wb = await Workbench.open(dir, { fs: spy.ops, autoBackup: false });
    spy.calls.length = 0;
    const source = putCapturedSource(wb, 'Text of a captured page.', '<html><body>raw page</body></html>');
    const hash = source.capture!.raw.sha256;
    const rename = spy.calls.findIndex((c) => c.startsWith('rename ') && c.endsWith(` -> ${hash}.blob`));
    expect(rename, spy.calls.join(' | ')).toBeGreaterThan(-1);
    const tmp = spy.calls[rename]!.slice('rename '.length, spy.calls[rename]!.indexOf(' -> '));
    expect(spy.calls.lastIndexOf(`fsync ${tmp}`, rename)).toBeGreaterThan(-1);
    expect(spy.calls.slice(rename + 1, rename + 3)).toEqual(['open captures', 'fsync captures']);
    // The folder was new: its entry in the workspace folder was made durable too, before the blob went in.
    expect(spy.calls.indexOf('mkdir captures')).toBeLessThan(rename);
    expect(spy.calls.indexOf(`fsync ${path.basename(dir)}`, spy.calls.indexOf('mkdir captures'))).toBeLessThan(rename);
    expect(spy.calls.indexOf('write journal.log')).toBeGreaterThan(rename + 2);
    expect(fs.readFileSync(blobFile(dir, hash), 'utf8')).toBe('<html><body>raw page</body></html>');
    await wb.close();
  });

  it('reads verified: a changed file reads as null and "damaged", a missing one as "missing"', () => {
    const dir = tempDir();
    const store = new CaptureStore(path.join(dir, 'captures'));
    const ref = store.put(Buffer.from('raw bytes'), 'text/plain');
    expect(ref).toEqual({ sha256: hashBytes(Buffer.from('raw bytes')), bytes: 9, mediaType: 'text/plain' });
    expect(store.get(ref.sha256)?.toString()).toBe('raw bytes');
    expect(store.state(ref.sha256)).toBe('ok');
    fs.writeFileSync(blobFile(dir, ref.sha256), 'raw bytez');
    expect(store.get(ref.sha256)).toBeNull();
    expect(store.read(ref.sha256)?.toString()).toBe('raw bytez');
    expect(store.state(ref.sha256)).toBe('damaged');
    fs.rmSync(blobFile(dir, ref.sha256));
    expect(store.state(ref.sha256)).toBe('missing');
    expect(store.get('../../etc/passwd')).toBeNull();
  });

  it('moves a damaged file to quarantine/captures and writes the good bytes when the same blob is stored again', () => {
    const dir = tempDir();
    const store = new CaptureStore(path.join(dir, 'captures'));
    const ref = store.put(Buffer.from('original'), 'text/html');
    fs.writeFileSync(blobFile(dir, ref.sha256), 'tampered');
    const again = new CaptureStore(path.join(dir, 'captures')); // a new process: nothing known durable
    again.put(Buffer.from('original'), 'text/html');
    expect(fs.readFileSync(blobFile(dir, ref.sha256), 'utf8')).toBe('original');
    const quarantined = fs.readdirSync(path.join(dir, 'quarantine', 'captures'));
    expect(quarantined).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'quarantine', 'captures', quarantined[0]!), 'utf8')).toBe('tampered');
  });

  it('counts the files of deleted sources undo could bring back as referenced', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const s = putCapturedSource(wb, 'A text.', 'raw', 'printed');
    expect(deleteSource(wb, s.id).ok).toBe(true);
    expect(referencedCaptures(wb.state)).toEqual(new Set([s.capture!.raw.sha256, s.capture!.rendered!.sha256]));
    await wb.close();
  });

  it('counts the original PDF of a source and the crop of an area highlight, live or only in undo history', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const s = putCapturedSource(wb, 'A text.', 'raw', null);
    const original = wb.store.captures.put(Buffer.from('%PDF-1.7 original'), 'application/pdf');
    const crop = wb.store.captures.put(Buffer.from('png crop'), 'image/png');
    const paged = { ...s, pdf: { original, pageCount: 1, pages: [{ start: 0, end: 7, width: 612, height: 792, rotation: 0 }] } };
    const t = s.createdAt;
    const h: Highlight = {
      id: 'area-1', sourceId: s.id, color: 'yellow', quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 }, tagIds: [], note: '', entityIds: [],
      area: { page: 1, rect: { x: 0, y: 0, w: 1, h: 1 }, image: crop }, createdAt: t, updatedAt: t,
    };
    // Quiet: live records with no undo step, so only the live state names their files.
    wb.run('put', () => ok({ ops: [{ t: 'put', c: 'sources', v: paged }, { t: 'put', c: 'highlights', v: h }], value: null }), { quiet: true });
    expect(wb.state.history.undo).toHaveLength(1); // the fixture's own put, before the PDF record existed
    expect(referencedCaptures(wb.state)).toEqual(new Set([s.capture!.raw.sha256, original.sha256, crop.sha256]));
    expect(deleteHighlight(wb, h.id).ok).toBe(true);
    expect(referencedCaptures(wb.state).has(crop.sha256)).toBe(true);
    await wb.close();
  });
});

describe('backups and restore with captures', () => {
  it('hard-links the capture files into the backup, lists them, and verifies them by reading back', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    const s = putCapturedSource(wb, 'Captured text.', '<p>raw</p>', '%PDF-1.7 printed');
    const info = wb.store.backup('manual');
    await wb.close();
    const root = path.join(dir, 'backups', info.id);
    const meta = JSON.parse(fs.readFileSync(path.join(root, 'backup.json'), 'utf8')) as { captures: string[] };
    expect(meta.captures.sort()).toEqual([s.capture!.raw.sha256, s.capture!.rendered!.sha256].sort());
    for (const h of meta.captures) {
      expect(fs.statSync(path.join(root, 'captures', `${h}.blob`)).ino).toBe(fs.statSync(blobFile(dir, h)).ino);
    }
    // Damage the backup's copy (a new file, so the live one keeps its bytes): only the full check notices.
    const copy = path.join(root, 'captures', `${s.capture!.raw.sha256}.blob`);
    fs.rmSync(copy);
    fs.writeFileSync(copy, '<p>raX</p>');
    expect(checkBackup(dir, info.id, false).problem).toBeNull();
    expect(checkBackup(dir, info.id, true).problem).toMatch(/capture file .* is damaged/);
    fs.rmSync(copy);
    expect(checkBackup(dir, info.id, false).problem).toMatch(/capture file .* is missing/);
  });

  it('a backup of a workspace without captures has no captures folder', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    wb.store.texts.put('x');
    const info = wb.store.backup('manual');
    await wb.close();
    expect(fs.existsSync(path.join(dir, 'backups', info.id, 'captures'))).toBe(false);
    expect(listBackups(dir, true)[0]!.verified).toBe(true);
  });

  it('restore brings back capture files that went missing and quarantines a damaged one', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    const s = putCapturedSource(wb, 'Captured text.', '<p>raw</p>', '%PDF-1.7 printed');
    const info = wb.store.backup('manual');
    await wb.close();
    const raw = blobFile(dir, s.capture!.raw.sha256);
    const printed = blobFile(dir, s.capture!.rendered!.sha256);
    fs.rmSync(raw);
    fs.rmSync(printed);
    fs.writeFileSync(printed, 'not the printed copy');
    const r = restoreBackup(dir, info.id);
    expect(r.ok).toBe(true);
    expect(fs.readFileSync(raw, 'utf8')).toBe('<p>raw</p>');
    expect(fs.readFileSync(printed, 'utf8')).toBe('%PDF-1.7 printed');
    expect(r.ok && r.quarantined.map((q) => q.file)).toContain(path.join('captures', `${s.capture!.rendered!.sha256}.blob`));
    const again = await Workbench.open(dir, { autoBackup: false });
    expect(again.store.captures.state(s.capture!.raw.sha256)).toBe('ok');
    await again.close();
  });
});
