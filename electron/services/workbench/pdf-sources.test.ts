/** Kept PDFs: the original stored before the journal entry, read back verified, covered by backups; area highlights. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Workbench } from './workbench';
import { importFile, importText, openSource } from './sources';
import { createAreaHighlight, readPdfOriginal, type AreaRequest } from './pdf-sources';
import { blobsOf, referencedCaptures } from '../store/captures';
import { restoreBackup } from '../store/restore';
import { runDoctor } from '../maintenance/doctor';
import type { PdfOcr } from '../import/types';
import { err } from '../../../shared/domain/result';
import { tempDir } from '../../../tests/unit/helpers';
import { buildPlainPagesPdf, buildScannedPdf } from '../../../tests/support/pdf-fixtures';

const blobFile = (dir: string, hash: string) => path.join(dir, 'captures', `${hash}.blob`);


function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real (tiny, grey) PNG of width × height pixels. */
function png(width = 2, height = 2): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * Math.min(height, 4), 0x80);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function withPdf(texts = ['First page words.', 'Second page words.', 'Third page words.']) {
  const dir = tempDir();
  const wb = await Workbench.open(dir, { autoBackup: false });
  const bytes = await buildPlainPagesPdf(texts);
  const r = await importFile(wb, 'paged.pdf', bytes.slice());
  if (!r.ok) throw new Error(r.error.message);
  return { dir, wb, bytes, source: r.value.source };
}

const area = (sourceId: string, over: Partial<AreaRequest> = {}): AreaRequest => ({
  sourceId, page: 2, rect: { x: 0.1, y: 0.2, w: 0.5, h: 0.3 }, imageBase64: png().toString('base64'),
  color: 'yellow', tagIds: [], note: '', ...over,
});

describe('a PDF import keeps its original', () => {
  it('stores the original in captures/, gives the source its page map, and lists the blob as referenced', async () => {
    const { dir, wb, bytes, source } = await withPdf();
    const pdf = source.pdf!;
    expect(pdf.pageCount).toBe(3);
    expect(pdf.original).toMatchObject({ bytes: bytes.byteLength, mediaType: 'application/pdf' });
    expect(fs.readFileSync(blobFile(dir, pdf.original.sha256)).equals(Buffer.from(bytes))).toBe(true);
    expect(blobsOf(source)).toEqual([pdf.original.sha256]);
    expect(referencedCaptures(wb.state).has(pdf.original.sha256)).toBe(true);
    const text = wb.store.texts.get(source.contentHash)!;
    expect(pdf.pages.map((p) => text.slice(p.start, p.end))).toEqual(['First page words.', 'Second page words.', 'Third page words.']);
    await wb.close();
  });

  it('reads the original back (base64), and says why not: no source, no pages, file changed on disk', async () => {
    const { dir, wb, bytes, source } = await withPdf();
    const r = readPdfOriginal(wb, source.id);
    expect(r.ok && Buffer.from(r.value.dataBase64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(r.ok && r.value.fileName).toBe('paged.pdf');
    expect(readPdfOriginal(wb, 'nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const plain = await importText(wb, 'Plain pasted words for the test.');
    const textOnly = readPdfOriginal(wb, plain.ok ? plain.value.source.id : '');
    expect(textOnly).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/is not a PDF: it has no pages/) } });
    fs.rmSync(blobFile(dir, source.pdf!.original.sha256));
    fs.writeFileSync(blobFile(dir, source.pdf!.original.sha256), 'tampered');
    expect(readPdfOriginal(wb, source.id)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/has changed on disk/) } });
    await wb.close();
  });

  it('a backup keeps the original and the area crop; restore brings back both after they went missing', async () => {
    const { dir, wb, source } = await withPdf();
    const made = createAreaHighlight(wb, area(source.id));
    if (!made.ok) throw new Error(made.error.message);
    const info = wb.store.backup('manual');
    await wb.close();
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'backups', info.id, 'backup.json'), 'utf8')) as { captures: string[] };
    const kept = [source.pdf!.original.sha256, made.value.area!.image!.sha256];
    expect(meta.captures.sort()).toEqual([...kept].sort());
    for (const h of kept) fs.rmSync(blobFile(dir, h));
    expect(restoreBackup(dir, info.id).ok).toBe(true);
    const again = await Workbench.open(dir, { autoBackup: false });
    for (const h of kept) expect(again.store.captures.state(h)).toBe('ok');
    await again.close();
  });

  it('the doctor reports a missing original and a damaged crop, and repairs both from a backup', async () => {
    const { dir, wb, source } = await withPdf();
    const made = createAreaHighlight(wb, area(source.id));
    if (!made.ok) throw new Error(made.error.message);
    wb.store.backup('manual');
    const original = source.pdf!.original.sha256;
    const crop = made.value.area!.image!.sha256;
    fs.rmSync(blobFile(dir, original));
    fs.rmSync(blobFile(dir, crop));
    fs.writeFileSync(blobFile(dir, crop), 'tampered');
    const found = runDoctor(wb, { repair: false });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.problems.map((p) => [p.kind, p.collection, p.recordId])).toEqual([
      ['capture_missing', 'sources', source.id], ['capture_damaged', 'highlights', made.value.id],
    ]);
    expect(found.value.problems[0]!.message).toMatch(/The original PDF is missing for source/);
    expect(found.value.problems[1]!.message).toMatch(/The image crop is damaged for the area highlight .* \(page 2 of/);
    const repaired = runDoctor(wb, { repair: true });
    expect(repaired.ok && repaired.value.repaired?.unrepaired).toBe(0);
    const after = runDoctor(wb, { repair: false });
    expect(after.ok && after.value.problems).toEqual([]);
    await wb.close();
  });

  it('a scanned PDF whose OCR fails is refused with a clear message, and nothing is stored', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    const ocr: PdfOcr = async () => err({ reason: 'ocr_failed', detail: 'the engine crashed' });
    const r = await importFile(wb, 'scan.pdf', await buildScannedPdf(), { import: { ocr } });
    expect(r).toMatchObject({ ok: false, error: { code: 'import_rejected', details: { reason: 'scanned_pdf' } } });
    expect(r.ok ? '' : r.error.message).toBe('scan.pdf: page 1 is a scanned image with no text layer, and the text could not be '
      + 'recognised (text recognition failed: the engine crashed); nothing was imported');
    expect(wb.state.all('sources')).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'captures'))).toBe(false);
    expect(wb.state.history.undo).toEqual([]);
    await wb.close();
  });
});

