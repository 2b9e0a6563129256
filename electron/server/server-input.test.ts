/** Browser mode answers hostile URLs, cookies and bodies with 4xx or a typed error: never a 500, never a saved U+FFFD. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../shared/contract/api';
import { tempDir } from '../../tests/unit/helpers';
import { startServer, type RunningServer } from './server';

const INDEX = '<!doctype html><title>input test</title>';
let server: RunningServer;
let calls: { method: string; request: unknown }[] = [];
/** What the next handler call returns (lets a test make the reply itself unserializable). */
let nextValue: unknown = null;

/** Stand-in handlers: every method records its (already validated) request and answers ok. */
const handlers = new Proxy({}, {
  get: (_t, method) => async (request: unknown) => {
    calls.push({ method: String(method), request });
    return { ok: true, value: nextValue ?? request };
  },
}) as ApiHandlers;

interface Reply { status: number; body: string; headers: http.IncomingHttpHeaders }

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: server.port, path: opts.path, method: opts.method ?? 'GET',
      headers: { host: `127.0.0.1:${server.port}`, ...opts.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const post = (method: string, body: Buffer | string, headers: Record<string, string> = { 'x-workbench-token': server.token }) =>
  request({ path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  const renderer = tempDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), INDEX);
  server = await startServer({ handlers, rendererDir: renderer });
});
afterAll(() => server.close());
beforeEach(() => {
  calls = [];
  nextValue = null;
});

describe('malformed URLs', () => {
  it('answers 400 (not 500) to a percent-escape that is not UTF-8, with or without the token', async () => {
    for (const headers of [{ 'x-workbench-token': server.token }, {}] as Record<string, string>[]) {
      const r = await request({ path: '/%E0%A4%A', headers });
      expect(r.status).toBe(400);
      expect(r.body).toMatch(/^Bad request: malformed URL/);
    }
  });
  it('answers 400 to request targets that are not a path', async () => {
    for (const target of ['//', '//[']) {
      expect((await request({ path: target, headers: { 'x-workbench-token': server.token } })).status, target).toBe(400);
    }
  });
});

describe('cookies', () => {
  const hostile = [
    'workbench_token=%E0%A4%A; x=%',
    'workbench_token',
    'novalue; =; ;; workbench_token=; a==b',
    `workbench_token=garbage; workbench_token=%; ${'z'.repeat(50)}=%ZZ`,
  ];
  it('never let a malformed or foreign cookie break the page: index.html is still served', async () => {
    for (const cookie of hostile) {
      const r = await request({ path: '/index.html', headers: { cookie } });
      expect(r.status, cookie).toBe(200);
      expect(r.body).toBe(INDEX);
    }
  });
  it('still serves the page under a cookie bomb (~120 kB of cookies planted by other local pages), not 431', async () => {
    const cookie = Array.from({ length: 40 }, (_, i) => `bomb${i}=${'b'.repeat(3000)}`).join('; ');
    const r = await request({ path: '/index.html', headers: { cookie } });
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
  });
  it('does not accept the token from a cookie, so a leaked cookie opens nothing', async () => {
    const r = await post('tags.list', '{}', { cookie: `workbench_token=${encodeURIComponent(server.token)}` });
    expect(r.status).toBe(401);
    expect(calls).toEqual([]);
  });
  it('sets no cookie at all (cookies are not bound to a port, so any cookie would reach other local servers)', async () => {
    const r = await request({ path: `/?token=${server.token}` });
    expect(r.status).toBe(200);
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('request body encoding', () => {
  it('refuses invalid UTF-8 with a typed error naming the byte and offset, and never calls the handler', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('b"}')]);
    const r = await post('tags.create', body);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({
      ok: false, error: { code: 'invalid_request', message: 'Request body is not valid UTF-8 (byte 0xC3 at offset 10)' },
    });
    expect(calls).toEqual([]);
  });
  it('passes valid UTF-8 (Türkiye, an emoji, a flag) through unchanged', async () => {
    const name = 'Türkiye 🧭 🇰🇿 Қазақстан';
    const r = await post('tags.create', Buffer.from(JSON.stringify({ name }), 'utf8'));
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
    expect((calls[0]!.request as { name: string }).name).toBe(name);
  });
});

describe('unexpected failures', () => {
  it('answer 500 without leaking the error text or a stack', async () => {
    nextValue = { n: 1n }; // JSON.stringify throws on a BigInt: a server-side bug, not bad input
    const r = await post('tags.list', '{}');
    expect(r.status).toBe(500);
    expect(r.body).toBe('Internal error.');
  });
});
