/** Starts the services host: as an Electron utilityProcess in the app, as a Node child process in tests and browser-mode doubles. */
import type { ChildProcess, ForkOptions } from 'node:child_process';
import type { ForkHost } from './services-client';

/** The members of Electron's UtilityProcess used here (its `exit` passes the code only). */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
}
export interface UtilityForker {
  fork(modulePath: string, args: string[], options: { serviceName: string; stdio: 'pipe' }): UtilityChild;
}

/** Drains a piped stream into main's log: an unread pipe would fill and stall the host on its next console line. */
function relay(stream: NodeJS.ReadableStream | null, write: (line: string) => void): void {
  stream?.on('data', (chunk: Buffer | string) => write(`[services] ${String(chunk).trimEnd()}`));
}

/** Electron's utilityProcess.fork, named so the OS task manager shows what the process is. */
export function utilityFork(utilityProcess: UtilityForker): ForkHost {
  return (modulePath) => {
    const child = utilityProcess.fork(modulePath, [], { serviceName: 'Analyst Workbench services', stdio: 'pipe' });
    relay(child.stdout, (l) => console.log(l));
    relay(child.stderr, (l) => console.error(l));
    return {
      port: { postMessage: (m) => child.postMessage(m), onMessage: (l) => { child.on('message', l); } },
      onExit: (l) => { child.on('exit', (code) => l(code, null)); },
      kill: () => { child.kill(); },
    };
  };
}

/**
 * Node's child_process.fork with the structured-clone ("advanced") serialization, so PDF bytes arrive as bytes as
 * they do over Electron's port. A send on a closed channel is ignored: the exit handler fails what was pending.
 */
export function nodeFork(fork: (modulePath: string, args: string[], options: ForkOptions) => ChildProcess, options: ForkOptions = {}): ForkHost {
  return (modulePath) => {
    const child = fork(modulePath, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...options });
    return {
      port: {
        postMessage: (m) => { child.send(m as never, () => undefined); },
        onMessage: (l) => { child.on('message', l); },
      },
      onExit: (l) => { child.on('exit', (code, signal) => l(code, signal)); },
      kill: () => { child.kill(); },
    };
  };
}

/**
 * Electron's utilityProcess made of Node's child_process.fork: for the test double of the `electron` module and
 * tests of utilityFork. The child then talks over process.send instead of process.parentPort (see services-host/main.ts).
 */
export function nodeUtilityProcess(fork: (modulePath: string, args: string[], options: ForkOptions) => ChildProcess): UtilityForker {
  return {
    fork(modulePath, args) {
      const child = fork(modulePath, args, { serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      const utility: UtilityChild = {
        postMessage: (m) => { child.send(m as never, () => undefined); },
        on: (event: 'message' | 'exit', listener: (arg: never) => void) => {
          // Electron reports an exit code only; a signal's death is a non-zero code there too.
          if (event === 'exit') child.on('exit', (code) => (listener as (c: number) => void)(code ?? 1));
          else child.on('message', listener as (m: unknown) => void);
          return utility;
        },
        kill: () => child.kill(),
        stdout: child.stdout,
        stderr: child.stderr,
      };
      return utility;
    },
  };
}
