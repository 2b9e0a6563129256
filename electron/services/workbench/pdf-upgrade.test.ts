/** Re-importing a PDF upgrades its older text-only source in place: pages added, highlights re-anchored, orphans kept. */
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Workbench } from './workbench';
import { addDocument, importFile } from './sources';
import { createHighlight } from './highlights';
import { readingSimilarity } from './pdf-upgrade';
import { hashText } from '../store/texts';
import { emptyMeta } from '../import/types';
import type { Highlight, Source } from '../../../shared/domain/types';
import { tempDir } from '../../../tests/unit/helpers';
import { putRecord } from '../../../tests/robustness/fixture';
import { verifyCapture } from '../capture/capture-files';
import type { CaptureRecord } from '../../../shared/domain/capture';

const P1 = 'The harbour authority reviewed the grain corridor plan in great detail.';
const P2 = 'Observers questioned the pipeline tariff and the border census again.';
const P3 = 'The committee endorsed the river treaty after a long and heated debate.';
const NEW_TEXT = `${P1}\n\n${P2}\n\n${P3}`;

async function pagesPdf(texts: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const t of texts) doc.addPage([560, 600]).drawText(t, { x: 20, y: 540, size: 11, font });
  return doc.save();
}

/** A source as the importer before issue 16 made it: kind pdf, text only, no page record. */
function oldTextOnly(wb: Workbench, text: string, fileName: string): Source {
  const r = addDocument(wb, { kind: 'pdf', text, meta: { ...emptyMeta(), title: 'Harbour report' } }, fileName);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.source.pdf).toBeUndefined();
  return r.value.source;
}

function highlight(wb: Workbench, source: Source, text: string, words: string): Highlight {
  const start = text.indexOf(words);
  const r = createHighlight(wb, { sourceId: source.id, start, end: start + words.length, color: 'green', tagIds: [], note: `on ${words}` });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('readingSimilarity', () => {
  it('is high for two readings of one document, and 0 for an excerpt or an unrelated text', () => {
    const old = `Draft copy\n\n${P1}\n\n${P2} ${P3}`;
    expect(readingSimilarity(old, NEW_TEXT)).toBeGreaterThanOrEqual(0.8);
    expect(readingSimilarity(P1, NEW_TEXT)).toBe(0);
    expect(readingSimilarity('Completely different words about fisheries quotas and budgets in spring.', NEW_TEXT)).toBe(0);
  });
});

describe('re-importing a PDF that is a text-only source', () => {
  it('with the same text: adds the pages to that source (duplicate, upgraded), highlights kept, undo removes the pages', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const bytes = await pagesPdf([P1, P2, P3]);
    const old = oldTextOnly(wb, NEW_TEXT, 'report.pdf');
    const h = highlight(wb, old, NEW_TEXT, 'grain corridor plan');
    const r = await importFile(wb, 'report.pdf', bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ duplicate: true, upgraded: { sourceId: old.id, carried: 1, orphans: [] } });
    expect(r.value.source.id).toBe(old.id);
    expect(r.value.source.pdf?.pageCount).toBe(3);
    expect(wb.state.all('sources')).toHaveLength(1);
    expect(wb.state.get('highlights', h.id)).toEqual(h);
    expect(wb.step('undo')).toEqual({ ok: true, value: 'Give “Harbour report” its pages' });
    expect(wb.state.get('sources', old.id)).toEqual(old);
    await wb.close();
  });

  it('with the same file name but a different reading: new text, highlights re-anchored, orphans untouched, one undo', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const bytes = await pagesPdf([P1, P2, P3]);
    // The old importer read a running header and a line the new reading does not have.
    const oldText = `Draft copy\n\n${P1}\n\n${P2}\n\n${P3} A closing remark the new reading lacks entirely.`;
    const old = oldTextOnly(wb, oldText, 'REPORT.PDF');
    const corridor = highlight(wb, old, oldText, 'grain corridor plan');
    const lacking = highlight(wb, old, oldText, 'lacks entirely');
    const treaty = highlight(wb, old, oldText, 'heated debate');
    const r = await importFile(wb, 'report.pdf', bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.duplicate).toBe(true);
    expect(r.value.upgraded).toEqual({ sourceId: old.id, carried: 2, orphans: [{ id: lacking.id, exact: 'lacks entirely' }] });
    const source = wb.state.get('sources', old.id)!;
    expect(source).toMatchObject({ contentHash: hashText(NEW_TEXT), textLength: NEW_TEXT.length, pdf: { pageCount: 3 } });
    expect(wb.store.texts.get(source.contentHash)).toBe(NEW_TEXT);
    expect(wb.state.all('sources')).toHaveLength(1);
    for (const before of [corridor, treaty]) {
      const after = wb.state.get('highlights', before.id)!;
      expect(after.position.start).toBe(NEW_TEXT.indexOf(before.quote.exact));
      expect(NEW_TEXT.slice(after.position.start, after.position.end)).toBe(before.quote.exact);
      expect(after).toMatchObject({ color: 'green', note: before.note, quote: { exact: before.quote.exact } });
    }
    // Re-described in the new text: its context is the new text's (the old one went on with the closing remark).
    expect(treaty.quote.suffix).toBe('. A closing remark the new readi');
    expect(wb.state.get('highlights', treaty.id)!.quote.suffix).toBe('.');
    expect(wb.state.get('highlights', lacking.id)).toEqual(lacking);
    // One transaction: a single undo brings back the old text and every highlight exactly as it was.
    expect(wb.step('undo')).toEqual({ ok: true, value: 'Give “Harbour report” its pages' });
    expect(wb.state.get('sources', old.id)).toEqual(old);
    for (const h of [corridor, lacking, treaty]) expect(wb.state.get('highlights', h.id)).toEqual(h);
    await wb.close();
  });

  it('a different document under the same name, or the same words under another name, is a new source', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    oldTextOnly(wb, 'An unrelated memo about fisheries quotas, school budgets and the port lease renewal.', 'report.pdf');
    oldTextOnly(wb, `Draft copy\n\n${NEW_TEXT}`, 'other-name.pdf');
    const r = await importFile(wb, 'report.pdf', await pagesPdf([P1, P2, P3]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.duplicate).toBe(false);
    expect(r.value.upgraded).toBeUndefined();
    expect(wb.state.all('sources')).toHaveLength(3);
    expect(wb.state.all('sources').filter((s) => s.pdf).map((s) => s.id)).toEqual([r.value.source.id]);
    await wb.close();
  });

  it('a PDF source that already has its pages stays a plain duplicate', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const bytes = await pagesPdf([P1, P2, P3]);
    const first = await importFile(wb, 'report.pdf', bytes.slice());
    const again = await importFile(wb, 'report.pdf', bytes.slice());
    if (!first.ok || !again.ok) throw new Error('import failed');
    expect(again.value).toEqual({ source: first.value.source, duplicate: true });
    expect(wb.state.history.undo).toHaveLength(1);
    await wb.close();
  });
});

