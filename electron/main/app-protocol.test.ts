/** The app:// handler serves out/renderer only, with the CSP and nosniff on every answer; traversal and other hosts get 404. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fsp from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, appRequestHandler, registerAppScheme } from './app-protocol';
import { CSP } from '../../shared/contract/csp';

let tmp: string;
let rendererDir: string;
let handler: ReturnType<typeof appRequestHandler>;
const get = (url: string, method = 'GET') => handler({ url, method });

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>wb</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-1.css'), 'body{}');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'blob.xyz'), 'x');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'SECRET');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  fs.symlinkSync(tmp, path.join(rendererDir, 'up'));
  handler = appRequestHandler(rendererDir);
});
afterAll(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable, and nothing more', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => calls.push(s) });
    expect(calls).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it('serves index.html for the bare origin and for /index.html, with the CSP and nosniff headers', async () => {
    for (const url of ['app://workbench/', 'app://workbench', APP_INDEX_URL, 'app://WORKBENCH/index.html?x=1#top']) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(await r.text(), url).toBe('<!doctype html><title>wb</title>');
      expect(r.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy'), url).toBe(CSP);
      expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('serves assets with their MIME type; unknown extensions as octet-stream', async () => {
    const types: Record<string, string> = {
      'assets/index-1.js': 'text/javascript; charset=utf-8',
      'assets/index-1.css': 'text/css; charset=utf-8',
      'assets/font.woff2': 'font/woff2',
      'assets/blob.xyz': 'application/octet-stream',
    };
    for (const [file, type] of Object.entries(types)) {
      const r = await get(`app://workbench/${file}`);
      expect(r.status, file).toBe(200);
      expect(r.headers.get('content-type'), file).toBe(type);
      expect(r.headers.get('content-security-policy'), file).toBe(CSP);
    }
    expect(await (await get('app://workbench/assets/index-1.js')).text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const post = await get(APP_INDEX_URL, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CSP);
  });

  it('refuses other hosts and schemes with 404', async () => {
    for (const url of ['app://evil/index.html', 'app://workbench.evil/index.html', 'app://user:pw@workbench/index.html',
      'file:///etc/passwd', 'https://workbench/index.html', 'not a url']) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.headers.get('content-security-policy'), url).toBe(CSP);
      expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('refuses path traversal in every spelling, absolute paths and directories with 404', async () => {
    const attempts = [
      'app://workbench/../secret.txt', 'app://workbench/%2e%2e/secret.txt', 'app://workbench/assets/%2E%2E/%2e%2e/secret.txt',
      'app://workbench/..%2fsecret.txt', 'app://workbench/assets/..%2f..%2fsecret.txt', 'app://workbench/..%5csecret.txt',
      'app://workbench/assets\\..\\..\\secret.txt', `app://workbench/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`,
      `app://workbench/${path.join(tmp, 'secret.txt')}`, 'app://workbench//etc/passwd', 'app://workbench/C:%5cWindows%5cwin.ini',
      'app://workbench/index.html%00.js', 'app://workbench/%E0%A4%A', 'app://workbench/assets', 'app://workbench/assets/',
      'app://workbench/missing.js',
    ];
    for (const url of attempts) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('SECRET');
    }
  });

  it('refuses symlinks that lead out of the renderer folder', async () => {
    for (const url of ['app://workbench/assets/link.txt', 'app://workbench/up/secret.txt']) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('SECRET');
    }
  });

  it('answers 404 (not a crash) when the renderer folder does not exist', async () => {
    const r = await appRequestHandler(path.join(tmp, 'nope'))({ url: APP_INDEX_URL });
    expect(r.status).toBe(404);
  });

  it('a file that vanishes between its check and its read (a rebuild in progress) is a 404, not a failed request', async () => {
    const read = vi.spyOn(fsp, 'readFile').mockRejectedValueOnce(Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' }));
    try {
      const r = await get('app://workbench/assets/index-1.js');
      expect(r.status).toBe(404);
      expect(read).toHaveBeenCalledTimes(1);
      expect((await get('app://workbench/assets/index-1.js')).status).toBe(200);
    } finally {
      read.mockRestore();
    }
  });
});
