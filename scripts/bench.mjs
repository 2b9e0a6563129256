// `npm run bench -- [--size 1k|10k|100k] [--json] …`: builds when the bench bundle is missing or stale, then runs out/main/bench.js.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { execSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out/main/bench.js');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// The reader and graph measurements run the built browser-mode server and renderer too.
const outputs = [built, path.join(root, 'out/main/server.js'), path.join(root, 'out/renderer/index.html')];
const sources = ['scripts/bench', 'electron', 'shared', 'renderer'].map((d) => path.join(root, d));
const stale = outputs.some((f) => !existsSync(f)) ||
  Math.max(...sources.map(newest), statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs) > statSync(built).mtimeMs;
if (stale && process.env.WORKBENCH_NO_BUILD !== '1') {
  // Build output goes to stderr: with --json, stdout carries only the result object.
  console.error('bench: building (npx electron-vite build)…');
  execSync('npx electron-vite build', { cwd: root, stdio: ['ignore', 2, 2] });
}

// Run from a private copy of out/: a rebuild by someone else during the run (npm run build, serve, e2e)
// would otherwise delete the hashed chunks the bench loads later. Packages resolve through a node_modules link.
const runRoot = mkdtempSync(path.join(os.tmpdir(), 'workbench-bench-build-'));
cpSync(path.join(root, 'out'), path.join(runRoot, 'out'), { recursive: true });
cpSync(path.join(root, 'package.json'), path.join(runRoot, 'package.json'));
symlinkSync(path.join(root, 'node_modules'), path.join(runRoot, 'node_modules'), 'dir');
const cleanup = () => rmSync(runRoot, { recursive: true, force: true });

// --expose-gc: the write run starts from a collected heap (setup garbage would otherwise land in its timings).
const child = spawn(process.execPath, ['--expose-gc', path.join(runRoot, 'out/main/bench.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});
