/** The extension endpoint over real HTTP: pairing, capture with a highlight, and every refusal (unpaired, web Origin, Host, size). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../../tests/unit/helpers';
import { Workbench } from '../workbench/workbench';
import { startExtensionListener, type ExtensionListener } from './extension-endpoint';
import { checkExtensionRequest } from './extension-guard';
import { captureFetchedWith } from './extension-capture';

const EXT_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const HTML = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/extension/article.html'), 'utf8');
const PAGE_URL = 'https://news.example/2026/12/harbour-bridge?utm=x';

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: Record<string, unknown> }

function request(port: number, method: string, pathName: string, opts: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const data = opts.body === undefined ? '' : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathName, headers: { 'Content-Type': 'application/json', ...opts.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

let listener: ExtensionListener | null = null;
let wb: Workbench | null = null;
afterEach(async () => {
  await listener?.close();
  await wb?.close();
  listener = null;
  wb = null;
});

async function setup(opts: { open?: boolean } = {}) {
  wb = await Workbench.open(tempDir());
  const current = wb;
  listener = await startExtensionListener({ workbench: () => (opts.open === false ? null : current), captureFetched: captureFetchedWith({}) }, 0);
  const port = listener.port;
  const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
    request(port, 'POST', p, { body, headers: { Origin: EXT_ORIGIN, ...headers } });
  const pair = async () => {
    const { pairingFor } = await import('./extension-pairing');
    const { code } = pairingFor(current.store.dir).newCode();
    const r = await post('/extension/pair', { code, name: 'Chromium extension' });
    expect(r.status).toBe(200);
    return r.body.token as string;
  };
  return { wb: current, port, post, pair };
}

const page = (extra: Record<string, unknown> = {}) => ({ url: PAGE_URL, title: 'Harbour bridge', html: HTML, userAgent: 'TestBrowser/1.0', ...extra });

describe('extension endpoint', () => {
  it('imports a posted page as an extension capture whose raw blob is the posted DOM', async () => {
    const { wb, post, pair } = await setup();
    const token = await pair();
    const r = await post('/extension/capture', page(), { Authorization: `Bearer ${token}` });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe(EXT_ORIGIN);
    const source = wb.state.get('sources', (r.body.source as { id: string }).id)!;
    expect(source.capture).toMatchObject({
      method: 'extension', requestedUrl: PAGE_URL, finalUrl: PAGE_URL, status: 0, headers: {}, redirects: [],
      contentType: 'text/html', userAgent: 'TestBrowser/1.0',
    });
    const raw = source.capture!.raw;
    expect(raw).toEqual({ sha256: crypto.createHash('sha256').update(HTML, 'utf8').digest('hex'), bytes: Buffer.byteLength(HTML), mediaType: 'text/html' });
    expect(wb.store.captures.get(raw.sha256)?.toString('utf8')).toBe(HTML);
    expect(wb.store.texts.get(source.contentHash)).toContain('Engineers had warned in 2023');
    expect(r.body.highlight).toBeNull();
  });

  it('turns a selection into a highlight anchored in the extracted text', async () => {
    const { wb, post, pair } = await setup();
    const token = await pair();
    // As the browser gives it: rendered text, where the source's line break and indent (after "were") are one space.
    const selection = { exact: 'two winters that were harder than forecast', prefix: 'a shortage of steel and by ', suffix: '. Engineers had warned' };
    const r = await post('/extension/capture', page({ selection }), { Authorization: `Bearer ${token}` });
    expect(r.status).toBe(200);
    const h = r.body.highlight as { ok: boolean; id: string };
    expect(h.ok).toBe(true);
    expect(wb.state.get('highlights', h.id)?.quote.exact.replace(/\s+/g, ' ')).toBe(selection.exact);
  });

  it('reports a selection it cannot find, and still imports the page', async () => {
    const { wb, post, pair } = await setup();
    const token = await pair();
    const selection = { exact: 'All rights reserved', prefix: '© 2026 News Example. ', suffix: '' };
    const r = await post('/extension/capture', page({ selection }), { Authorization: `Bearer ${token}` });
    expect(r.status).toBe(200);
    expect(r.body.highlight).toMatchObject({ ok: false, message: expect.stringContaining('“All rights reserved” is not in the text') });
    expect(wb.state.count('sources')).toBe(1);
    expect(wb.state.count('highlights')).toBe(0);
  });

  it('refuses a sender that is not paired, and stores nothing', async () => {
    const { wb, post, pair } = await setup();
    await pair();
    const none = await post('/extension/capture', page());
    const unknown = await post('/extension/capture', page(), { Authorization: `Bearer ${crypto.randomBytes(32).toString('base64url')}` });
    expect([none.status, unknown.status]).toEqual([401, 401]);
    expect(unknown.body).toMatchObject({ ok: false, code: 'unpaired' });
    expect(wb.state.count('sources')).toBe(0);
  });

  it('refuses a token after it was unpaired', async () => {
    const { wb, post, pair } = await setup();
    const token = await pair();
    const { pairingFor } = await import('./extension-pairing');
    const p = pairingFor(wb.store.dir);
    expect(p.unpair(p.list()[0]!.id)).toBe(true);
    expect((await post('/extension/capture', page(), { Authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('refuses web pages: an http(s) or null Origin gets 403 and no CORS answer, even on a preflight', async () => {
    const { wb, port, post, pair } = await setup();
    const token = await pair();
    for (const origin of ['https://evil.example', 'http://127.0.0.1:8080', 'null']) {
      const r = await post('/extension/capture', page(), { Authorization: `Bearer ${token}`, Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await request(port, 'OPTIONS', '/extension/capture', { headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      expect(pre.status).toBe(403);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(wb.state.count('sources')).toBe(0);
    const ok = await request(port, 'OPTIONS', '/extension/capture', { headers: { Origin: EXT_ORIGIN, 'Access-Control-Request-Method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(EXT_ORIGIN);
  });

  it('refuses a foreign Host header (DNS rebinding) before anything else', async () => {
    const { port, post } = await setup();
    const r = await post('/extension/pair', { code: 'AAAA-AAAA', name: 'x' }, { Host: `rebind.example:${port}` });
    expect(r.status).toBe(403);
  });

  it('refuses a body over 50 MB from its declared length', async () => {
    const { port, pair } = await setup();
    const token = await pair();
    const r = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/extension/capture', headers: {
        Authorization: `Bearer ${token}`, 'Content-Length': String(51 * 1024 * 1024), 'Content-Type': 'application/json',
      } }, (res) => { res.resume(); resolve(res.statusCode!); });
      req.on('error', reject);
      req.write('{"url":');
    });
    expect(r).toBe(413);
  });

  it('answers 503 while no workspace is open', async () => {
    const { post } = await setup({ open: false });
    expect((await post('/extension/pair', { code: 'AAAA-AAAA', name: 'x' })).status).toBe(503);
  });

  it('refuses bad pages with a specific message: a non-http URL', async () => {
    const { wb, post, pair } = await setup();
    const token = await pair();
    const r = await post('/extension/capture', page({ url: 'file:///etc/passwd' }), { Authorization: `Bearer ${token}` });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('only http and https pages can be sent');
    expect(wb.state.count('sources')).toBe(0);
  });
});

describe('extension request guard', () => {
  const fakeReq = (remoteAddress: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress }, headers } as unknown as IncomingMessage);

  it('accepts only loopback peers', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(checkExtensionRequest(fakeReq(a, { host: '127.0.0.1:5' }), 5).ok).toBe(true);
    for (const a of ['192.168.1.5', '::ffff:10.0.0.2', '', 'fe80::1']) {
      expect(checkExtensionRequest(fakeReq(a, { host: '127.0.0.1:5' }), 5)).toMatchObject({ ok: false, reason: 'not a loopback address' });
    }
  });

  it('accepts extension origins only: Chromium and Firefox forms', () => {
    const ok = (origin: string) => checkExtensionRequest(fakeReq('127.0.0.1', { host: 'localhost:5', origin }), 5).ok;
    expect(ok(EXT_ORIGIN)).toBe(true);
    expect(ok('moz-extension://0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b')).toBe(true);
    expect(ok('chrome-extension://evil.example')).toBe(false);
    expect(ok('https://example.org')).toBe(false);
  });
});
