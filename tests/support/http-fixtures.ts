/**
 * Test helper: a local HTTP(S) server for capture tests (no internet here): fixture pages in any charset, redirects
 * (chains, loops, cookies), compressed bodies, oversized and slow answers, error statuses and odd content types.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { makeTestPdf } from './test-pdf';

export type FixtureHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Every request received, in order (for checking what a client sent, e.g. no Cookie). */
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  /** Adds or replaces a route (exact path match). */
  route(path: string, handler: FixtureHandler): void;
  close(): Promise<void>;
}

/** The text of a page under tests/fixtures/capture/ (stored as UTF-8; served in any charset by /fixture/). */
export const captureFixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/capture/${name}`, import.meta.url)), 'utf8');

/**
 * Encodes text in a legacy single-byte charset (table built from TextDecoder, the inverse of what the decoder does), or
 * UTF-8/UTF-16. Characters the charset lacks throw, so a fixture cannot silently lose letters.
 */
export function encodeText(text: string, label: string): Uint8Array {
  const enc = new TextDecoder(label).encoding;
  if (enc === 'utf-8') return new TextEncoder().encode(text);
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    const buf = Buffer.from(text, 'utf16le');
    if (enc === 'utf-16be') buf.swap16();
    return new Uint8Array(buf);
  }
  const decoder = new TextDecoder(enc);
  const table = new Map<string, number>();
  for (let b = 0xff; b >= 0; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text], (ch) => {
    const byte = table.get(ch);
    if (byte === undefined) throw new Error(`encodeText: ${JSON.stringify(ch)} has no byte in ${enc}`);
    return byte;
  });
}

const BOM: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

const TYPE_BY_EXT: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', md: 'text/markdown', xhtml: 'application/xhtml+xml' };

/** Compresses a body as a server would for `Content-Encoding`. */
export function compress(bytes: Uint8Array, encoding: string): Uint8Array {
  if (encoding === 'gzip') return zlib.gzipSync(bytes);
  if (encoding === 'br') return zlib.brotliCompressSync(bytes);
  if (encoding === 'deflate') return zlib.deflateSync(bytes);
  throw new Error(`compress: unknown encoding ${encoding}`);
}

/** An HTML article of about `bytes` bytes (ASCII), for size limits and timing. */
export function largeHtml(bytes: number): string {
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long report</title></head><body><article><h1>A long report</h1>\n';
  const para = '<p>The committee heard evidence over several sessions about supply routes, financing and the role of intermediaries in the region.</p>\n';
  const tail = '</article></body></html>\n';
  const count = Math.max(0, Math.ceil((bytes - head.length - tail.length) / para.length));
  return head + para.repeat(count) + tail;
}

/** The built-in routes (see the file comment); query parameters tune each one. */
function builtInRoutes(timers: Set<NodeJS.Timeout>): Map<string, FixtureHandler> {
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => { timers.delete(t); fn(); }, ms);
    timers.add(t);
  };
  const html = (res: ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  const routes = new Map<string, FixtureHandler>();
  routes.set('/ok', (_q, res) => html(res, 200, '<!doctype html><title>OK page</title><p>All good.</p>'));
  // /redirect?to=<location>&status=302 — the location is sent exactly as given (relative ones too).
  routes.set('/redirect', (_q, res, url) => {
    res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to') ?? '/ok' });
    res.end('moved');
  });
  routes.set('/redirect/relative-1', (_q, res) => { res.writeHead(301, { location: 'relative-2?x=1' }); res.end(); });
  routes.set('/redirect/relative-2', (_q, res) => { res.writeHead(307, { location: '../ok' }); res.end(); });
  routes.set('/redirect/loop-a', (_q, res) => { res.writeHead(302, { location: '/redirect/loop-b' }); res.end(); });
  routes.set('/redirect/loop-b', (_q, res) => { res.writeHead(302, { location: '/redirect/loop-a' }); res.end(); });
  // /redirect/chain?n=11 → n hops, then /ok.
  routes.set('/redirect/chain', (_q, res, url) => {
    const n = Number(url.searchParams.get('n') ?? 0);
    res.writeHead(302, { location: n > 1 ? `/redirect/chain?n=${n - 1}` : '/ok' });
    res.end();
  });
  routes.set('/redirect/no-location', (_q, res) => { res.writeHead(302); res.end(); });
  routes.set('/redirect/cookie', (_q, res) => {
    res.writeHead(302, { location: '/echo/headers', 'set-cookie': ['session=s3cret; Path=/', 'consent=yes; Path=/'] });
    res.end();
  });
  routes.set('/echo/headers', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'set-cookie': 'again=1' });
    res.end(JSON.stringify(req.headers));
  });
  // /fixture?name=<file under tests/fixtures/capture>&encoding=windows-1251&charset=<header charset>&type=<media type>&bom=1&compress=gzip
  routes.set('/fixture', (_q, res, url) => {
    const name = url.searchParams.get('name') ?? '';
    const p = url.searchParams;
    const encoding = p.get('encoding') ?? 'utf-8';
    let body = encodeText(captureFixture(name), encoding);
    if (p.get('bom') === '1') body = Uint8Array.from([...(BOM[new TextDecoder(encoding).encoding] ?? []), ...body]);
    const type = p.get('type') ?? TYPE_BY_EXT[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    const headers: http.OutgoingHttpHeaders = { 'content-type': p.get('charset') ? `${type}; charset=${p.get('charset')}` : type };
    const zip = p.get('compress');
    if (zip) {
      body = compress(body, zip);
      headers['content-encoding'] = zip;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  // /large?bytes=N[&declare=1]: streamed in 64 KiB writes, chunked unless declared.
  routes.set('/large', (_q, res, url) => {
    const body = Buffer.from(largeHtml(Number(url.searchParams.get('bytes') ?? 100_000)));
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/html; charset=utf-8' };
    if (url.searchParams.get('declare') === '1') headers['content-length'] = body.length;
    res.writeHead(200, headers);
    for (let at = 0; at < body.length; at += 65_536) res.write(body.subarray(at, at + 65_536));
    res.end();
  });
  // /endless: HTML that never ends (written as fast as the client reads), so only a size cap or the time limit stops it.
  routes.set('/endless', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.from(`<p>${'more '.repeat(3_000)}</p>\n`);
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk)) { /* until the socket buffer is full */ }
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  // /bomb?bytes=N: N bytes of HTML gzipped to a few KB (Content-Length is the small compressed size).
  routes.set('/bomb', (_q, res, url) => {
    const body = zlib.gzipSync(Buffer.from(largeHtml(Number(url.searchParams.get('bytes') ?? 1_000_000))));
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': body.length });
    res.end(body);
  });
  // A Content-Length far above any small cap, with a body that never comes (the client must not wait for it).
  routes.set('/declared-huge', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': 900_000_000 });
    res.write('<html>');
  });
  routes.set('/slow/headers', (_q, res, url) => later(Number(url.searchParams.get('ms') ?? 5_000), () => html(res, 200, '<p>late</p>')));
  // /slow/body?every=100: headers at once, then a paragraph every `every` ms, for 10 minutes.
  routes.set('/slow/body', (_q, res, url) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const every = Number(url.searchParams.get('every') ?? 100);
    const drip = (left: number): void => {
      if (res.destroyed || left === 0) return void res.end();
      res.write('<p>still coming</p>\n');
      later(every, () => drip(left - 1));
    };
    drip(Math.ceil(600_000 / every));
  });
  routes.set('/status/404', (_q, res) => html(res, 404, '<h1>Not here</h1>'));
  routes.set('/status/500', (_q, res) => html(res, 500, '<h1>Broken</h1>'));
  routes.set('/status/410', (_q, res) => { res.statusMessage = 'Gone Forever'; html(res, 410, '<h1>Gone</h1>'); });
  routes.set('/doc.pdf', (_q, res, url) => {
    res.writeHead(200, { 'content-type': url.searchParams.get('type') ?? 'application/pdf' });
    res.end(makeTestPdf({ pages: [['Annual report 2025', '', 'Findings in brief.']], info: { title: 'Annual report 2025' } }));
  });
  routes.set('/notes.txt', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Field notes, 5 March 2026.\nMet the source in Almaty — ağır gün.\n');
  });
  routes.set('/picture.png', (_q, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  });
  // Unlabelled bodies: /sniff?kind=html|pdf|binary&type=<sent type or omitted>
  routes.set('/sniff', (_q, res, url) => {
    const kind = url.searchParams.get('kind');
    const body = kind === 'pdf' ? makeTestPdf({ pages: [['Sniffed PDF']] })
      : kind === 'html' ? Buffer.from('\n  <!DOCTYPE html><html><head><title>Sniffed</title></head><body><p>Hi</p></body></html>')
        : Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x42]);
    const type = url.searchParams.get('type');
    // Node adds no Content-Type of its own; omitting it here sends none at all.
    res.writeHead(200, type ? { 'content-type': type } : {});
    res.end(body);
  });
  return routes;
}

/** Starts the server on 127.0.0.1 (a free port); `tls` makes it HTTPS with that key and certificate. */
export async function startFixtureServer(opts: { tls?: { key: string; cert: string } } = {}): Promise<FixtureServer> {
  const timers = new Set<NodeJS.Timeout>();
  const routes = builtInRoutes(timers);
  const requests: FixtureServer['requests'] = [];
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fixture.test');
    requests.push({ path: `${url.pathname}${url.search}`, headers: req.headers });
    const handler = routes.get(url.pathname);
    if (handler) handler(req, res, url);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no fixture route ${url.pathname}`);
    }
  };
  const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handle) : http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A throwaway self-signed certificate for 127.0.0.1 made with openssl, or null (with why) when openssl is missing. */
export function selfSignedCert(): { key: string; cert: string } | { missing: string } {
  const dir = mkdtempSync(join(tmpdir(), 'capture-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe', timeout: 20_000 });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch (e) {
    return { missing: `openssl could not make a certificate (${(e as Error).message.split('\n')[0]})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
