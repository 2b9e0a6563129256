/** capture.url through the real fetcher against a local server, then capture.verify and capture.artifact on what it stored. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { importText } from '../workbench/sources';
import { createCaptureHandlers } from './handlers-capture';
import { hashBytes } from '../store/captures';
import { captureFixture, startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { tempDir } from '../../../tests/unit/helpers';
import type { PagePrinter } from '../capture/types';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => server.close());

const PRINTED = new TextEncoder().encode('%PDF-1.7 the printed page');
const printer: PagePrinter = async () => PRINTED.slice();

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('capture handlers', () => {
  it('captures a fixture news page through the real fetcher (redirect, gzip), verifies it, and hands out its files', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const h = createCaptureHandlers(wb, { pagePrinter: printer });
    const target = '/fixture?name=news-jsonld-graph.html&charset=utf-8&compress=gzip';
    const url = server.url(`/redirect?status=301&to=${encodeURIComponent(target)}`);
    const captured = must(await h['capture.url']({ url }));
    const c = captured.source.capture!;
    expect(c).toMatchObject({ requestedUrl: url, finalUrl: server.url(target), status: 200, charsetSource: 'header' });
    expect(c.redirects).toEqual([{ url, status: 301, location: server.url(target) }]);
    expect(c.headers['content-encoding']).toBe('gzip');
    // The raw blob holds the body as received with the content-encoding undone: the fixture page, byte for byte.
    expect(wb.store.captures.get(c.raw.sha256)?.toString('utf8')).toBe(captureFixture('news-jsonld-graph.html'));
    expect(captured.source.meta.url).toBe(server.url('/world/2026/03/05/grain-corridor-talks-stall'));
    expect(captured.timings.fetchMs).toBeGreaterThanOrEqual(0);

    expect(must(await h['capture.verify']({ sourceId: captured.source.id }))).toMatchObject({
      ok: true, raw: { ok: true, expected: c.raw.sha256, actual: c.raw.sha256 }, rendered: { ok: true }, text: { ok: true },
    });
    const raw = must(await h['capture.artifact']({ sourceId: captured.source.id, which: 'raw' }));
    expect(raw.fileName).toBe(`${captured.source.meta.title} (captured ${c.capturedAt.slice(0, 10)}).html`);
    expect(hashBytes(Buffer.from(raw.dataBase64, 'base64'))).toBe(c.raw.sha256);
    const pdf = must(await h['capture.artifact']({ sourceId: captured.source.id, which: 'rendered' }));
    expect(pdf.fileName).toMatch(/\(captured \d{4}-\d{2}-\d{2}\)\.pdf$/);
    expect(Buffer.from(pdf.dataBase64, 'base64')).toEqual(Buffer.from(PRINTED));
    await wb.close();
  });

  it('capture.url answers a 404 with capture_failed (reason, url, status) and stores nothing', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const h = createCaptureHandlers(wb, {});
    const r = await h['capture.url']({ url: server.url('/status/404') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'capture_failed', details: { reason: 'http_status', status: 404, url: server.url('/status/404') } });
    expect(wb.state.count('sources')).toBe(0);
    expect(fs.existsSync(path.join(wb.store.dir, 'captures'))).toBe(false);
    await wb.close();
  });

  it('capture.verify finds a tampered raw file, printed copy or text; artifact refuses a damaged file', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    const h = createCaptureHandlers(wb, { pagePrinter: printer });
    const { source } = must(await h['capture.url']({ url: server.url('/fixture?name=thinktank-report.html') }));
    const c = source.capture!;
    const tamper = (file: string) => {
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0x01;
      fs.rmSync(file);
      fs.writeFileSync(file, bytes);
    };
    tamper(path.join(dir, 'captures', `${c.raw.sha256}.blob`));
    const v1 = must(await h['capture.verify']({ sourceId: source.id }));
    expect(v1).toMatchObject({ ok: false, raw: { ok: false, expected: c.raw.sha256 }, rendered: { ok: true }, text: { ok: true } });
    expect(v1.raw.actual).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.raw.actual).not.toBe(c.raw.sha256);
    const refused = await h['capture.artifact']({ sourceId: source.id, which: 'raw' });
    expect(refused.ok || refused.error.code).toBe('not_found');
    tamper(path.join(dir, 'captures', `${c.rendered!.sha256}.blob`));
    tamper(path.join(dir, 'texts', `${source.contentHash}.txt`));
    expect(must(await h['capture.verify']({ sourceId: source.id }))).toMatchObject({ ok: false, rendered: { ok: false }, text: { ok: false } });
    fs.rmSync(path.join(dir, 'captures', `${c.raw.sha256}.blob`));
    expect(must(await h['capture.verify']({ sourceId: source.id })).raw).toEqual({ expected: c.raw.sha256, actual: null, ok: false });
    await wb.close();
  });

  it('verify and artifact: not_found for an unknown id, unsupported for a source that was not captured or has no printed copy', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const h = createCaptureHandlers(wb, {});
    const pasted = must(await importText(wb, 'A pasted note.'));
    const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
    expect(codeOf(await h['capture.verify']({ sourceId: 'nope' }))).toBe('not_found');
    expect(codeOf(await h['capture.verify']({ sourceId: pasted.source.id }))).toBe('unsupported');
    expect(codeOf(await h['capture.artifact']({ sourceId: pasted.source.id, which: 'raw' }))).toBe('unsupported');
    const { source } = must(await h['capture.url']({ url: server.url('/notes.txt') }));
    expect(source.capture).toMatchObject({ rendered: null, renderError: 'printing is not available in this host' });
    const none = await h['capture.artifact']({ sourceId: source.id, which: 'rendered' });
    expect(none.ok ? 'ok' : none.error).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/no printed copy \(printing is not available/) });
    expect(must(await h['capture.artifact']({ sourceId: source.id, which: 'raw' })).fileName).toMatch(/\.txt$/);
    await wb.close();
  });
});
