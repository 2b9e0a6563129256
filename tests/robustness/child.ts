/** Runs the privately built CLI (see build.ts) as a child process. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { builtCli, root } from './build';

export interface CliRun { code: number | null; stdout: string; stderr: string }

/** Runs `workbench --workspace DIR …args` to completion. */
export function runCli(dir: string, args: string[]): CliRun {
  const r = spawnSync(process.execPath, [builtCli, '--workspace', dir, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `workbench --workspace DIR …args` and leaves it running. */
export function startCli(dir: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [builtCli, '--workspace', dir, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves when the child prints `line` on stdout (true), or exits first (false). */
export function waitForLine(child: ChildProcess, line: string, timeoutMs = 20_000): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no "${line}" within ${timeoutMs} ms: ${out}`)), timeoutMs);
    const done = (v: boolean) => { clearTimeout(timer); resolve(v); };
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.split('\n').includes(line)) done(true);
    });
    child.once('exit', () => done(false));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
