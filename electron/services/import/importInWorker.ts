/**
 * Runs the parsing step of an HTML or PDF import in a worker thread with a heap limit and a wall-clock limit, so a
 * hostile file can neither block the thread that answers requests (server, window, CLI) nor exhaust its memory:
 * running out of memory or time ends the worker, and the import becomes a rejection.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { err } from '../../../shared/domain/result';
import type { SourceKind } from '../../../shared/domain/types';
import { rejection, type ImportOptions, type WorkerChoice } from './types';
import type { ParseResult } from './importBytes';

type ImportResult = ParseResult;

/**
 * 60 s: a 5 MB page (the HTML limit) takes ~16 s here and PDFs get 5 s to open and 60 s to read, so only stuck or
 * pathological input reaches it. 1,024 MB of heap: the largest allowed page needs ~400 MB, and Electron's main
 * process shares one 4 GB pointer-compression cage between its isolates, so the worker cannot have much more.
 */
const WORKER_DEFAULTS = { timeoutMs: 60_000, maxHeapMb: 1_024 } as const;

/** What the worker is sent: the file and the options that shape its parse (never functions or the worker choice). */
export interface WorkerRequest {
  fileName: string;
  bytes: Uint8Array;
  opts: Pick<ImportOptions, 'maxBytes' | 'pdfOpenTimeoutMs'>;
}

/** What the worker answers: the parse (see ParseResult), or an error it did not expect (a bug, reported to the caller). */
export type WorkerResponse = { result: ImportResult } | { thrown: string };

/** The built worker next to the running bundle (chunks may sit one folder down); null when running from source. */
export function defaultWorkerScript(): URL | null {
  if (/\.[mc]?ts$/.test(new URL(import.meta.url).pathname)) return null;
  for (const name of ['./import-worker.js', './import-worker.mjs', '../import-worker.js', '../import-worker.mjs']) {
    const url = new URL(name, import.meta.url);
    if (fs.existsSync(fileURLToPath(url))) return url;
  }
  // A bundle without its worker is a packaging error; failing loudly beats parsing on the request thread.
  throw new Error(`the import worker (import-worker.js) is missing next to ${fileURLToPath(import.meta.url)}`);
}

/** One parse at a time: concurrent hostile uploads must not multiply the worker's memory allowance. */
let queue: Promise<unknown> = Promise.resolve();

export function parseInWorker(
  kind: SourceKind, fileName: string, bytes: Uint8Array, opts: ImportOptions, choice: WorkerChoice & { script: string | URL },
): Promise<ImportResult> {
  const run = queue.then(() => runOnce(kind, fileName, bytes, opts, choice));
  queue = run.catch(() => undefined);
  return run;
}

const what = (kind: SourceKind): string => (kind === 'pdf' ? 'the PDF' : 'the page');

/** The bytes as a transferable buffer: moved, not copied, when the view owns its whole (unshared) buffer. */
function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/**
 * One worker, reused from one import to the next: starting a worker and loading jsdom costs about a second, which
 * made importing a folder of pages slow. It is replaced after a time-out, a crash or running out of memory, after
 * RECYCLE_AFTER imports (so what one page leaves in its heap cannot build up), and ended when idle, so a CLI run
 * can exit and an idle app gives the memory back.
 */
const IDLE_MS = 20_000;
const RECYCLE_AFTER = 50;
let shared: { worker: Worker; key: string; uses: number; idle: ReturnType<typeof setTimeout> | null } | null = null;
let started = 0;

/** How many workers were started so far (for tests and diagnostics). */
export const importWorkersStarted = (): number => started;

function retire(): void {
  if (!shared) return;
  if (shared.idle) clearTimeout(shared.idle);
  void shared.worker.terminate();
  shared = null;
}

function acquireWorker(script: string | URL, maxHeapMb: number): Worker {
  const key = `${String(script)}|${maxHeapMb}`;
  if (shared && shared.key !== key) retire();
  if (!shared) {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb }, stdout: false, stderr: false });
    started++;
    shared = { worker, key, uses: 0, idle: null };
  }
  if (shared.idle) clearTimeout(shared.idle);
  shared.idle = null;
  shared.worker.ref();
  return shared.worker;
}

function releaseWorker(worker: Worker): void {
  if (!shared || shared.worker !== worker) return;
  shared.uses++;
  if (shared.uses >= RECYCLE_AFTER) return retire();
  worker.unref(); // an idle worker never keeps the process alive
  shared.idle = setTimeout(retire, IDLE_MS);
  shared.idle.unref();
}

function runOnce(
  kind: SourceKind, fileName: string, bytes: Uint8Array, opts: ImportOptions, choice: WorkerChoice & { script: string | URL },
): Promise<ImportResult> {
  const timeoutMs = choice.timeoutMs ?? WORKER_DEFAULTS.timeoutMs;
  const maxHeapMb = choice.maxHeapMb ?? WORKER_DEFAULTS.maxHeapMb;
  return new Promise((resolve, reject) => {
    const worker = acquireWorker(choice.script, maxHeapMb);
    let settled = false;
    const detach = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    /** `healthy`: the worker answered and can take the next file; otherwise it is ended and replaced next time. */
    const finish = (healthy: boolean, outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      detach();
      if (healthy) releaseWorker(worker);
      else if (shared?.worker === worker) retire();
      else void worker.terminate();
      outcome();
    };
    const refuse = (reason: 'too_complex' | 'timed_out', detail: string): void =>
      finish(false, () => resolve(err(rejection(reason, fileName, detail))));
    const tooBig = (): void =>
      refuse('too_complex', `${what(kind)} is too large or complex to import (it needed more than ${maxHeapMb.toLocaleString('en')} MB of memory)`);

    const timer = setTimeout(() => refuse('timed_out',
      `reading ${what(kind)} took longer than ${timeoutMs / 1000} s, so it was stopped (it is too large or complex to import)`), timeoutMs);
    const onMessage = (m: WorkerResponse): void => finish('result' in m, () => ('result' in m ? resolve(m.result) : reject(new Error(m.thrown))));
    const onError = (e: Error & { code?: string }): void => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return tooBig();
      finish(false, () => reject(e));
    };
    // An exit with no answer and no error event (e.g. killed from outside) still ends the import cleanly.
    const onExit = (code: number): void => refuse('too_complex', `${what(kind)} could not be read (the import worker stopped with code ${code})`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);

    const data = transferable(bytes);
    const request: WorkerRequest = { fileName, bytes: data, opts: { maxBytes: opts.maxBytes, pdfOpenTimeoutMs: opts.pdfOpenTimeoutMs } };
    try {
      worker.postMessage(request, [data.buffer]);
    } catch {
      worker.postMessage(request); // an untransferable buffer (e.g. Node's pool) is copied instead
    }
  });
}
