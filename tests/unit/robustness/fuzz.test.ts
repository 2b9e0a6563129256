/** Loader fuzz: thousands of mutated workspace files; each loads and works, or is quarantined with a StoreError; none crashes or hangs. */
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, builtFuzz, root } from '../../robustness/build';
import { buildRichWorkspace } from '../../robustness/fixture';
import { tempDir } from '../helpers';

const LONG = process.env.WORKBENCH_LONG_TESTS === '1';
const CASES = LONG ? 20_000 : 2_000;
/** A case that takes longer than this without the child reporting progress is a hang. */
const SILENCE_MS = 30_000;

interface FuzzResult {
  cases: number; loaded: number; quarantined: number; refusedTooNew: number; maxOpenMs: number;
  byFile: Record<string, number>; failures: { case: number; file: string; mutation: string; error: string }[];
}

function runFuzz(template: string, seed: number, count: number): Promise<FuzzResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtFuzz, '--template', template, '--work', tempDir('wb-fuzz-'), '--seed', String(seed), '--count', String(count)],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let last = 'start';
    let watchdog = setTimeout(onSilence, SILENCE_MS);
    function onSilence() {
      child.kill('SIGKILL');
      reject(new Error(`fuzz child silent for ${SILENCE_MS} ms after ${last}: a hang`));
    }
    child.stdout.on('data', (d) => {
      out += d;
      const progress = out.match(/progress (\d+)\n(?![\s\S]*progress)/);
      if (progress) last = `case ${progress[1]}`;
      clearTimeout(watchdog);
      watchdog = setTimeout(onSilence, SILENCE_MS);
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      const line = out.split('\n').find((l) => l.startsWith('result '));
      if (!line) return reject(new Error(`fuzz child died (${code ?? signal}) after ${last}: ${err.slice(0, 2000)}`));
      resolve(JSON.parse(line.slice('result '.length)) as FuzzResult);
    });
  });
}

beforeAll(ensureBuilt, 120_000);

describe('loader fuzz', () => {
  it(`${CASES} mutated workspaces: each loads or is quarantined; no crash, no hang`, async () => {
    const template = tempDir('wb-fuzz-template-');
    await buildRichWorkspace(template);
    const r = await runFuzz(template, 7, CASES);
    console.log(`loader fuzz: ${r.cases} cases (${JSON.stringify(r.byFile)}): ${r.loaded} loaded and exercised, ${r.quarantined} quarantined, ${r.refusedTooNew} refused as too new, ${r.failures.length} crashes; slowest open ${r.maxOpenMs} ms`);
    expect(r.failures.slice(0, 5)).toEqual([]);
    expect(r.cases).toBe(CASES);
    expect(r.loaded + r.quarantined + r.refusedTooNew).toBe(CASES);
    expect(r.loaded).toBeGreaterThan(CASES / 20); // the mutations are not all fatal: loaded states get exercised
    expect(r.quarantined).toBeGreaterThan(CASES / 4);
  }, LONG ? 1_800_000 : 120_000);
});
