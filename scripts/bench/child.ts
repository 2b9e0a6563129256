/** Measurements that need a fresh process (no warm heap or caches of the parent): run as `bench.js --child <name>`. */
import { spawn } from 'node:child_process';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { WorkspaceSession } from '../../electron/services/maintenance/session';
import { WorkspaceState } from '../../shared/domain/state';
import { sizeOf, type BenchArgs } from './args';
import { readSnapshot } from './read-snapshot';
import { mb } from './stats';

/** What an `open` child reports: time until the library is usable, and the memory of a process holding the workspace. */
export interface OpenChildResult {
  /** WorkspaceSession.start: the first phase of the open (docs/adr/0012), or the whole open without a library summary. */
  openMs: number;
  listMs: number;
  /** Session start + the sources.list reply serialised (what the library screen waits for). */
  libraryReadyMs: number;
  /** Until the second phase has loaded the full state (every other request waits for it). */
  fullyLoadedMs: number;
  sources: number;
  /** RSS when the library is ready (the shards may still be being read; search not started). */
  rssAtLibraryMb: number;
  /** The background search index build started after the full load, until search.status says ready (null: not waited for). */
  searchReadyMs: number | null;
  /** RSS once the search index is built (what the main process holds while the workspace stays open), else at library ready. */
  rssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  /** After a full GC (what is live, not garbage waiting for a collection): heap, and memory outside it (buffers, typed arrays). */
  heapAfterGcMb?: number;
  externalAfterGcMb?: number;
  rssAfterGcMb?: number;
  heapTotalAfterGcMb?: number;
}

type Handler = (req: unknown) => Promise<{ ok: boolean; value?: unknown }>;

/**
 * Opens the workspace the way the hosts do (electron/services-host, electron/server): WorkspaceSession.start, which
 * serves the library after the first phase and loads the rest behind it. The daily backup is taken during the open
 * (not 3 s later), so the first open of the day shows its cost in fullyLoadedMs.
 */
async function openChild(dir: string, waitForSearch: boolean): Promise<OpenChildResult> {
  const t0 = performance.now();
  const session = await WorkspaceSession.start({ dir, purpose: 'bench (open)', open: { autoBackup: true } });
  const t1 = performance.now();
  const handlers = session.handlers as unknown as Record<string, Handler>;
  const list = await handlers['sources.list']!({});
  if (!list.ok) throw new Error(`bench: sources.list failed: ${JSON.stringify(list).slice(0, 200)}`);
  JSON.stringify(list);
  const t2 = performance.now();
  const rssAtLibrary = process.memoryUsage().rss;
  await session.whenLoaded();
  const tFull = performance.now();
  if (!session.wb) throw new Error(`bench: the workspace did not load: ${session.recovery?.message ?? 'unknown'}`);
  const status = async () => ((await handlers['search.status']!({})).value as { ready: boolean }).ready;
  while (waitForSearch && !(await status())) await new Promise((done) => setTimeout(done, 20));
  const t3 = performance.now();
  if (waitForSearch) await new Promise((done) => setTimeout(done, 200));
  const mem = process.memoryUsage();
  const result: OpenChildResult = {
    openMs: t1 - t0, listMs: t2 - t1, libraryReadyMs: t2 - t0, fullyLoadedMs: tFull - t0, sources: (list.value as unknown[]).length,
    rssAtLibraryMb: mb(rssAtLibrary), searchReadyMs: waitForSearch ? t3 - t0 : null,
    rssMb: mb(mem.rss), peakRssMb: mb(process.resourceUsage().maxRSS * 1024), heapUsedMb: mb(mem.heapUsed),
  };
  if (waitForSearch) afterGc(result);
  await session.close();
  return result;
}

/**
 * What stays live once the garbage is collected, and (with BENCH_HEAP_SNAPSHOT=<file>) a V8 heap snapshot of it,
 * to see which structures hold the memory (measured after rssMb, so it does not change that figure).
 */
function afterGc(result: OpenChildResult): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  const mem = process.memoryUsage();
  result.heapAfterGcMb = mb(mem.heapUsed);
  result.externalAfterGcMb = mb(mem.external);
  result.rssAfterGcMb = mb(mem.rss);
  result.heapTotalAfterGcMb = mb(mem.heapTotal);
  if (process.env.BENCH_HEAP_SPACES) for (const sp of getHeapSpaceStatistics()) process.stderr.write(`${sp.space_name} size ${mb(sp.space_size)} used ${mb(sp.space_used_size)} physical ${mb(sp.physical_space_size)}\n`);
  const file = process.env.BENCH_HEAP_SNAPSHOT;
  if (file) writeHeapSnapshot(file);
}

/**
 * Where opening spends its time and memory: the steps of WorkspaceStore.open done one by one (no lock, journal or
 * backup): the index, the shards (read, sha-256, parse, shape checks), then the in-memory state with its indexes.
 */
async function openPhasesChild(dir: string): Promise<Record<string, number>> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const read = readSnapshot(dir);
  const t3 = performance.now();
  const state = WorkspaceState.fromJson(read.collections, read.doc.history);
  const t4 = performance.now();
  if (state.count('sources') === 0) throw new Error('bench: no sources in the snapshot');
  gc();
  const heapState = process.memoryUsage().heapUsed;
  const records = Object.values(read.collections).reduce((n, c) => n + Object.keys(c).length, 0);
  return {
    indexMs: read.indexMs, shardsMs: read.shardsMs, buildStateMs: t4 - t3, snapshotMb: mb(read.bytes), shards: read.doc.shards?.length ?? 0,
    // Heap held by the parsed records plus the state's maps and indexes, after a full GC.
    heapMb: mb(heapState - heap0), bytesPerRecord: Math.round((heapState - heap0) / records), peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };
}

/** Runs the child mode named by --child and prints its result as one JSON line on stdout. */
export async function runChild(args: BenchArgs): Promise<void> {
  let result: unknown;
  if ((args.child === 'open' || args.child === 'open-steady') && args.workspace) result = await openChild(args.workspace, args.child === 'open-steady');
  else if (args.child === 'open-phases' && args.workspace) result = await openPhasesChild(args.workspace);
  else if (args.child === 'search') {
    const s = sizeOf(args.size);
    const { benchSearch } = await import('./search-bench');
    result = await benchSearch({ seed: args.seed, sources: s.sources, highlights: s.highlights, entities: s.entities, claims: s.claims });
  } else throw new Error(`unknown child mode ${args.child}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Starts this bundle again as a child (`node <bench.js> --child …`) and returns what it printed. */
export function spawnChild<T>(argv: string[], timeoutMs = 300_000): Promise<T> {
  const script = process.argv[1] ?? '';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', script, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) return reject(new Error(`bench child ${argv.join(' ')} failed (exit ${code}): ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`bench child printed no JSON: ${line.slice(0, 200)}`));
      }
    });
  });
}
