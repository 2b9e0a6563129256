/** Benchmark: offline entity suggestions on the sample article repeated to ~100 KB and ~1 MB; the ratio shows whether time grows linearly. */
import fs from 'node:fs';
import path from 'node:path';
import { suggestEntities } from '../../shared/nlp';

export interface SuggestBenchResult {
  smallChars: number;
  largeChars: number;
  smallMs: number;
  largeMs: number;
  /** (large time / small time) / (large size / small size): about 1 when linear, well above 1 when worse. */
  growthVsLinear: number;
}

const repeatTo = (text: string, chars: number): string => Array.from({ length: Math.ceil(chars / text.length) }, () => text).join('\n');

/** The median of `runs` timings of f (the first, warming, run not counted). */
function medianMs(f: () => void, runs: number): number {
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export function benchSuggest(root: string): SuggestBenchResult {
  const sample = fs.readFileSync(path.join(root, 'seeds/sample-article.txt'), 'utf8');
  const small = repeatTo(sample, 100_000);
  const large = repeatTo(sample, 1_000_000);
  const smallMs = medianMs(() => suggestEntities(small), 5);
  const largeMs = medianMs(() => suggestEntities(large), 3);
  return {
    smallChars: small.length, largeChars: large.length, smallMs, largeMs,
    growthVsLinear: (largeMs / smallMs) / (large.length / small.length),
  };
}
