/** Browser mode over real HTTP: wrong tokens and DNS-rebinding Host/Origin headers are refused before anything runs. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { WorkspaceSession } from '../../../electron/services/maintenance/session';
import { tempDir } from '../helpers';

let server: RunningServer;
let session: WorkspaceSession;

function request(opts: { path: string; method?: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const createTag = (headers: Record<string, string>) =>
  request({ path: '/api/tags.create', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name: `t${Math.random()}` }) });

beforeAll(async () => {
  const renderer = tempDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  session = await WorkspaceSession.start({ dir: tempDir(), purpose: 'guard test' });
  server = await startServer({ handlers: session.handlers, rendererDir: renderer });
});
afterAll(async () => {
  await server.close();
  await session.close();
});

describe('browser-mode guard at the HTTP level', () => {
  const host = () => `127.0.0.1:${server.port}`;

  it('refuses wrong tokens in the header, the query and the cookie, and runs nothing', async () => {
    const wrong = ['', 'x'.repeat(32), server.token.slice(0, -1), `${server.token}x`, server.token.toUpperCase() === server.token ? 'y' : server.token.toUpperCase()];
    for (const t of wrong) {
      expect((await createTag({ host: host(), 'x-workbench-token': t })).status, `header ${t}`).toBe(401);
      expect((await request({ path: `/?token=${encodeURIComponent(t)}`, headers: { host: host() } })).status, `query ${t}`).toBe(401);
      expect((await createTag({ host: host(), cookie: `workbench_token=${encodeURIComponent(t)}` })).status, `cookie ${t}`).toBe(401);
    }
    expect(session.wb!.state.count('tags')).toBe(0);
    const ok = await createTag({ host: host(), 'x-workbench-token': server.token });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    expect(session.wb!.state.count('tags')).toBe(1);
  });

  it('refuses DNS rebinding (a foreign Host) even with the right token, for the API and for pages', async () => {
    const foreign = [`attacker.example:${server.port}`, `127.0.0.1.attacker.example:${server.port}`, `localhost.attacker.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`, '127.0.0.1', `attacker.example`, `[::ffff:127.0.0.1]:${server.port}`];
    for (const h of foreign) {
      const api = await createTag({ host: h, 'x-workbench-token': server.token });
      expect(api.status, h).toBe(403);
      expect(api.body).not.toContain('"ok"');
      expect((await request({ path: `/?token=${server.token}`, headers: { host: h } })).status, h).toBe(403);
    }
    expect(session.wb!.state.count('tags')).toBe(1);
    expect((await createTag({ host: `LOCALHOST:${server.port}`, 'x-workbench-token': server.token })).status).toBe(200);
  });

  it('refuses a cross-site Origin, including the opaque "null" of sandboxed frames', async () => {
    for (const origin of ['null', `http://attacker.example:${server.port}`, `https://127.0.0.1:${server.port}`, 'file://']) {
      expect((await createTag({ host: host(), origin, 'x-workbench-token': server.token })).status, origin).toBe(403);
    }
  });
});
