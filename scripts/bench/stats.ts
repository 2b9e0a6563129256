/** Summaries of repeated timings (median, p95) and small timing helpers shared by the bench modules. */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..1) of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Rounds for printing and JSON (timings to 0.01 ms are noise already). */
export const round = (x: number, digits = 2): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function roundSummary(s: Summary, digits = 2): Summary {
  return { n: s.n, median: round(s.median, digits), p95: round(s.p95, digits), min: round(s.min, digits), max: round(s.max, digits) };
}

/** Progress goes to stderr so `--json` keeps stdout for the one result object. */
export function progress(message: string): void {
  const at = (performance.now() / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${at}s] ${message}\n`);
}

export const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);
