// `npm run serve -- [--workspace DIR] [--port N]`: builds when the build is missing or stale, then starts browser mode.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out/main/server.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(built) || !existsSync(path.join(root, 'out/renderer/index.html')) ||
  ['electron', 'shared', 'renderer'].some((d) => newest(path.join(root, d)) > statSync(built).mtimeMs);
if (stale && process.env.WORKBENCH_NO_BUILD !== '1') {
  console.error('Building the workbench…');
  execSync('npx electron-vite build', { cwd: root, stdio: ['ignore', 2, 2] });
}
await import(built);
