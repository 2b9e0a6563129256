/** Capture by URL with a fake fetcher: the stored source and provenance, duplicates, printing, and every failure storing nothing. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPTURE_FAILURES } from '../../../shared/domain/capture';
import { Workbench } from '../workbench/workbench';
import { hashText } from '../store/texts';
import { hashBytes } from '../store/captures';
import { captureUrl } from './capture-url';
import { NO_PRINTER } from './capture-prepare';
import type { CaptureError, FetchedPage, PageFetcher, PagePrinter } from './types';
import { captureFixture, encodeText } from '../../../tests/support/http-fixtures';
import { makeTestPdf } from '../../../tests/support/test-pdf';
import { tempDir } from '../../../tests/unit/helpers';

const AT = '2026-12-05T14:03:07.000Z';
const URL_A = 'https://news.example/world/2026/03/05/grain-corridor-talks-stall?utm=x';

function page(url: string, body: string | Uint8Array, over: Partial<FetchedPage> = {}): FetchedPage {
  return {
    requestedUrl: url, finalUrl: url, redirects: [], status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'session=s3cret', server: 'fixture' },
    contentType: 'text/html', headerCharset: 'utf-8',
    bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body, receivedAt: AT, ...over,
  };
}

/** Answers each URL with its page (a fresh copy each time) or its error; counts the calls. */
function fakeFetcher(answers: Record<string, FetchedPage | CaptureError>): PageFetcher & { calls: string[] } {
  const calls: string[] = [];
  const f = async (url: string) => {
    calls.push(url);
    const a = answers[url];
    if (!a) return { ok: false as const, error: { reason: 'dns' as const, url, message: `${url}: no such host` } };
    return 'reason' in a ? { ok: false as const, error: a } : { ok: true as const, value: { ...a, bytes: a.bytes.slice() } };
  };
  return Object.assign(f, { calls });
}

/** Everything a failed capture must leave as it was. */
function fingerprint(wb: Workbench) {
  const dir = wb.store.dir;
  const list = (sub: string) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).sort() : []);
  return { sources: wb.state.count('sources'), journal: fs.statSync(path.join(dir, 'journal.log')).size, captures: list('captures'), texts: list('texts') };
}

const news = () => captureFixture('news-jsonld-graph.html');

