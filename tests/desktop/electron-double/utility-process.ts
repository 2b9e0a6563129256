/**
 * `utilityProcess.fork`, backed by Node's child_process.fork: the child has no `process.parentPort` and talks over
 * process.send (electron/services-host/main.ts falls back to it), the parent side looks like Electron's UtilityProcess.
 * Transferring MessagePorts is not possible over Node's IPC channel: the double refuses it rather than drop them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { DoubleContext } from './context';

interface ForkOptions {
  env?: NodeJS.ProcessEnv;
  execArgv?: string[];
  cwd?: string;
  stdio?: 'pipe' | 'ignore' | 'inherit' | string[];
  serviceName?: string;
}

export class UtilityProcessDouble extends EventEmitter {
  readonly child: ChildProcess;
  pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;

  constructor(ctx: DoubleContext, modulePath: string, args: string[] = [], options: ForkOptions = {}) {
    super();
    const stdio = options.stdio === 'pipe' ? ['ignore', 'pipe', 'pipe', 'ipc'] : options.stdio === 'ignore' ? ['ignore', 'ignore', 'ignore', 'ipc'] : ['inherit', 'inherit', 'inherit', 'ipc'];
    // Electron's port carries structured clones (PDF bytes arrive as bytes): the 'advanced' serialization, not JSON.
    this.child = fork(modulePath, args, { serialization: 'advanced', env: options.env ?? process.env, execArgv: options.execArgv ?? [], cwd: options.cwd, stdio: stdio as ('pipe' | 'ignore' | 'inherit' | 'ipc')[] });
    this.stdout = this.child.stdout;
    this.stderr = this.child.stderr;
    this.child.on('spawn', () => { this.pid = this.child.pid; this.emit('spawn'); });
    this.child.on('message', (m) => this.emit('message', m));
    this.child.on('error', (e) => this.emit('error', 'FatalError', modulePath, e));
    // Electron's 'exit' carries only the code (a signal shows as a non-zero code).
    this.child.on('exit', (code, signal) => { this.pid = undefined; this.emit('exit', code ?? (signal ? 1 : 0)); });
    ctx.disposers.push(() => { if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(); });
    ctx.record('utilityProcess.fork', { modulePath, args, serviceName: options.serviceName });
  }

  postMessage(message: unknown, transfer?: unknown[]): void {
    if (transfer?.length) throw new Error('The electron double cannot transfer MessagePorts to a utility process (Node IPC carries values only)');
    this.child.send(message as import('node:child_process').Serializable);
  }

  kill(): boolean { return this.child.kill(); }
}

export function utilityProcessModule(ctx: DoubleContext) {
  return {
    fork(modulePath: string, args?: string[], options?: ForkOptions): UtilityProcessDouble {
      // A real app that has exited starts nothing; here that would leave a child no disposer kills.
      if (ctx.app.exitCode !== null) throw new Error(`utilityProcess.fork after the app exited (${modulePath})`);
      const proc = new UtilityProcessDouble(ctx, modulePath, args, options);
      (ctx.utilityProcesses ??= []).push(proc);
      return proc;
    },
  };
}
