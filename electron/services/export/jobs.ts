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
    job.done = produce(this.printer, (progress, stage) => {
      job.status = { ...job.status, progress: Math.max(job.status.progress, Math.min(1, progress)), stage };
    }).then(
      (bytes) => {
        job.bytes = bytes;
        job.status = { ...job.status, state: 'done', progress: 1, stage: 'Done' };
      },
      (e: unknown) => {
        job.status = { ...job.status, state: 'failed', stage: 'Failed', error: `Export failed: ${(e as Error)?.message ?? String(e)}` };
      },
    ).finally(() => {
      job.finishedAt = Date.now();
      this.evict();
    });
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
