/** Worker-thread entry (built as import-worker.js): parses each file it is sent, one at a time, and posts the parse back. */
import { parentPort } from 'node:worker_threads';
import { parseInProcess } from './importBytes';
import type { WorkerRequest, WorkerResponse } from './importInWorker';

parentPort?.on('message', (req: WorkerRequest) => {
  const answer = (m: WorkerResponse): void => parentPort?.postMessage(m);
  parseInProcess(req.fileName, req.bytes, { ...req.opts, worker: 'in-process' }).then(
    (result) => answer({ result }),
    (e: unknown) => answer({ thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }),
  );
});
