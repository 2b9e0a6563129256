#!/usr/bin/env node
// The `workbench` command: runs the built CLI (npm run build first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../out/main/cli.js');
if (!existsSync(cli)) {
  console.error('error: the workbench is not built yet; run `npm run build` first.');
  process.exit(1);
}
await import(cli);