describe('captureUrl', () => {
  it('stores the page as a source with its provenance record, raw bytes and page metadata', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const redirects = [{ url: 'http://news.example/a', status: 301, location: URL_A }];
    const fetcher = fakeFetcher({ 'http://news.example/a': page('http://news.example/a', news(), { finalUrl: URL_A, redirects }) });
    const r = await captureUrl(wb, '  http://news.example/a ', { fetcher });
    if (!r.ok) throw new Error(r.error.message);
    const { source, duplicate, timings } = r.value;
    expect(duplicate).toBe(false);
    expect(source.fileName).toBe('');
    expect(source.kind).toBe('html');
    const c = source.capture!;
    expect(c).toMatchObject({
      method: 'url', requestedUrl: 'http://news.example/a', finalUrl: URL_A, redirects, status: 200, capturedAt: AT,
      contentType: 'text/html', charset: 'utf-8', charsetSource: 'header', textSha256: source.contentHash,
      rendered: null, renderError: NO_PRINTER, userAgent: '',
    });
    expect(c.headers).toEqual({ 'content-type': 'text/html; charset=utf-8', server: 'fixture' });
    const raw = new TextEncoder().encode(news());
    expect(c.raw).toEqual({ sha256: hashBytes(raw), bytes: raw.byteLength, mediaType: 'text/html' });
    expect(wb.store.captures.get(c.raw.sha256)?.toString('utf8')).toBe(news());
    expect(hashText(wb.store.texts.get(source.contentHash)!)).toBe(c.textSha256);
    // Metadata as citation tools read it; the source's address is the page's canonical one (relative, resolved).
    expect(c.page).toMatchObject({ publisher: 'Meridian Ledger Media Ltd', publishedAt: '2026-03-05', language: 'en-GB' });
    expect(c.page.found).toContain('json-ld');
    expect(source.meta.url).toBe('https://news.example/world/2026/03/05/grain-corridor-talks-stall');
    expect(source.meta.title).toMatch(/Grain corridor talks stall/);
    expect(source.meta.publishedAt).toBe('2026-03-05');
    expect(Object.keys(timings).sort()).toEqual(['extractMs', 'fetchMs', 'renderMs', 'totalMs']);
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.extractMs);
    await wb.close();
  });

  it('fills the source fields the import left empty from the page metadata', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    // No byline or site name in the body for Readability; only JSON-LD in the head says who and where.
    const html = `<html><head><title>Plain</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Plain",
      "author":{"@type":"Person","name":"Aylin Demir"},"publisher":{"@type":"Organization","name":"Ledger"},"datePublished":"2026-02-01"}</script>
      </head><body><p>${'Some article text that is long enough to be read. '.repeat(20)}</p></body></html>`;
    const r = await captureUrl(wb, 'https://x.example/p', { fetcher: fakeFetcher({ 'https://x.example/p': page('https://x.example/p', html) }) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.source.meta).toMatchObject({ authors: ['Aylin Demir'], publisher: 'Ledger', publishedAt: '2026-02-01', url: 'https://x.example/p' });
    await wb.close();
  });

  it('decodes a legacy charset before the import (windows-1251 named only in <meta>)', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const bytes = encodeText(captureFixture('ru-dc-windows-1251.html'), 'windows-1251');
    const url = 'https://ru.example/news';
    const fetcher = fakeFetcher({ [url]: page(url, bytes, { headerCharset: '', headers: { 'content-type': 'text/html' } }) });
    const r = await captureUrl(wb, url, { fetcher });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.source.capture).toMatchObject({ charset: 'windows-1251', charsetSource: 'meta' });
    expect(wb.store.texts.get(r.value.source.contentHash)).toMatch(/[а-яё]{4}/i);
    expect(Buffer.compare(wb.store.captures.get(r.value.source.capture!.raw.sha256)!, Buffer.from(bytes))).toBe(0);
    await wb.close();
  });

  it('keeps a PDF’s raw bytes intact (the import worker may take its input) and does not print it', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const pdf = makeTestPdf({ pages: [['Annual report 2025', '', 'Findings in brief.']], info: { title: 'Annual report 2025' } });
    const url = 'https://x.example/files/report';
    let printed = 0;
    const pagePrinter: PagePrinter = async () => { printed++; return new Uint8Array([1]); };
    const r = await captureUrl(wb, url, { fetcher: fakeFetcher({ [url]: page(url, pdf, { contentType: 'application/pdf', headerCharset: '' }) }), pagePrinter });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.source.kind).toBe('pdf');
    expect(r.value.source.capture).toMatchObject({ charset: '', charsetSource: 'none', rendered: null, raw: { sha256: hashBytes(pdf), mediaType: 'application/pdf' } });
    expect(printed).toBe(0);
    expect(wb.store.captures.state(hashBytes(pdf))).toBe('ok');
    await wb.close();
  });

  it('stores the printed copy; a printer that fails leaves the capture without one and says why', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const pdf = new TextEncoder().encode('%PDF-1.7 printed page');
    const seen: string[] = [];
    const printer: PagePrinter = async (p) => { seen.push(`${p.url} ${p.contentType} ${p.bytes.byteLength}`); return pdf; };
    const a = 'https://x.example/a';
    const b = 'https://x.example/b';
    const fetcher = fakeFetcher({ [a]: page(a, news()), [b]: page(b, captureFixture('blog-og-only.html')) });
    const r = await captureUrl(wb, a, { fetcher, pagePrinter: printer });
    if (!r.ok) throw new Error(r.error.message);
    expect(seen).toEqual([`${a} text/html ${new TextEncoder().encode(news()).byteLength}`]);
    expect(r.value.source.capture!.rendered).toEqual({ sha256: hashBytes(pdf), bytes: pdf.byteLength, mediaType: 'application/pdf' });
    expect(r.value.source.capture!.renderError).toBeUndefined();
    const broken: PagePrinter = async () => { throw new Error('Chromium crashed'); };
    const r2 = await captureUrl(wb, b, { fetcher, pagePrinter: broken });
    if (!r2.ok) throw new Error(r2.error.message);
    expect(r2.value.source.capture).toMatchObject({ rendered: null, renderError: 'printing failed: Chromium crashed' });
    await wb.close();
  });

  it('returns the existing source for identical text, storing nothing and printing nothing', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const a = 'https://x.example/a';
    const b = 'https://mirror.example/a';
    // The same article served with different bytes (an extra comment): same text, so a duplicate.
    const fetcher = fakeFetcher({ [a]: page(a, news()), [b]: page(b, news().replace('<head>', '<head><!-- mirror -->')) });
    let printed = 0;
    const pagePrinter: PagePrinter = async () => { printed++; return new Uint8Array([37, 80, 68, 70]); };
    const first = await captureUrl(wb, a, { fetcher, pagePrinter });
    if (!first.ok) throw new Error(first.error.message);
    const before = fingerprint(wb);
    const again = await captureUrl(wb, b, { fetcher, pagePrinter });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value).toMatchObject({ duplicate: true, source: { id: first.value.source.id } });
    expect(fingerprint(wb)).toEqual(before);
    expect(printed).toBe(1);
    await wb.close();
  });

  it('every failure is its contract error and leaves the workspace exactly as it was', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const ok = 'https://x.example/ok';
    expect((await captureUrl(wb, ok, { fetcher: fakeFetcher({ [ok]: page(ok, news()) }) })).ok).toBe(true);
    const before = fingerprint(wb);
    const fetchFailures = Object.fromEntries(CAPTURE_FAILURES.map((reason) => {
      const url = `https://x.example/fail/${reason}`;
      return [url, { reason, url, ...(reason === 'http_status' ? { status: 404 } : {}), message: `${url}: ${reason}` }];
    }));
    const png = 'https://x.example/p.png';
    const empty = 'https://x.example/empty';
    const binary = 'https://x.example/binary.txt';
    const fetcher = fakeFetcher({
      ...fetchFailures,
      [png]: page(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { contentType: 'image/png' }),
      [empty]: page(empty, '   \n  '),
      [binary]: page(binary, new Uint8Array([0x41, 0x00, 0x01, 0x02, 0x00, 0x42]), { contentType: 'text/plain', headerCharset: 'utf-8' }),
    });
    const printer: PagePrinter = async () => new Uint8Array([1, 2, 3]);
    const expectations: Array<[string, string, Record<string, unknown>]> = [
      ...Object.values(fetchFailures).map((f) => [f.url, 'capture_failed', { reason: f.reason, url: f.url, ...('status' in f ? { status: 404 } : {}) }] as [string, string, Record<string, unknown>]),
      ['not a url', 'capture_failed', { reason: 'invalid_url' }],
      ['ftp://x.example/file.txt', 'capture_failed', { reason: 'unsupported_scheme' }],
      [png, 'capture_failed', { reason: 'unsupported_type', url: png }],
      [empty, 'import_rejected', { reason: 'empty' }],
      [binary, 'import_rejected', { reason: 'binary' }],
    ];
    for (const [url, code, details] of expectations) {
      const r = await captureUrl(wb, url, { fetcher, pagePrinter: printer });
      expect(r.ok, url).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, url).toBe(code);
      expect(r.error.details, url).toMatchObject(details);
      expect(r.error.message, url).not.toBe('');
      expect(fingerprint(wb), url).toEqual(before);
    }
    expect(fetcher.calls).not.toContain('not a url');
    expect(fetcher.calls).not.toContain('ftp://x.example/file.txt');
    await wb.close();
  });

  it('an import rejection names the address, not the file name the pipeline was given', async () => {
    const wb = await Workbench.open(tempDir(), { autoBackup: false });
    const url = 'https://x.example/deep/page';
    const deep = `<html><body>${'<div>'.repeat(1200)}text${'</div>'.repeat(1200)}</body></html>`;
    const r = await captureUrl(wb, url, { fetcher: fakeFetcher({ [url]: page(url, deep) }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'import_rejected', details: { reason: 'too_deep' }, message: expect.stringMatching(/^https:\/\/x\.example\/deep\/page: the page nests/) });
    await wb.close();
  });
});
