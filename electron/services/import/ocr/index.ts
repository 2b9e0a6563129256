/**
 * Optical character recognition of scanned PDF pages, offline: pdf.js renders each page and tesseract.js reads it,
 * both in a worker thread of their own (ocrWorker.mjs) so the thread that called stays responsive. One run at a time;
 * every run ends its worker, on success, failure or time-out alike. Language data comes from npm packages on disk.
 */
import { Worker } from 'node:worker_threads';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { engineName, languageFiles, ocrPaths, type OcrPaths } from './ocrAssets';
import { shapeBlocks, wordsOfBlocks, type OcrLine, type OcrWord } from './ocrText';
import workerSource from './ocrWorker.mjs?raw';

/** One recognised page: its text, tesseract's confidence, and its words with their boxes in page points, in text order. */
export interface OcrPage { page: number; text: string; confidence: number; words?: OcrWord[] }
export interface OcrOutcome { engine: string; languages: string[]; pages: OcrPage[]; meanConfidence: number }
export interface OcrFailure { reason: 'ocr_unavailable' | 'ocr_failed' | 'ocr_timeout'; detail: string }

type OcrResult = Result<OcrOutcome, OcrFailure>;

/** ~300 dpi is what tesseract is tuned for; a page bigger than A3 is scaled down to keep memory and time bounded. */
const RENDER = { dpi: 300, maxPixels: 16_000_000 } as const;
/**
 * Per page, 120 s: a dense A4 page at 300 dpi with three languages took ~8 s here (2 cores), so only a stuck or
 * pathological page reaches it. Loading the engine and the language data gets its own allowance.
 */
const DEFAULT_PAGE_TIMEOUT_MS = 120_000;
const STARTUP_TIMEOUT_MS = 60_000;
/** The worker's JS heap (pdf.js's page images live there; tesseract's WebAssembly memory does not count). */
const WORKER_HEAP_MB = 1_024;

/** Tesseract codes of the languages whose data is installed, e.g. ["eng", "tur", "kaz"]. */
export function ocrLanguagesAvailable(): string[] {
  return Object.keys(languageFiles());
}

/** Set by each run, for tests: how many network attempts the worker refused (always 0 unless something regresses). */
export const ocrDiagnostics = {
  lastRunNetworkAttempts: 0,
  workersRunning: 0,
  peakWorkersRunning: 0,
  /** Milliseconds: loading the engine and languages, then per page rendering and recognising (for the bench). */
  lastRunTimings: { startupMs: 0, pages: [] as Array<{ page: number; renderMs: number; recogniseMs: number; pixels: number }> },
};

let queue: Promise<unknown> = Promise.resolve();

/**
 * Recognises the given 1-based pages. Languages default to every installed one combined (tesseract reads mixed
 * English/Turkish/Kazakh text best that way, and on English pages it costs about what English alone does; see
 * docs/ocr.md). The outcome's confidence figures are tesseract's mean word confidence, 0–100.
 */
export function recognisePdfPages(
  pdfBytes: Uint8Array, pageNumbers: readonly number[], opts: { languages?: readonly string[]; timeoutMsPerPage?: number } = {},
): Promise<OcrResult> {
  const run = queue.then(() => recogniseNow(pdfBytes, pageNumbers, opts));
  queue = run.catch(() => undefined);
  return run;
}

function failure(reason: OcrFailure['reason'], detail: string): OcrResult {
  return err({ reason, detail });
}

async function recogniseNow(
  pdfBytes: Uint8Array, pageNumbers: readonly number[], opts: { languages?: readonly string[]; timeoutMsPerPage?: number },
): Promise<OcrResult> {
  const bad = pageNumbers.find((n) => !Number.isInteger(n) || n < 1);
  if (bad !== undefined) return failure('ocr_failed', `page numbers start at 1 and are whole numbers (got ${bad})`);
  const files = languageFiles();
  const available = Object.keys(files);
  const languages = [...new Set(opts.languages ?? available)];
  if (available.length === 0) return failure('ocr_unavailable', 'no OCR language data is installed');
  if (languages.length === 0) return failure('ocr_unavailable', `no OCR language was asked for (installed: ${available.join(', ')})`);
  const missing = languages.filter((l) => !(l in files));
  if (missing.length > 0) {
    return failure('ocr_unavailable', `no OCR language data for ${missing.join(', ')} (installed: ${available.join(', ')})`);
  }
  const paths = ocrPaths();
  if (typeof paths === 'string') return failure('ocr_unavailable', paths);
  const pages = [...new Set(pageNumbers)];
  if (pages.length === 0) return ok({ engine: engineName(paths.tesseractDir), languages, pages: [], meanConfidence: 0 });
  const job = {
    paths, languages, pageNumbers: pages, pdfBytes: new Uint8Array(pdfBytes), dpi: RENDER.dpi, maxPixels: RENDER.maxPixels,
    languageFiles: Object.fromEntries(languages.map((l) => [l, files[l]!])),
  };
  try {
    return await runWorker(job, paths, opts.timeoutMsPerPage ?? DEFAULT_PAGE_TIMEOUT_MS);
  } catch (error) {
    // Only starting the worker can throw here (e.g. too many threads); it is a failure like any other, not a crash.
    return failure('ocr_failed', `the OCR worker could not start (${error instanceof Error ? error.message : String(error)})`);
  }
}

