/** fetchPage against a local fixture server: schemes, redirects, cookies, compression, limits and types (network failures: fetch-page-network.test.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureFixture, compress, encodeText, startFixtureServer, type FixtureServer } from '../../../tests/support/http-fixtures';
import { CAPTURE_USER_AGENT, fetchPage } from './fetch-page';
import type { CaptureError, FetchedPage } from './types';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

async function fetched(url: string, opts?: Parameters<typeof fetchPage>[1]): Promise<FetchedPage> {
  const r = await fetchPage(url, opts);
  if (!r.ok) throw new Error(`expected a page, got ${r.error.reason}: ${r.error.message}`);
  return r.value;
}

async function failed(url: string, opts?: Parameters<typeof fetchPage>[1]): Promise<CaptureError> {
  const r = await fetchPage(url, opts);
  if (r.ok) throw new Error(`expected a failure, got ${r.value.status} ${r.value.contentType}`);
  expect(r.error.message.startsWith(r.error.url)).toBe(true);
  return r.error;
}

describe('fetchPage: addresses', () => {
  it.each([
    ['ftp://files.example.org/report.pdf', 'unsupported_scheme', /only http and https.*not ftp:/],
    ['file:///etc/passwd', 'unsupported_scheme', /not file:/],
    ['javascript:alert(1)', 'unsupported_scheme', /not javascript:/],
    ['not a web address', 'invalid_url', /not a web address/],
    ['http://user:secret@example.org/', 'invalid_url', /user name or password/],
  ])('%s → %s', async (url, reason, message) => {
    const e = await failed(url);
    expect(e.reason).toBe(reason);
    expect(e.message).toMatch(message);
  });
});

describe('fetchPage: a page', () => {
  it('returns the requested URL as given, the final URL without its fragment, status, lower-case headers, media type and charset, and sends an honest UA and a browser Accept', async () => {
    const page = await fetched(server.url('/ok#section-2'));
    expect(page).toMatchObject({ requestedUrl: server.url('/ok#section-2'), finalUrl: server.url('/ok'), redirects: [], status: 200,
      contentType: 'text/html', headerCharset: 'utf-8' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(new TextDecoder().decode(page.bytes)).toContain('All good.');
    expect(page.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const sent = server.requests.at(-1)!.headers;
    expect(sent['user-agent']).toBe(CAPTURE_USER_AGENT);
    expect(CAPTURE_USER_AGENT).toMatch(/^AnalystWorkbench\/\d+\.\d+\.\d+ \(\+capture\)$/);
    expect(sent.accept).toMatch(/^text\/html,application\/xhtml\+xml/);
  });
});

describe('fetchPage: redirects', () => {
  it('follows relative Locations and records every hop', async () => {
    const page = await fetched(server.url('/redirect/relative-1'));
    expect(page.finalUrl).toBe(server.url('/ok'));
    expect(page.redirects).toEqual([
      { url: server.url('/redirect/relative-1'), status: 301, location: server.url('/redirect/relative-2?x=1') },
      { url: server.url('/redirect/relative-2?x=1'), status: 307, location: server.url('/ok') },
    ]);
  });

  it('detects a loop, and names the hop where it was found', async () => {
    const e = await failed(server.url('/redirect/loop-a'));
    expect(e.reason).toBe('redirect_loop');
    expect(e.message.startsWith(`${server.url('/redirect/loop-a')} (after redirects, at ${server.url('/redirect/loop-b')}): `)).toBe(true);
    expect(e.message).toContain(`back to ${server.url('/redirect/loop-a')}`);
  });

  it('follows 10 redirects and refuses the 11th', async () => {
    expect((await fetched(server.url('/redirect/chain?n=10'))).redirects).toHaveLength(10);
    const e = await failed(server.url('/redirect/chain?n=11'));
    expect(e.reason).toBe('too_many_redirects');
    expect(e.message).toContain('more than 10 times');
  });

  it('honours maxRedirects', async () => {
    expect((await failed(server.url('/redirect/chain?n=3'), { maxRedirects: 2 })).reason).toBe('too_many_redirects');
  });

  it('refuses a redirect with no Location, and one to a non-web scheme', async () => {
    expect(await failed(server.url('/redirect/no-location'))).toMatchObject({ reason: 'http_status', status: 302 });
    const e = await failed(server.url(`/redirect?to=${encodeURIComponent('ftp://files.example.org/x')}`));
    expect(e.reason).toBe('unsupported_scheme');
    expect(e.message).toContain('a redirect pointed to ftp://files.example.org/x');
  });

  it('sends no cookie: a Set-Cookie on a redirect hop is not sent on the next hop, and none is kept in the headers', async () => {
    const page = await fetched(server.url('/redirect/cookie'));
    const echoed = JSON.parse(new TextDecoder().decode(page.bytes)) as Record<string, string>;
    expect(echoed.cookie).toBeUndefined();
    expect(server.requests.at(-1)!.headers.cookie).toBeUndefined();
    expect(page.headers['set-cookie']).toBeUndefined();
    // Nor later, to the same server.
    await fetched(server.url('/echo/headers'));
    expect(server.requests.at(-1)!.headers.cookie).toBeUndefined();
  });
});

describe('fetchPage: bodies', () => {
  const original = encodeText(captureFixture('news-jsonld-graph.html'), 'utf-8');
  it.each(['gzip', 'br', 'deflate'])('decodes a %s body', async (encoding) => {
    expect(compress(original, encoding).length).toBeLessThan(original.length / 2);
    const page = await fetched(server.url(`/fixture?name=news-jsonld-graph.html&compress=${encoding}`));
    expect(page.headers['content-encoding']).toBe(encoding);
    expect(Buffer.from(page.bytes).equals(Buffer.from(original))).toBe(true);
    expect(server.requests.at(-1)!.headers['accept-encoding']).toContain(encoding);
  });

  it('a body that claims gzip but is not fails as decode', async () => {
    server.route('/bad-gzip', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end('<html>plain, not gzip</html>');
    });
    const e = await failed(server.url('/bad-gzip'));
    expect(e.reason).toBe('decode');
    expect(e.message).toMatch(/compressed body could not be unpacked/);
  });

  it('a corrupt brotli body fails as decode; an unknown coding (zstd) is refused rather than kept as if it were the page', async () => {
    server.route('/coded', (_q, res, url) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': url.searchParams.get('as') ?? '' });
      res.end('<html>plain, not compressed</html>');
    });
    expect((await failed(server.url('/coded?as=br'))).reason).toBe('decode');
    const e = await failed(server.url('/coded?as=zstd'));
    expect(e.reason).toBe('decode');
    expect(e.message).toContain('compressed the page with "zstd"');
  });

  it('a body of exactly maxBytes is accepted; one byte more is too large', async () => {
    server.route('/exact', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('x'.repeat(600));
      res.end('y'.repeat(400));
    });
    expect((await fetched(server.url('/exact'), { maxBytes: 1000 })).bytes.length).toBe(1000);
    const e = await failed(server.url('/exact'), { maxBytes: 999 });
    expect(e.reason).toBe('too_large');
    expect(e.message).toMatch(/larger than the 1 KB limit/);
  });

  it('stops reading an endless body at the cap (too_large, not a timeout)', async () => {
    const e = await failed(server.url('/endless'), { maxBytes: 200_000, timeoutMs: 20_000 });
    expect(e.reason).toBe('too_large');
  });

  it('refuses a declared Content-Length above the cap without waiting for the body', async () => {
    const e = await failed(server.url('/declared-huge'), { maxBytes: 1024 * 1024, timeoutMs: 20_000 });
    expect(e.reason).toBe('too_large');
    expect(e.message).toMatch(/is 858\.3 MB, more than the 1\.0 MB limit/);
  });

  it('counts decompressed bytes: a small gzip that inflates past the cap is too large', async () => {
    const e = await failed(server.url('/bomb?bytes=3000000'), { maxBytes: 500_000 });
    expect(e.reason).toBe('too_large');
  });
});

describe('fetchPage: time limit and cancelling', () => {
  it('slow headers hit the time limit', async () => {
    const e = await failed(server.url('/slow/headers?ms=10000'), { timeoutMs: 300 });
    expect(e.reason).toBe('timeout');
    expect(e.message).toContain('did not arrive within 0.3 s');
  });

  it('a body that trickles hits the time limit (it covers the whole request, not each read)', async () => {
    expect((await failed(server.url('/slow/body?every=50'), { timeoutMs: 600 })).reason).toBe('timeout');
  });

  it('the caller can cancel', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect((await failed(server.url('/slow/headers?ms=10000'), { signal: controller.signal })).reason).toBe('aborted');
    expect((await failed(server.url('/ok'), { signal: AbortSignal.abort() })).reason).toBe('aborted');
  });
});

describe('fetchPage: statuses and types', () => {
  it.each([
    ['/status/404', 404, 'the server answered 404 Not Found'],
    ['/status/500', 500, 'the server answered 500 Internal Server Error'],
    ['/status/410', 410, 'the server answered 410 Gone Forever'],
  ])('%s → http_status', async (path, status, message) => {
    const e = await failed(server.url(path));
    expect(e).toMatchObject({ reason: 'http_status', status, url: server.url(path) });
    expect(e.message).toBe(`${server.url(path)}: ${message}`);
    // A fragment is kept in the URL named, and does not read as a redirect.
    expect((await failed(server.url(`${path}#top`))).message).toBe(`${server.url(path)}#top: ${message}`);
  });

  it('accepts a PDF (also labelled application/x-pdf)', async () => {
    for (const path of ['/doc.pdf', '/doc.pdf?type=application/x-pdf']) {
      const page = await fetched(server.url(path));
      expect(page.contentType).toBe('application/pdf');
      expect(new TextDecoder().decode(page.bytes.subarray(0, 5))).toBe('%PDF-');
    }
  });

  it('accepts plain text and markdown', async () => {
    expect(await fetched(server.url('/notes.txt'))).toMatchObject({ contentType: 'text/plain', headerCharset: 'utf-8' });
    server.route('/readme.md', (_q, res) => { res.writeHead(200, { 'content-type': 'text/markdown' }); res.end('# Notes\n'); });
    expect((await fetched(server.url('/readme.md'))).contentType).toBe('text/markdown');
  });

  it('refuses an image before reading it', async () => {
    const e = await failed(server.url('/picture.png'));
    expect(e.reason).toBe('unsupported_type');
    expect(e.message).toContain('the page is image/png');
  });

  it('sniffs an unlabelled or octet-stream body: PDF and HTML pass, anything else is refused', async () => {
    expect((await fetched(server.url('/sniff?kind=pdf&type=application/octet-stream'))).contentType).toBe('application/pdf');
    expect((await fetched(server.url('/sniff?kind=html'))).contentType).toBe('text/html');
    const e = await failed(server.url('/sniff?kind=binary&type=application/octet-stream'));
    expect(e.reason).toBe('unsupported_type');
    expect(e.message).toMatch(/did not say what the page is \(application\/octet-stream\)/);
  });
});
