/** A PDF that arrives by web capture keeps its pages like an imported one: its raw bytes are its original. */
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Workbench } from '../workbench/workbench';
import { captureFetched } from './capture-url';
import { carryHighlights } from './carry-highlights';
import { blobsOf } from '../store/captures';
import type { Highlight } from '../../../shared/domain/types';
import { tempDir } from '../../../tests/unit/helpers';

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const t of ['Captured first page.', 'Captured second page.']) doc.addPage([400, 600]).drawText(t, { x: 40, y: 540, size: 12, font });
  return doc.save();
}

describe('capturing a PDF', () => {
  it('gives the captured source its page record, whose original is the capture raw blob', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const bytes = await twoPagePdf();
    const r = await captureFetched(wb, {
      requestedUrl: 'http://127.0.0.1/brief.pdf', finalUrl: 'http://127.0.0.1/brief.pdf', redirects: [], status: 200,
      headers: { 'content-type': 'application/pdf' }, contentType: 'application/pdf', headerCharset: '', bytes,
      receivedAt: '2026-01-01T00:00:00.000Z',
    }, { method: 'url', userAgent: '' });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value.source;
    expect(s.capture?.raw.sha256).toBeDefined();
    expect(s.pdf).toMatchObject({ pageCount: 2, original: { sha256: s.capture!.raw.sha256, mediaType: 'application/pdf' } });
    const text = wb.store.texts.get(s.contentHash)!;
    expect(s.pdf!.pages.map((p) => text.slice(p.start, p.end))).toEqual(['Captured first page.', 'Captured second page.']);
    expect(blobsOf(s)).toEqual([s.capture!.raw.sha256]);
    await wb.close();
  });

  it('a re-capture lists an area highlight as an orphan named by its page instead of carrying it', () => {
    const t = '2026-01-01T00:00:00.000Z';
    const areaHighlight: Highlight = {
      id: 'a1', sourceId: 's1', color: 'yellow', quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 5, end: 5 }, tagIds: [], note: '', entityIds: [],
      area: { page: 2, rect: { x: 0, y: 0, w: 1, h: 1 }, image: null }, createdAt: t, updatedAt: t,
    };
    expect(carryHighlights([areaHighlight], 'Some new text.', 's2')).toEqual({
      highlights: [], orphans: [{ highlightId: 'a1', exact: '[area of page 2]' }],
    });
  });
});
