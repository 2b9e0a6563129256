/** Runs every measurement at the chosen size (plus the 1k write run for the growth ratio) and prints JSON and a table. */
import os from 'node:os';
import type { BenchArgs } from './args';
import { ensureWorkspace, freshCopy, removeCopies, type CachedWorkspace } from './workspace-cache';
import type { WriteBenchResult } from './write-bench';
import type { SqliteBenchResult } from './sqlite-bench';
import { benchWrites } from './writes-run';
import { spawnChild, type OpenChildResult } from './child';
import { withServerAndBrowser } from './browser';
import type { ReaderBenchResult } from './reader-bench';
import type { GraphBenchResult } from './graph-bench';
import type { PdfBenchResult } from './pdf-bench';
import type { PdfViewBenchResult } from './pdfview-bench';
import type { TeamBenchResult } from './team-bench';
import type { AnchoringBenchResult } from './anchoring-bench';
import type { SuggestBenchResult } from './suggest-bench';
import type { BenchSearchResult } from './search-bench';
import { progress, round, roundSummary, summarize, type Summary } from './stats';
import { buildResult } from './result';

const PARTS = ['writes', 'sqlite', 'open', 'search', 'anchoring', 'suggest', 'reader', 'graph', 'pdf', 'pdfview', 'team'] as const;
export type Part = (typeof PARTS)[number];

export interface OpenBenchResult {
  /** Later opens (today's backup already taken), each in a new process: until sources.list has answered. */
  open: Summary;
  /** The same opens until the full state is loaded (second phase; every request but the library's waits for it). */
  fullyLoaded: Summary;
  /** The first open of the day, which also writes the daily backup (as main does), until the library answers. */
  firstOpenWithBackupMs: number;
  /** …and until its full load (the backup is taken at the end of it). */
  firstFullyLoadedWithBackupMs: number;
  /** RSS once the background search build is done (steady state of main with the workspace open). */
  rss: Summary;
  rssAtLibrary: Summary;
  searchReady: Summary;
  peakRss: Summary;
  heapUsedMb: number;
  /** What the steady opens hold live after a full GC (heap; memory outside it), the rest of rss being free or unreturned memory. */
  liveHeapMb: number;
  externalMb: number;
  phases: Record<string, number>;
}

export interface Measured {
  ws: CachedWorkspace;
  ws1k: CachedWorkspace | null;
  writes?: WriteBenchResult;
  writes1k?: WriteBenchResult;
  sqliteFull?: SqliteBenchResult;
  sqliteNormal?: SqliteBenchResult;
  open?: OpenBenchResult;
  search?: BenchSearchResult;
  anchoring?: AnchoringBenchResult;
  suggest?: SuggestBenchResult;
  reader?: ReaderBenchResult;
  graph?: GraphBenchResult;
  pdf?: PdfBenchResult;
  pdfView?: PdfViewBenchResult;
  team?: TeamBenchResult;
  errors: Record<string, string>;
}

/**
 * Each open is a new process. The first writes the day's backup (as main does on the first open of a day);
 * the next `runs` time opening until the library is ready; the last two also wait for the background search
 * build, for the memory main holds while the workspace stays open.
 */
async function benchOpen(ws: CachedWorkspace, runs = 5): Promise<OpenBenchResult> {
  const dir = freshCopy(ws, 'open');
  const open = (mode: 'open' | 'open-steady') => spawnChild<OpenChildResult>(['--child', mode, '--workspace', dir]);
  const first = await open('open');
  const later: OpenChildResult[] = [];
  for (let i = 0; i < runs; i++) later.push(await open('open'));
  const steady = [await open('open-steady'), await open('open-steady')];
  const phases = await spawnChild<Record<string, number>>(['--child', 'open-phases', '--workspace', dir]);
  return {
    open: roundSummary(summarize(later.map((r) => r.libraryReadyMs)), 0),
    fullyLoaded: roundSummary(summarize(later.map((r) => r.fullyLoadedMs)), 0),
    firstFullyLoadedWithBackupMs: Math.round(first.fullyLoadedMs),
    firstOpenWithBackupMs: Math.round(first.libraryReadyMs),
    rss: roundSummary(summarize(steady.map((r) => r.rssMb)), 0),
    rssAtLibrary: roundSummary(summarize(later.map((r) => r.rssAtLibraryMb)), 0),
    searchReady: roundSummary(summarize(steady.map((r) => r.searchReadyMs ?? Number.NaN)), 0),
    peakRss: roundSummary(summarize(steady.map((r) => r.peakRssMb)), 0),
    heapUsedMb: steady[0]?.heapUsedMb ?? Number.NaN,
    liveHeapMb: steady[0]?.heapAfterGcMb ?? Number.NaN,
    externalMb: steady[0]?.externalAfterGcMb ?? Number.NaN,
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v, 0)])),
  };
}

