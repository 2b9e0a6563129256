/** Export jobs: an in-memory table of running and finished exports; the finished file is held for download. */
import crypto from 'node:crypto';
import { ok } from '../../../shared/domain/result';
import type { ExportJobStatus, ExportedFile } from '../../../shared/contract/views-dossiers';
import { fail, type ServiceResult, type Workbench } from '../workbench/workbench';
import type { PdfPrinter } from './pdf-printer';
import { prepareDossierExport, type DossierFormat } from './dossier-export';

interface Job {
  status: ExportJobStatus;
  mimeType: string;
  bytes: Uint8Array | null;
  finishedAt: number | null;
  done: Promise<void>;
}

/** Finished jobs kept for download; older ones are dropped (files can be large). */
const KEEP_FINISHED = 10;
/** A finished file counts as in flight until it is downloaded or this long has passed (the renderer polls every 300 ms). */
const DELIVERY_GRACE_MS = 10_000;

/**
 * Exports in flight in this process, across every ExportJobs (the desktop shell asks before quitting while one is).
 * A job is in flight while it runs and until its finished file is fetched, so quitting after "Wait" keeps the file.
 */
const inFlight = new Map<string, () => void>();
const idleWaiters: (() => void)[] = [];
/** A job's printing ended (done, failed or cancelled); `ms` since it started. */
export interface ExportFinished { jobId: string; fileName: string; ok: boolean; ms: number }
export interface ExportsWatcher { inFlight?(n: number): void; finished?(e: ExportFinished): void }
const watchers = new Set<ExportsWatcher>();
/** Hears every change of exportsInFlight() and every job's end (the desktop services host tells main); returns the unsubscribe. */
export function watchExports(w: ExportsWatcher): () => void {
  watchers.add(w);
  return () => { watchers.delete(w); };
}
const tell = (fn: (w: ExportsWatcher) => void): void => { for (const w of watchers) fn(w); };
function settle(jobId: string): void {
  if (!inFlight.delete(jobId)) return;
  tell((w) => w.inFlight?.(inFlight.size));
  if (inFlight.size > 0) return;
  for (const resolve of idleWaiters.splice(0)) resolve();
}
export function exportsInFlight(): number {
  return inFlight.size;
}
/** Resolves once no export is in flight. */
export function whenExportsSettled(): Promise<void> {
  return inFlight.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
}
/** Cancels every export in flight: each running one ends as failed ("cancelled"); its printing result is ignored. */
export function cancelExports(): void {
  for (const cancel of [...inFlight.values()]) cancel();
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly printer: PdfPrinter) {}

  start(wb: Workbench, dossierId: string, format: DossierFormat): ServiceResult<{ jobId: string }, 'not_found'> {
    const prepared = prepareDossierExport(wb, dossierId, format);
    if (!prepared.ok) return prepared;
    const jobId = crypto.randomUUID();
    const { fileName, mimeType, produce } = prepared.value;
    const status: ExportJobStatus = { jobId, state: 'running', progress: 0, stage: 'Rendering', fileName, error: null };
    const job: Job = { status, mimeType, bytes: null, finishedAt: null, done: Promise.resolve() };
    // The printer cannot be interrupted, so a cancel settles the job at once and whatever printing returns is dropped.
    let cancelled!: () => void;
    const cancel = new Promise<'cancelled'>((resolve) => { cancelled = () => resolve('cancelled'); });
    inFlight.set(jobId, cancelled);
    tell((w) => w.inFlight?.(inFlight.size));
    const startedAt = Date.now();
    const printing = produce(this.printer, (progress, stage) => {
      if (job.status.state === 'running') job.status = { ...job.status, progress: Math.max(job.status.progress, Math.min(1, progress)), stage };
    });
    job.done = Promise.race([printing, cancel]).then(
      (bytes) => {
        if (bytes === 'cancelled') {
          job.status = { ...job.status, state: 'failed', stage: 'Cancelled', error: 'The export was cancelled.' };
          settle(jobId);
          return;
        }
        job.bytes = bytes;
        job.status = { ...job.status, state: 'done', progress: 1, stage: 'Done' };
        setTimeout(() => settle(jobId), DELIVERY_GRACE_MS).unref?.();
      },
      (e: unknown) => {
        job.status = { ...job.status, state: 'failed', stage: 'Failed', error: `Export failed: ${(e as Error)?.message ?? String(e)}` };
        settle(jobId);
      },
    ).finally(() => {
      job.finishedAt = Date.now();
      tell((w) => w.finished?.({ jobId, fileName: job.status.fileName ?? 'dossier', ok: job.status.state === 'done', ms: job.finishedAt! - startedAt }));
      this.evict();
    });
    printing.catch(() => undefined);
    this.jobs.set(jobId, job);
    return ok({ jobId });
  }

  status(jobId: string): ServiceResult<ExportJobStatus, 'not_found'> {
    const job = this.jobs.get(jobId);
    return job ? ok({ ...job.status }) : fail('not_found', `No export job ${jobId} (finished exports are kept for a while only).`);
  }

  download(jobId: string): ServiceResult<ExportedFile, 'not_found' | 'conflict'> {
    const job = this.jobs.get(jobId);
    if (!job) return fail('not_found', `No export job ${jobId} (finished exports are kept for a while only).`);
    if (job.status.state === 'running') return fail('conflict', 'The export is still running.');
    if (!job.bytes) return fail('conflict', job.status.error ?? 'The export failed.');
    settle(jobId);
    return ok({ fileName: job.status.fileName ?? 'dossier', mimeType: job.mimeType, dataBase64: Buffer.from(job.bytes).toString('base64') });
  }

  /** Resolves when the job has finished (tests and the CLI wait on it). */
  async wait(jobId: string): Promise<void> {
    await this.jobs.get(jobId)?.done;
  }

  private evict(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.finishedAt !== null).sort((a, b) => a[1].finishedAt! - b[1].finishedAt!);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
