/** Browser mode refuses API requests without the header token or with a wrong one, and any request from a foreign Host/Origin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startServer, type RunningServer } from './server';
import { Workbench } from '../services/workbench/workbench';
import { createHandlers } from '../services/api/handlers';
import { tempDir } from '../../tests/unit/helpers';
import fs from 'node:fs';
import path from 'node:path';

let server: RunningServer;
let wb: Workbench;

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

beforeAll(async () => {
  const renderer = tempDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  wb = await Workbench.open(tempDir());
  server = await startServer({ handlers: createHandlers(wb, { seeded: false }), rendererDir: renderer });
});
afterAll(async () => {
  await server.close();
  await wb.close();
});

const host = () => `127.0.0.1:${server.port}`;
const api = (headers: Record<string, string>) => request({ path: '/api/sources.list', method: 'POST', headers: { host: host(), ...headers }, body: '{}' });

describe('browser-mode guard', () => {
  it('binds to loopback and prints a URL with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });
  it('serves the API with the token', async () => {
    const r = await api({ 'x-workbench-token': server.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: [] });
  });
  it('refuses an API request without the header token or with a wrong one', async () => {
    expect((await api({})).status).toBe(401);
    expect((await api({ 'x-workbench-token': 'x'.repeat(server.token.length) })).status).toBe(401);
    // The token counts only in the header: not in the query, not in a cookie.
    expect((await request({ path: `/api/sources.list?token=${server.token}`, method: 'POST', headers: { host: host() }, body: '{}' })).status).toBe(401);
    expect((await api({ cookie: `workbench_token=${server.token}` })).status).toBe(401);
  });
  it('refuses a foreign Host (DNS rebinding) or Origin even with the right token', async () => {
    expect((await api({ 'x-workbench-token': server.token, host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await api({ 'x-workbench-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await api({ 'x-workbench-token': server.token, origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });
  it('serves the public app bundle without the token, with a CSP and no cookie', async () => {
    const bare = await request({ path: '/', headers: { host: host() } });
    expect(bare.status).toBe(200);
    expect(bare.headers['content-security-policy']).toContain("script-src 'self'");
    const launch = await request({ path: `/?token=${server.token}`, headers: { host: host() } });
    expect(launch.status).toBe(200);
    expect(launch.headers['set-cookie']).toBeUndefined();
  });
  it('refuses a launch URL whose token is from another launch, so a stale link fails at once', async () => {
    const r = await request({ path: `/?token=${'y'.repeat(server.token.length)}`, headers: { host: host() } });
    expect(r.status).toBe(401);
    expect(r.body).toBe('Refused: wrong token.');
  });
  it('checks Host and Origin first for every path, static files included', async () => {
    expect((await request({ path: '/index.html', headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await request({ path: '/%E0%A4%A', headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await request({ path: '/index.html', headers: { host: host(), origin: 'http://127.0.0.1:1' } })).status).toBe(403);
  });
  it('does not serve files outside the renderer folder', async () => {
    const r = await request({ path: '/..%2f..%2fetc%2fpasswd', headers: { host: host(), 'x-workbench-token': server.token } });
    expect(r.status).toBe(404);
  });
  it('answers a malformed body with a typed error', async () => {
    const r = await request({ path: '/api/highlights.create', method: 'POST', headers: { host: host(), 'x-workbench-token': server.token }, body: '{not json' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
