/** Starts and stops browser-mode servers for end-to-end tests, on a fresh workspace folder. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface E2EServer {
  url: string;
  origin: string;
  workspace: string;
  proc: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function newWorkspace(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
}

/** Runs the built server (npm run build first) and resolves with the launch URL it prints; `port` 0 picks a free one. */
export function startServer(workspace = newWorkspace(), port = 0): Promise<E2EServer> {
  const args = ['--workspace', workspace, ...(port ? ['--port', String(port)] : [])];
  const proc = spawn(process.execPath, [path.join(root, 'out/main/server.js'), ...args], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 20_000);
    proc.stderr!.on('data', (d) => { err += d; });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}${err}`)));
    proc.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(l));
      if (!line) return;
      clearTimeout(timer);
      const url = line.trim();
      resolve({
        url, origin: new URL(url).origin, workspace, proc,
        stop: (signal = 'SIGTERM') => new Promise((done) => {
          if (proc.exitCode !== null) return done();
          proc.removeAllListeners('exit');
          proc.once('exit', () => done());
          proc.kill(signal);
        }),
      });
    });
  });
}
