/** `npm run dist [-- --dir]`: builds, then packages with electron-builder for this platform; fails fast when Electron cannot be fetched. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLATFORMS = { linux: 'linux', darwin: 'darwin', win32: 'win32' };
const SIGNING_VARS = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];

/** Where @electron/get caches downloads (electron-builder uses it): ELECTRON_CACHE, else the OS cache folder. */
export function electronCacheDirs(env = process.env, platform = process.platform, home = os.homedir()) {
  if (env.ELECTRON_CACHE) return [env.ELECTRON_CACHE];
  if (platform === 'darwin') return [path.join(home, 'Library', 'Caches', 'electron')];
  if (platform === 'win32') return [path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'electron', 'Cache')];
  return [path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'electron')];
}

/** True when electron-v<version>-<platform>-<arch>.zip already sits in a cache folder (any depth: @electron/get hashes the URL). */
export function zipInCache(dirs, zipName) {
  const seen = (dir, depth) => {
    let entries;
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return false; }
    return entries.some((e) => (e.isFile() && e.name === zipName) || (e.isDirectory() && depth < 3 && seen(path.join(dir, e.name), depth + 1)));
  };
  return dirs.some((d) => seen(d, 0));
}

/** One request with a short timeout to where electron-builder would download from; resolves to null when reachable, else the reason. */
export async function probeDownload(url, timeoutMs = 15_000) {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (e) {
    return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(e);
  }
}

export function electronZipUrl(version, platform, arch, env = process.env) {
  const mirror = env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const dir = env.ELECTRON_CUSTOM_DIR ?? `v${version}`;
  return `${mirror.endsWith('/') ? mirror : `${mirror}/`}${dir}/electron-v${version}-${platform}-${arch}.zip`;
}

/** Says up front which signing and notarisation steps will run, so a missing secret never looks like success. */
export function signingPlan(env = process.env, platform = process.platform) {
  const lines = [];
  if (platform === 'darwin') {
    lines.push(env.CSC_LINK ? 'macOS: signing with the certificate in CSC_LINK.' : 'macOS: CSC_LINK not set: the app is NOT signed (ad-hoc only); Gatekeeper will warn.');
    lines.push(env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID
      ? 'macOS: notarising with APPLE_ID / APPLE_TEAM_ID.'
      : 'macOS: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD or APPLE_TEAM_ID not set: notarisation skipped.');
  } else if (platform === 'win32') {
    lines.push(env.WIN_CSC_LINK || env.CSC_LINK ? 'Windows: signing with WIN_CSC_LINK.' : 'Windows: WIN_CSC_LINK not set: the installer is NOT signed; SmartScreen will warn.');
  } else {
    lines.push('Linux: AppImage and deb are not signed (checksums are published with the release).');
  }
  return lines;
}

async function main() {
  const args = process.argv.slice(2);
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const platform = PLATFORMS[process.platform];
  if (!platform) throw new Error(`npm run dist: no installer target for ${process.platform}.`);
  const arch = process.arch;
  const zipName = `electron-v${electronVersion}-${platform}-${arch}.zip`;

  // CI passes an absent secret as an empty variable: that means "not set", not "sign with nothing".
  const env = { ...process.env };
  for (const name of SIGNING_VARS) if (env[name] === '') delete env[name];
  for (const line of signingPlan(env)) console.log(`dist: ${line}`);
  // No certificate: keep electron-builder from picking a random identity from the keychain.
  if (!env.CSC_LINK && !env.WIN_CSC_LINK) env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';

  // electron-builder would otherwise retry the download for minutes before giving up.
  if (!zipInCache(electronCacheDirs(), zipName)) {
    const url = electronZipUrl(electronVersion, platform, arch);
    const reason = await probeDownload(url);
    if (reason) {
      console.error(`dist: cannot package: the Electron ${electronVersion} build for ${platform}-${arch} (${zipName}) is not in the cache (${electronCacheDirs().join(', ')})\n`
        + `and cannot be downloaded from ${url} (${reason}).\n`
        + 'Run this on a machine that can reach the download (the release workflow does), set ELECTRON_MIRROR to a reachable mirror, '
        + 'or put the zip into ELECTRON_CACHE.');
      process.exit(3);
    }
  }

  const run = (cmd, cmdArgs) => {
    console.log(`dist: ${cmd} ${cmdArgs.join(' ')}`);
    const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
  run('npx', ['electron-vite', 'build']);
  // Installers are published by the release workflow after the packaged app passed its smoke test.
  run('npx', ['electron-builder', '--config', 'electron-builder.config.ts', '--publish', 'never', ...args]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
