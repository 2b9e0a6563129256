/** The write measurements side by side: 100k and 1k workspaces and both SQLite baselines, interleaved edit by edit. */
import type { CachedWorkspace } from './workspace-cache';
import { WRITES_PER_ROUND, WriteSession, type WriteBenchResult } from './write-bench';
import { SqliteSession, type SqliteBenchResult } from './sqlite-bench';
import { progress } from './stats';
import { readSnapshot } from './read-snapshot';

export interface WritesResult {
  writes: WriteBenchResult;
  writes1k: WriteBenchResult | null;
  sqliteFull: SqliteBenchResult | null;
  sqliteNormal: SqliteBenchResult | null;
}

/** Both SQLite baselines, filled with the workspace's records (the parsed snapshot is garbage once this returns). */
function openSqlite(ws: CachedWorkspace): SqliteSession[] {
  progress('  loading the same records into SQLite (FULL and NORMAL)');
  const { collections } = readSnapshot(ws.dir);
  return [new SqliteSession(collections, 'FULL'), new SqliteSession(collections, 'NORMAL')];
}

/**
 * Interleaving (a round on the big workspace, its edits replayed into SQLite FULL and NORMAL right after
 * each one, then a round on the 1k workspace) exposes every contender to the same disk and the same
 * moments of background load, so the ratios are not skewed by a noisy minute.
 */
export async function benchWrites(opts: { ws: CachedWorkspace; ws1k: CachedWorkspace | null; sqlite: boolean; seed: number; rounds?: number; warmup?: number }): Promise<WritesResult> {
  const rounds = opts.rounds ?? 100;
  const warmup = opts.warmup ?? 10;
  const planned = (rounds + warmup) * WRITES_PER_ROUND;
  const big = await WriteSession.open(opts.ws, opts.seed, planned);
  const small = opts.ws1k ? await WriteSession.open(opts.ws1k, opts.seed, planned) : null;
  const sqlite = opts.sqlite ? openSqlite(opts.ws) : [];
  // Start from a collected heap, so garbage left by the setup (parsing the snapshot) does not land in the timings.
  (globalThis as { gc?: () => void }).gc?.();
  progress(`  ${rounds} rounds of ${WRITES_PER_ROUND} edits (+${warmup} warm-up)`);
  for (let i = 0; i < warmup + rounds; i++) {
    if (i === warmup) {
      big.startMeasuring();
      small?.startMeasuring();
    }
    const record = i >= warmup;
    big.round(i, (w) => { for (const s of sqlite) s.write(w, record); });
    small?.round(i);
  }
  const [full, normal] = sqlite.map((s) => s.finish());
  return { writes: await big.finish(), writes1k: small ? await small.finish() : null, sqliteFull: full ?? null, sqliteNormal: normal ?? null };
}