describe('re-importing a PDF onto a text-only source that was captured by URL', () => {
  /** The old source with a capture record of `raw` whose text hash is the old text's, as a capture before issue 16. */
  function captured(wb: Workbench, source: Source, raw: Uint8Array, contentType: string): Source {
    const ref = wb.store.captures.put(Buffer.from(raw), contentType);
    const capture: CaptureRecord = {
      method: 'url', requestedUrl: 'http://127.0.0.1/report.pdf', finalUrl: 'http://127.0.0.1/report.pdf', redirects: [], status: 200,
      headers: { 'content-type': contentType }, capturedAt: '2026-11-01T09:00:00.000Z', contentType, charset: '', charsetSource: 'none',
      raw: ref, textSha256: source.contentHash, rendered: null,
      page: { title: 'Harbour report', authors: [], publisher: '', publishedAt: '', modifiedAt: '', language: '', canonicalUrl: '', found: [] },
      userAgent: '',
    };
    const withCapture: Source = { ...source, capture };
    putRecord(wb, 'sources', withCapture);
    return withCapture;
  }
  const oldText = `Draft copy\n\n${P1}\n\n${P2}\n\n${P3}`;

  it('a capture of these same PDF bytes is kept, its text hash following the new reading, so it still verifies', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const bytes = await pagesPdf([P1, P2, P3]);
    const old = captured(wb, oldTextOnly(wb, oldText, 'report.pdf'), bytes, 'application/pdf');
    const r = await importFile(wb, 'report.pdf', bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.upgraded?.sourceId).toBe(old.id);
    const now = wb.state.get('sources', old.id)!;
    expect(now.contentHash).not.toBe(old.contentHash);
    expect(now.capture).toEqual({ ...old.capture, textSha256: now.contentHash });
    const v = verifyCapture(wb, old.id);
    expect(v.ok && v.value.ok).toBe(true);
    await wb.close();
  });

  it('a capture of other bytes no longer describes the text and is left out; undo brings it back', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const bytes = await pagesPdf([P1, P2, P3]);
    const old = captured(wb, oldTextOnly(wb, oldText, 'report.pdf'), new TextEncoder().encode('%PDF-1.4 an older print of it'), 'application/pdf');
    const r = await importFile(wb, 'report.pdf', bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.upgraded?.sourceId).toBe(old.id);
    expect(wb.state.get('sources', old.id)!.capture).toBeUndefined();
    const v = verifyCapture(wb, old.id);
    expect(v.ok).toBe(false);
    expect(wb.step('undo')).toEqual({ ok: true, value: 'Give “Harbour report” its pages' });
    expect(wb.state.get('sources', old.id)).toEqual(old);
    await wb.close();
  });
});
