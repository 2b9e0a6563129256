/** capture.recapture, capture.versions and capture.diff through the real fetcher against a page that changes between fetches. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { createHighlight } from '../workbench/highlights';
import { importText } from '../workbench/sources';
import { createCaptureHandlers } from './handlers-capture';
import { startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { tempDir } from '../../../tests/unit/helpers';

let server: FixtureServer;
let body = '';
beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/changing', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
});
afterAll(async () => server.close());

const page = (paras: string[]) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Port strike enters second week</title>` +
  `<link rel="canonical" href="/news/port-strike"></head><body><article><h1>Port strike enters second week</h1>` +
  `${paras.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;

const V1 = [
  'Dock workers at the southern terminal voted on Tuesday to continue the strike for a second week, union officials said.',
  'The port authority said forty ships were waiting at anchor and that perishable cargo had been diverted to other harbours.',
  'Negotiators for both sides are due to meet again on Friday under the supervision of the regional labour inspector.',
];
const V2 = [V1[0]!, V1[1]!.replace('forty ships', 'fifty-two ships'), V1[2]!];

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('re-capture handlers', () => {
  it('a page that changed between two fetches: a second version, carried highlights, a readable diff and the chain', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const h = createCaptureHandlers(wb, {});
    body = page(V1);
    const url = server.url('/changing');
    const v1 = must(await h['capture.url']({ url })).source;
    const text1 = wb.store.texts.get(v1.contentHash)!;
    const quote = 'Negotiators for both sides are due to meet again on Friday';
    const at = text1.indexOf(quote);
    must(createHighlight(wb, { sourceId: v1.id, start: at, end: at + quote.length, color: 'green', tagIds: [], note: 'next meeting' }));
    const changedQuote = 'forty ships were waiting at anchor';
    const at2 = text1.indexOf(changedQuote);
    const orphan = must(createHighlight(wb, { sourceId: v1.id, start: at2, end: at2 + changedQuote.length, color: 'pink', tagIds: [], note: '' }));

    expect(must(await h['capture.recapture']({ sourceId: v1.id }))).toMatchObject({ status: 'unchanged', rawChanged: false });
    body = page(V2);
    const r = must(await h['capture.recapture']({ sourceId: v1.id }));
    expect(r).toMatchObject({ status: 'changed', rawChanged: true, previousId: v1.id, carried: 1, orphans: [{ highlightId: orphan.id, exact: changedQuote }] });
    expect(r.source.capture).toMatchObject({ requestedUrl: url, finalUrl: url, status: 200 });
    expect(r.source.meta.url).toBe(server.url('/news/port-strike'));
    expect(r.source.versionOf).toEqual({ rootId: v1.id, previousId: v1.id, version: 2 });
    expect(wb.state.highlightsOf(r.source.id)).toEqual([expect.objectContaining({ note: 'next meeting', color: 'green', quote: expect.objectContaining({ exact: quote }) })]);
    expect(server.requests.filter((q) => q.path === '/changing')).toHaveLength(3);

    const versions = must(await h['capture.versions']({ sourceId: r.source.id }));
    expect(versions.map((v) => [v.id, v.version, v.highlightCount])).toEqual([[v1.id, 1, 2], [r.source.id, 2, 1]]);
    expect(versions[0]!.capturedAt <= versions[1]!.capturedAt).toBe(true);

    const diff = must(await h['capture.diff']({ fromId: v1.id, toId: r.source.id }));
    expect(diff.fromId).toBe(v1.id);
    expect(diff.parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['forty']);
    expect(diff.parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['fifty-two']);
    expect(diff.stats).toMatchObject({ deletedChars: 5, insertedChars: 9 });
    await wb.close();
  });

  it('answers not_found and unsupported as the contract says', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const h = createCaptureHandlers(wb, {});
    const pasted = must(await importText(wb, 'Pasted notes.', 'Notes')).source;
    expect(await h['capture.recapture']({ sourceId: pasted.id })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await h['capture.recapture']({ sourceId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h['capture.versions']({ sourceId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h['capture.diff']({ fromId: pasted.id, toId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await wb.close();
  });
});
