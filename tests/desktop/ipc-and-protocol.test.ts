/** The IPC sender check and the app:// handler, as the real main wires them, seen from real pages. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { CSP } from '../../shared/contract/csp';
import { ROOT, callInPage, launch, mainWindow, teardown, type Launched } from './harness';
import { skipReason, useChromium } from './suite';

/** A page on another origin (as a compromised or navigated frame would be), served from its own loopback port. */
async function foreignServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title><p>elsewhere</p>'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** A raw GET with the path exactly as written (Node's client does not normalise dot segments, a browser would). */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(origin);
    http.get({ host: u.hostname, port: u.port, path: rawPath }, (res) => {
      let body = '';
      res.on('data', (c) => { body += String(c); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe.skipIf(skipReason)('IPC sender check and app:// (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  let app: Launched | null = null;
  afterEach(async () => { await teardown(app); app = null; });

  test('ipcMain serves the app:// page, and refuses the same preload in a page of another origin', async () => {
    app = await launch({ shared: machine() });
    const { win, page } = await mainWindow(app);
    const info = await callInPage<{ path: string }>(page, 'workspace.info', {});
    expect(info.path).toBe(app.workspace);

    const foreign = await foreignServer();
    try {
      const other = new app.double.BrowserWindow({ show: false, webPreferences: { preload: win.webContents.prefs.preload } });
      await other.loadURL(foreign.url);
      const otherPage = other.webContents.page!;
      const reply = await otherPage.evaluate(() => (window as unknown as { workbench: Record<string, (r: unknown) => Promise<unknown>> }).workbench['sources.list']!({}));
      expect(reply).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Refused: request from an untrusted frame.' } });
      other.destroy();
    } finally {
      await foreign.close();
    }
  });

  test('app:// serves index.html with the CSP header and refuses path traversal', async () => {
    app = await launch({ shared: machine() });
    const { page } = await mainWindow(app);
    const index = await page.evaluate(async () => {
      const r = await fetch('/index.html');
      return { status: r.status, csp: r.headers.get('content-security-policy'), type: r.headers.get('content-type'), nosniff: r.headers.get('x-content-type-options'), body: await r.text() };
    });
    expect(index).toMatchObject({ status: 200, csp: CSP, type: 'text/html; charset=utf-8', nosniff: 'nosniff' });
    expect(index.body).toContain('<div id="root">');

    const origin = new URL(page.url()).origin; // the loopback server standing in for app://workbench
    for (const p of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%5c..%5c..%5cpackage.json']) {
      const r = await rawGet(origin, p);
      expect({ p, status: r.status }).toEqual({ p, status: 404 });
      expect(r.body).not.toContain('"name"');
    }
    // The file exists where a traversal would have led (so the 404s above are refusals, not a missing file).
    expect((await import('node:fs')).existsSync(`${ROOT}/package.json`)).toBe(true);
  });
});
