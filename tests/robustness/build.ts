/**
 * Builds the CLI, the browser-mode server and the fuzz child for the child-process robustness tests, when missing
 * or older than any source file. A private build (in node_modules/.cache, which lint and git ignore, and from
 * where the repository's packages resolve), so these tests never race the app's own build in out/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

export const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'node_modules/.cache/workbench-robustness');
export const builtCli = path.join(outDir, 'cli.mjs');
export const builtFuzz = path.join(outDir, 'fuzz-child.mjs');
export const builtServer = path.join(outDir, 'server.mjs');
export const builtCrashWriter = path.join(outDir, 'crash-writer.mjs');
export const builtImportWorker = path.join(outDir, 'import-worker.mjs');
export const builtLockContender = path.join(outDir, 'lock-contender.mjs');
export const builtLockIntruder = path.join(outDir, 'lock-intruder.mjs');
export const builtServicesHost = path.join(outDir, 'services-host.mjs');

const ENTRIES = {
  cli: path.join(root, 'electron/cli/index.ts'),
  server: path.join(root, 'electron/server/main.ts'),
  'fuzz-child': path.join(root, 'tests/robustness/fuzz-child.ts'),
  'crash-writer': path.join(root, 'tests/robustness/crash-writer.ts'),
  'import-worker': path.join(root, 'electron/services/import/importWorker.ts'),
  'lock-contender': path.join(root, 'tests/robustness/lock-contender.ts'),
  'lock-intruder': path.join(root, 'tests/robustness/lock-intruder.ts'),
  'services-host': path.join(root, 'electron/services-host/main.ts'),
};

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const stale = (): boolean => {
  const outputs = [builtCli, builtFuzz, builtServer, builtCrashWriter, builtLockContender, builtLockIntruder, builtImportWorker, builtServicesHost];
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  return ['electron', 'shared', 'tests/robustness'].some((d) => newest(path.join(root, d)) > built);
};

/** Node ESM bundles; dependencies stay external and resolve from the repository's node_modules. */
export async function ensureBuilt(): Promise<void> {
  if (!stale()) return;
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { input: ENTRIES, output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' } },
    },
  });
}
