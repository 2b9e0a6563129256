/** Capturing a PDF by URL gives an older text-only source of it its pages, as re-importing the file does (pdf-upgrade.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { addDocument } from '../workbench/sources';
import { createHighlight } from '../workbench/highlights';
import { importBytes } from '../import';
import { emptyMeta } from '../import/types';
import { captureUrl } from './capture-url';
import { verifyCapture } from './capture-files';
import { fetchPage } from './fetch-page';
import type { Highlight, Source } from '../../../shared/domain/types';
import { startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { buildPlainPagesPdf } from '../../../tests/support/pdf-fixtures';
import { tempDir } from '../../../tests/unit/helpers';

const PAGES = [
  'The harbour authority reviewed the grain corridor plan in great detail.',
  'Observers questioned the pipeline tariff and the border census again.',
  'The committee endorsed the river treaty after a long and heated debate.',
];

let server: FixtureServer;
let pdfBytes: Uint8Array;
/** The text today's importer reads from the served PDF. */
let pdfText: string;

beforeAll(async () => {
  pdfBytes = await buildPlainPagesPdf(PAGES);
  const read = await importBytes('report.pdf', pdfBytes);
  if (!read.ok) throw new Error(read.error.message);
  pdfText = read.value.text;
  server = await startFixtureServer();
  for (const p of ['/docs/report.pdf', '/other/unrelated-name.pdf']) {
    server.route(p, (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.from(pdfBytes));
    });
  }
});
afterAll(async () => server.close());

/** A source as the importer before issue 16 made it: kind pdf, text only, no page record, no capture. */
function oldTextOnly(wb: Workbench, text: string, fileName: string): Source {
  const r = addDocument(wb, { kind: 'pdf', text, meta: { ...emptyMeta(), title: 'Harbour report' } }, fileName);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.source.pdf).toBeUndefined();
  return r.value.source;
}

function highlight(wb: Workbench, source: Source, text: string, words: string): Highlight {
  const start = text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  const r = createHighlight(wb, { sourceId: source.id, start, end: start + words.length, color: 'green', tagIds: [], note: `on ${words}` });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function capture(wb: Workbench, path: string) {
  const r = await captureUrl(wb, server.url(path), { fetcher: fetchPage });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('capturing a PDF by URL that is an older text-only source', () => {
  it('with the same text: upgrades that source in place (pages, capture record), keeps its highlight, adds no source', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const old = oldTextOnly(wb, pdfText, 'report.pdf');
    const h = highlight(wb, old, pdfText, 'grain corridor plan');
    const url = server.url('/other/unrelated-name.pdf');
    const r = await capture(wb, '/other/unrelated-name.pdf');
    expect(r.duplicate).toBe(true);
    expect(r.upgraded).toEqual({ sourceId: old.id, carried: 1, orphans: [] });
    expect(wb.state.all('sources')).toHaveLength(1);
    const source = wb.state.get('sources', old.id)!;
    expect(r.source).toEqual(source);
    expect(source.pdf?.pageCount).toBe(3);
    expect(source.meta.title).toBe('Harbour report');
    // The capture's provenance is kept on the upgraded source: where from, when, and the raw bytes (= the original).
    expect(source.capture).toMatchObject({ requestedUrl: url, finalUrl: url, status: 200, contentType: 'application/pdf' });
    expect(Date.parse(source.capture!.capturedAt)).not.toBeNaN();
    expect(source.capture!.raw.sha256).toBe(source.pdf!.original.sha256);
    expect(verifyCapture(wb, old.id)).toMatchObject({ ok: true, value: { ok: true } });
    expect(wb.state.get('highlights', h.id)).toEqual(h);
    expect(wb.step('undo')).toEqual({ ok: true, value: 'Give “Harbour report” its pages' });
    expect(wb.state.get('sources', old.id)).toEqual(old);
    await wb.close();
  });

  it('with the same file name and nearly the same text: re-anchors highlights, lists the orphan, adds no source', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    // The old importer read a running header and a closing line that the new reading does not have.
    const oldText = `Draft copy\n\n${PAGES.join('\n\n')} A closing remark the new reading lacks entirely.`;
    const old = oldTextOnly(wb, oldText, 'REPORT.PDF');
    const corridor = highlight(wb, old, oldText, 'grain corridor plan');
    const lacking = highlight(wb, old, oldText, 'lacks entirely');
    const r = await capture(wb, '/docs/report.pdf');
    expect(r.duplicate).toBe(true);
    expect(r.upgraded).toEqual({ sourceId: old.id, carried: 1, orphans: [{ id: lacking.id, exact: 'lacks entirely' }] });
    expect(wb.state.all('sources')).toHaveLength(1);
    const source = wb.state.get('sources', old.id)!;
    expect(wb.store.texts.get(source.contentHash)).toBe(pdfText);
    expect(source.capture?.finalUrl).toBe(server.url('/docs/report.pdf'));
    const moved = wb.state.get('highlights', corridor.id)!;
    expect(pdfText.slice(moved.position.start, moved.position.end)).toBe('grain corridor plan');
    expect(wb.state.get('highlights', lacking.id)).toEqual(lacking);
    await wb.close();
  });

  it('nearly the same text under another name is not the same document: captured as a new source', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const old = oldTextOnly(wb, `Draft copy\n\n${PAGES.join('\n\n')}`, 'report.pdf');
    const r = await capture(wb, '/other/unrelated-name.pdf');
    expect(r.duplicate).toBe(false);
    expect(r.upgraded).toBeUndefined();
    expect(wb.state.all('sources')).toHaveLength(2);
    expect(wb.state.get('sources', old.id)).toEqual(old);
    await wb.close();
  });
});
