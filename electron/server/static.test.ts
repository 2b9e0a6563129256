/** Browser mode's static files: hashed assets cached for good, index.html revalidated, text gzipped, nothing outside the bundle. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../shared/contract/api';
import { tempDir } from '../../tests/unit/helpers';
import { startServer, type RunningServer } from './server';
import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from './static';

const INDEX = '<!doctype html><title>static test</title>';
const SCRIPT = `export const big = ${JSON.stringify('workbench '.repeat(5000))};\n`;
let server: RunningServer;
let dir: string;

interface Reply { status: number; body: Buffer; headers: http.IncomingHttpHeaders }

function get(urlPath: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: server.port, path: urlPath, method: 'GET',
      headers: { host: `127.0.0.1:${server.port}`, ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = tempDir('static-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside assets but inside the bundle');
  server = await startServer({ handlers: {} as ApiHandlers, rendererDir: path.join(dir) });
});

afterAll(async () => {
  await server.close();
});

describe('static files in browser mode', () => {
  it('lets the browser keep a hashed asset for a year, and still sends the security headers', async () => {
    const r = await get('/assets/index-abc123.js');
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body.toString()).toBe(SCRIPT);
  });

  it('makes the browser revalidate index.html, and answers a matching ETag with 304 and no body', async () => {
    const first = await get('/');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe(REVALIDATE_CACHE);
    expect(first.body.toString()).toBe(INDEX);
    const etag = String(first.headers.etag);
    const again = await get('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('gzips text for a browser that accepts it, and sends it plain to one that does not', async () => {
    const zipped = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(SCRIPT);
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('serves a file again after it changed on disk (a rebuild), not the copy kept in memory', async () => {
    await get('/assets/index-abc123.js');
    const next = `${SCRIPT}// rebuilt\n`;
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), next);
    expect((await get('/assets/index-abc123.js')).body.toString()).toBe(next);
  });

  it('refuses paths that leave the bundle and names that are not files', async () => {
    expect((await get('/../../etc/passwd')).status).toBe(404);
    expect((await get('/assets/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await get('/assets/missing.js')).status).toBe(404);
    // Inside the bundle but not a hashed asset: served, and revalidated rather than kept.
    expect((await get('/secret.txt')).headers['cache-control']).toBe(REVALIDATE_CACHE);
  });
});