describe('area highlights', () => {
  it('stores the crop first, then one undoable highlight at its page (empty quote, collapsed at the page start)', async () => {
    const { dir, wb, source } = await withPdf();
    const made = createAreaHighlight(wb, area(source.id, { note: 'the chart' }));
    if (!made.ok) throw new Error(made.error.message);
    const h = made.value;
    expect(h.quote).toEqual({ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' });
    const page2 = source.pdf!.pages[1]!;
    expect(h.position).toEqual({ type: 'TextPositionSelector', start: page2.start, end: page2.start });
    expect(h.area).toMatchObject({ page: 2, rect: { x: 0.1, y: 0.2, w: 0.5, h: 0.3 }, image: { mediaType: 'image/png' } });
    expect(fs.readFileSync(blobFile(dir, h.area!.image!.sha256)).equals(png())).toBe(true);
    expect(referencedCaptures(wb.state).has(h.area!.image!.sha256)).toBe(true);
    // Opening the source places it at its page instead of orphaning it (its quote is empty).
    const view = openSource(wb, source.id);
    expect(view.ok && view.value.highlights.find((x) => x.highlight.id === h.id)).toMatchObject({
      status: 'exact', range: { start: page2.start, end: page2.start },
    });
    expect(wb.step('undo')).toEqual({ ok: true, value: 'Highlight an area of page 2' });
    expect(wb.state.get('highlights', h.id)).toBeUndefined();
    // Redo could bring it back: its crop stays referenced (kept by backups and compaction).
    expect(referencedCaptures(wb.state).has(h.area!.image!.sha256)).toBe(true);
    await wb.close();
  });

  it('accepts no image (null) and refuses what it cannot keep, each with a specific message and nothing stored', async () => {
    const { dir, wb, source } = await withPdf();
    const noImage = createAreaHighlight(wb, area(source.id, { imageBase64: null }));
    expect(noImage.ok && noImage.value.area!.image).toBeNull();
    const plain = await importText(wb, 'Plain pasted words for the test.');
    const plainId = plain.ok ? plain.value.source.id : '';
    const before = fs.readdirSync(path.join(dir, 'captures')).length;
    const undo = wb.state.history.undo.length;
    const truncated = png().subarray(0, png().length - 12);
    const wide = png(20_000, 2);
    const cases: Array<[Partial<AreaRequest>, string, RegExp]> = [
      [{ sourceId: 'missing' }, 'not_found', /No source with id missing/],
      [{ sourceId: plainId }, 'unsupported', /has no pages: an area of a page cannot be highlighted/],
      [{ page: 4 }, 'invalid_request', /Page 4 does not exist: “.*” has 3 pages/],
      [{ rect: { x: 0.8, y: 0, w: 0.5, h: 0.5 } }, 'invalid_request', /must lie inside the page/],
      [{ imageBase64: Buffer.from('GIF89a not a png at all, long enough to pass the size check....').toString('base64') }, 'invalid_request', /not a PNG \(no PNG signature\)/],
      [{ imageBase64: truncated.toString('base64') }, 'invalid_request', /does not end with IEND/],
      [{ imageBase64: wide.toString('base64') }, 'invalid_request', /too large \(20000 × 2 px/],
      [{ imageBase64: '' }, 'invalid_request', /the image is empty/],
      [{ tagIds: ['no-such-tag'] }, 'not_found', /No tag with id no-such-tag/],
    ];
    for (const [over, code, message] of cases) {
      const r = createAreaHighlight(wb, area(source.id, over));
      expect(r, JSON.stringify(over).slice(0, 80)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    expect(fs.readdirSync(path.join(dir, 'captures')).length).toBe(before);
    expect(wb.state.history.undo.length).toBe(undo);
    await wb.close();
  });
});