type WorkerMessage =
  | { type: 'stage'; stage: string; page?: number; networkAttempts: number }
  | { type: 'started'; startupMs: number; networkAttempts: number }
  | {
    type: 'page'; page: number; blocks: OcrLine[][]; confidence: number; networkAttempts: number;
    width: number; height: number; scale: number; renderMs: number; recogniseMs: number;
  }
  | { type: 'done'; networkAttempts: number }
  | { type: 'failed'; reason: 'ocr_failed'; detail: string; networkAttempts: number };

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

interface OcrJob { languages: string[]; pdfBytes: Uint8Array<ArrayBuffer>; [key: string]: unknown }

function runWorker(job: OcrJob, paths: OcrPaths, pageTimeoutMs: number): Promise<OcrResult> {
  const engine = engineName(paths.tesseractDir);
  const { languages } = job;
  const recognised: Array<OcrPage & { wordCount: number }> = [];
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(workerSource)}`), {
    workerData: { ocrJob: job },
    // The copy made above is moved to the worker, not copied again.
    transferList: [job.pdfBytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  ocrDiagnostics.workersRunning += 1;
  ocrDiagnostics.peakWorkersRunning = Math.max(ocrDiagnostics.peakWorkersRunning, ocrDiagnostics.workersRunning);
  ocrDiagnostics.lastRunNetworkAttempts = 0;
  ocrDiagnostics.lastRunTimings = { startupMs: 0, pages: [] };
  return new Promise<OcrResult>((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let stage = 'starting the recogniser';
    const finish = (result: OcrResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Never leave a worker running: it is ended whatever happened, before the caller hears the outcome.
      void worker.terminate().finally(() => {
        ocrDiagnostics.workersRunning -= 1;
        resolve(result);
      });
    };
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(failure('ocr_timeout', `${stage} took longer than ${ms / 1000} s`)), ms);
    };
    arm(STARTUP_TIMEOUT_MS);
    worker.on('message', (message: WorkerMessage) => {
      ocrDiagnostics.lastRunNetworkAttempts = message.networkAttempts;
      if (message.type === 'stage') {
        stage = message.stage;
        arm(message.page === undefined ? STARTUP_TIMEOUT_MS : pageTimeoutMs);
      } else if (message.type === 'started') {
        ocrDiagnostics.lastRunTimings.startupMs = message.startupMs;
      } else if (message.type === 'page') {
        const { page, renderMs, recogniseMs, width, height } = message;
        ocrDiagnostics.lastRunTimings.pages.push({ page, renderMs, recogniseMs, pixels: width * height });
        const text = shapeBlocks(message.blocks);
        const words = wordsOfBlocks(message.blocks, message.scale);
        recognised.push({ page: message.page, text, confidence: message.confidence, words, wordCount: wordCount(text) });
      } else if (message.type === 'failed') {
        finish(failure('ocr_failed', message.detail));
      } else {
        const words = recognised.reduce((sum, p) => sum + p.wordCount, 0);
        const meanConfidence = words === 0 ? 0 : recognised.reduce((sum, p) => sum + p.confidence * p.wordCount, 0) / words;
        const pages = recognised.map(({ wordCount: _count, ...page }) => page);
        finish(ok({ engine, languages, pages, meanConfidence }));
      }
    });
    worker.on('error', (error) => finish(failure('ocr_failed', `${stage}: the OCR worker failed (${error.message})`)));
    worker.on('exit', (code) => finish(failure('ocr_failed', `${stage}: the OCR worker stopped unexpectedly (exit code ${code})`)));
  });
}
