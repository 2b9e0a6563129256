/** scripts/dist.mjs: stops at once, saying why, when the Electron build cannot be had; says which signing steps are skipped. */
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import { electronZipUrl, signingPlan, zipInCache } from '../../scripts/dist.mjs';

const root = path.resolve(__dirname, '../..');
let cache: string;
beforeEach(() => { cache = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-cache-')); });
afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

describe('npm run dist', () => {
  it('fails fast with a clear message when the Electron zip is neither cached nor downloadable', async () => {
    // A just-closed port on this machine stands for an unreachable download host (no traffic leaves the machine).
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/dist.mjs'), '--dir'], {
      cwd: root, encoding: 'utf8', timeout: 60_000,
      env: { ...process.env, ELECTRON_CACHE: cache, ELECTRON_MIRROR: `http://127.0.0.1:${port}/` },
    });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/cannot package: the Electron [\d.]+ build for \w+-\w+ \(electron-v[\d.]+-\w+-\w+\.zip\) is not in the cache/);
    expect(r.stderr).toContain(`http://127.0.0.1:${port}/v`);
    expect(r.stderr).toMatch(/ECONNREFUSED/);
    // It stopped before building or packaging.
    expect(r.stdout).not.toMatch(/electron-vite build|electron-builder/);
  });

  it('finds a cached zip at any depth of the cache folder, and builds the download URL from the mirror', () => {
    expect(zipInCache([cache], 'electron-v45.5.0-linux-x64.zip')).toBe(false);
    fs.mkdirSync(path.join(cache, 'a1b2c3'), { recursive: true });
    fs.writeFileSync(path.join(cache, 'a1b2c3', 'electron-v45.5.0-linux-x64.zip'), '');
    expect(zipInCache([cache], 'electron-v45.5.0-linux-x64.zip')).toBe(true);
    expect(electronZipUrl('45.5.0', 'darwin', 'arm64', {})).toBe('https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-darwin-arm64.zip');
    expect(electronZipUrl('45.5.0', 'win32', 'x64', { ELECTRON_MIRROR: 'https://m.example/e' })).toBe('https://m.example/e/v45.5.0/electron-v45.5.0-win32-x64.zip');
  });

  it('says which signing and notarisation steps are skipped for lack of credentials', () => {
    expect(signingPlan({}, 'darwin').join('\n')).toMatch(/CSC_LINK not set.*NOT signed[\s\S]*notarisation skipped/);
    expect(signingPlan({ CSC_LINK: 'x', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' }, 'darwin').join('\n')).toMatch(/signing with[\s\S]*notarising/);
    expect(signingPlan({}, 'win32').join('\n')).toMatch(/WIN_CSC_LINK not set: the installer is NOT signed/);
  });
});
