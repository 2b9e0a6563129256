#!/usr/bin/env node
/**
 * `npm run test:desktop`: Playwright's _electron driving the real app (tests/desktop-real). Where the Electron
 * binary cannot be installed (these build machines) it says so and skips with exit code 0; the code of the shell
 * is still run by `npm test` through the electron double (tests/desktop). With WORKBENCH_APP_EXECUTABLE set (the
 * release workflow) it drives that packaged executable instead of `electron .`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** The Electron executable, or the reason there is none. Never triggers electron's download-on-require. */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (npm install)' };
  }
  // node_modules/electron/index.js downloads the binary when path.txt or dist/ is missing: check first, require after.
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !fs.existsSync(pathTxt)) return { reason: `${pathTxt} is missing: electron's install step never completed` };
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const rel = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : 'electron';
  if (!fs.existsSync(path.join(dist, rel))) return { reason: `${path.join(dist, rel)} does not exist` };
  let exe;
  try {
    exe = require('electron');
  } catch (e) {
    return { reason: `require('electron') failed: ${e.message}` };
  }
  if (typeof exe !== 'string' || !fs.existsSync(exe)) return { reason: `require('electron') gave ${JSON.stringify(exe)}, which is not a file` };
  // The binary must run and answer promptly (a binary for another platform, or missing shared libraries, fail
  // here). As Node (ELECTRON_RUN_AS_NODE), so no display is needed just to ask its version.
  const v = spawnSync(exe, ['-p', 'process.versions.electron'], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (v.error) return { reason: `${exe} --version failed: ${v.error.message}` };
  if (v.status !== 0) return { reason: `${exe} --version exited with ${v.status}: ${(v.stderr || v.stdout).trim().slice(0, 300)}` };
  return { exe, version: v.stdout.trim() };
}

// The release workflow points this at the packaged app it just built (the smoke test of the installer's contents).
const packaged = process.env.WORKBENCH_APP_EXECUTABLE;
if (packaged && !fs.existsSync(packaged)) {
  console.error(`test:desktop: WORKBENCH_APP_EXECUTABLE is ${packaged}, which does not exist`);
  process.exit(1);
}
const found = packaged ? { exe: packaged, version: 'packaged app' } : electronBinary();
if (!found.exe) {
  console.log(`test:desktop SKIPPED: ${found.reason} (the Electron binary could not be installed on this machine)`);
  process.exit(0);
}
console.log(`test:desktop: Electron ${found.version} at ${found.exe}`);
// Linux without a display: windows need one, so run under xvfb-run when it exists, else skip saying why.
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfb = needsDisplay && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined;
if (needsDisplay && !hasXvfb) {
  console.log('test:desktop SKIPPED: no display ($DISPLAY unset) and no xvfb-run to provide one (install xvfb)');
  process.exit(0);
}
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
// The packaged app carries its own build; only the development app is built here.
if (!packaged) {
  const build = run('npx', ['electron-vite', 'build']);
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const pw = ['playwright', 'test', '-c', 'playwright.desktop.config.ts', ...process.argv.slice(2)];
const tests = needsDisplay ? run('xvfb-run', ['-a', 'npx', ...pw]) : run('npx', pw);
process.exit(tests.status ?? 1);