/** Runs one part, recording a failure instead of aborting the whole run. */
async function part<T>(m: Measured, name: string, run: () => Promise<T>): Promise<T | undefined> {
  progress(`${name}…`);
  const started = performance.now();
  try {
    const value = await run();
    progress(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return value;
  } catch (e) {
    m.errors[name] = e instanceof Error ? e.message : String(e);
    progress(`${name} FAILED: ${m.errors[name]}`);
    return undefined;
  }
}

export async function measure(args: BenchArgs, wanted: ReadonlySet<Part>): Promise<Measured> {
  // The page-view and team benches make their own workspaces: alone, they need only the small cached one (for the header).
  const onlyPdfView = [...wanted].every((p) => p === 'pdfview' || p === 'team');
  const ws = await ensureWorkspace(onlyPdfView ? '1k' : args.size, args.seed, args.regenerate);
  const needs1k = wanted.has('writes') && args.size !== '1k';
  // The SQLite baselines replay the edits of the write run, so they need it.
  if (wanted.has('sqlite') && !wanted.has('writes')) throw new Error('--only sqlite needs writes too (--only writes,sqlite)');
  const ws1k = needs1k ? await ensureWorkspace('1k', args.seed, args.regenerate) : null;
  const m: Measured = { ws, ws1k, errors: {} };
  if (wanted.has('writes')) {
    const label = `highlight writes (${args.size}${ws1k ? ' and 1k' : ''}${wanted.has('sqlite') ? ', SQLite FULL and NORMAL' : ''})`;
    const w = await part(m, label, () => benchWrites({ ws, ws1k, sqlite: wanted.has('sqlite'), seed: args.seed }));
    if (w) {
      m.writes = w.writes;
      m.writes1k = w.writes1k ?? w.writes;
      m.sqliteFull = w.sqliteFull ?? undefined;
      m.sqliteNormal = w.sqliteNormal ?? undefined;
    }
  }
  if (wanted.has('open')) m.open = await part(m, 'open workspace (child processes)', () => benchOpen(ws));
  if (wanted.has('search')) {
    m.search = await part(m, 'search (child process)', () =>
      spawnChild<BenchSearchResult>(['--child', 'search', '--size', args.size, '--seed', String(args.seed)], 600_000));
  }
  if (wanted.has('anchoring')) {
    m.anchoring = await part(m, 'anchoring vs apache-annotator', async () => (await import('./anchoring-bench')).benchAnchoring({ seed: args.seed }));
  }
  if (wanted.has('suggest')) {
    // The bench runs from a private copy of out/ with the repository as its working folder (scripts/bench.mjs).
    m.suggest = await part(m, 'entity suggestions, 100 KB vs 1 MB', async () => (await import('./suggest-bench')).benchSuggest(process.cwd()));
  }
  if (!args.noBrowser && (wanted.has('reader') || wanted.has('graph'))) {
    await part(m, 'browser mode (reader, graph)', () => withServerAndBrowser(freshCopy(ws, 'ui'), async (server, browser) => {
      if (wanted.has('reader')) {
        const source = { id: ws.readerSourceId, highlights: ws.readerHighlights, textLength: ws.readerTextLength };
        m.reader = await part(m, 'reader first paint', async () => (await import('./reader-bench')).benchReader(server, browser, source));
      }
      if (wanted.has('graph')) m.graph = await part(m, 'graph panning', async () => (await import('./graph-bench')).benchGraph(server, browser));
    }));
  }
  if (!args.noBrowser && wanted.has('pdfview')) {
    m.pdfView = await part(m, 'PDF page view, 300 pages', async () => (await import('./pdfview-bench')).runPdfViewBench());
  }
  if (wanted.has('team')) {
    m.team = await part(m, `team sync load (${args.teamSeconds} s)`, async () => (await import('./team-bench')).benchTeam({ seconds: args.teamSeconds }));
  }
  if (!args.noBrowser && wanted.has('pdf')) m.pdf = await part(m, 'dossier PDF export', async () => (await import('./pdf-bench')).benchPdfExport(ws, args.seed));
  return m;
}

export async function runBench(args: BenchArgs): Promise<void> {
  const started = performance.now();
  const wanted = new Set<Part>(args.only.length === 0 ? PARTS : args.only.filter((p): p is Part => (PARTS as readonly string[]).includes(p)));
  progress(`bench at ${args.size} (seed ${args.seed}); parts: ${[...wanted].join(', ')}; ${os.cpus().length} cores`);
  let m: Measured;
  try {
    m = await measure(args, wanted);
  } finally {
    removeCopies();
  }
  const { json, text } = buildResult(args, m, (performance.now() - started) / 1000);
  if (args.json) {
    process.stderr.write(`\n${text}\n`);
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    process.stdout.write(`${text}\n${JSON.stringify(json, null, 2)}\n`);
  }
}
