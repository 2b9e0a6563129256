/** Browser-mode server (the built out/main/server.js on a workspace copy) and headless Chromium for the UI measurements. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

/** The repository root: bench.js lives in out/main/. */
export const repoRoot = (): string => process.env.BENCH_REPO_ROOT ?? path.resolve(path.dirname(process.argv[1] ?? '.'), '../..');

export const chromiumExecutable = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BenchServer {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `node out/main/server.js --workspace DIR` and resolves with the launch URL (with its token) it prints. */
export function startServer(workspace: string, timeoutMs = 180_000): Promise<BenchServer> {
  const server = path.join(repoRoot(), 'out/main/server.js');
  if (!fs.existsSync(server)) return Promise.reject(new Error(`${server} is missing: run npm run build`));
  const proc = spawn(process.execPath, [server, '--workspace', workspace], { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`server did not start: ${out}${err}`)); }, timeoutMs);
    proc.stderr!.on('data', (d) => { err += d; });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${out}${err}`)); });
    proc.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(l));
      if (!line) return;
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      resolve({
        url: line.trim(), proc,
        stop: () => new Promise<void>((done) => {
          if (proc.exitCode !== null) return done();
          proc.once('exit', () => done());
          proc.kill('SIGTERM');
        }),
      });
    });
  });
}

async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Runs `use` with a started server and browser, always stopping both. */
export async function withServerAndBrowser<T>(workspace: string, use: (server: BenchServer, browser: Browser) => Promise<T>): Promise<T> {
  const server = await startServer(workspace);
  try {
    const browser = await launchChromium();
    try {
      return await use(server, browser);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
