/**
 * Lock contention across processes: a pool of contender processes (tests/robustness/lock-contender.ts) is released
 * at one wall-clock instant on a fresh, a stale (dead holder) and a half-written lock, trial after trial. Exactly
 * one may win each trial, and the journal each winner appends to must never fork.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from './journal';
import { builtLockContender, ensureBuilt, root } from '../../../tests/robustness/build';
import { tempDir } from '../../../tests/unit/helpers';

const LONG = process.env.WORKBENCH_LONG_TESTS === '1';
const CONTENDERS = 8;
const ROUNDS = LONG ? 250 : 40; // each round runs every setup once: 5 setups → 200 trials (1250 long)
/** Time for the "go" line to reach every child on a busy 2-core machine before the shared instant. */
const LEAD_MS = 40;

type Setup = 'fresh' | 'stale' | 'half-written' | 'fresh, no hard links' | 'stale, no hard links';
const SETUPS: Setup[] = ['fresh', 'stale', 'half-written', 'fresh, no hard links', 'stale, no hard links'];

interface Answer { trial?: number; id: number; result?: 'won' | 'locked' | 'error'; message?: string; lateMs?: number; released?: boolean; ready?: boolean }

/** One long-lived contender and its answers, in order. */
class Contender {
  private readonly answers: Answer[] = [];
  private waiting: ((a: Answer) => void) | null = null;

  constructor(readonly child: ChildProcess) {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const a = JSON.parse(line) as Answer;
      if (this.waiting) { const w = this.waiting; this.waiting = null; w(a); } else this.answers.push(a);
    });
  }

  send(cmd: object): void {
    this.child.stdin!.write(`${JSON.stringify(cmd)}\n`);
  }

  next(): Promise<Answer> {
    const a = this.answers.shift();
    if (a) return Promise.resolve(a);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('a contender did not answer within 20 s')), 20_000);
      this.waiting = (v) => { clearTimeout(timer); resolve(v); };
    });
  }
}

/** A pid no process has any more: a child that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

function prepare(dir: string, setup: Setup): void {
  const lock = path.join(dir, '.lock');
  if (setup.startsWith('stale')) {
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), since: '2026-01-01T00:00:00.000Z', purpose: 'crashed' }));
  } else if (setup === 'half-written') {
    // A crash between creating the lock file and writing it, a minute ago: stale, and unreadable.
    fs.writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
  }
}

let pool: Contender[] = [];

beforeAll(async () => {
  await ensureBuilt();
  pool = Array.from({ length: CONTENDERS }, (_, id) =>
    new Contender(spawn(process.execPath, [builtLockContender, '--id', String(id)], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] })));
  for (const c of pool) expect((await c.next()).ready).toBe(true);
}, 120_000);

afterAll(() => {
  for (const c of pool) c.child.stdin!.end();
});

describe('workspace lock under contention (separate processes)', () => {
  it(`${CONTENDERS} processes released at one instant: exactly one wins each of ${ROUNDS * SETUPS.length} trials, no journal forks`, async () => {
    const base = tempDir('wb-lock-');
    const stats = new Map<Setup, { trials: number; noWinner: number; twoOrMore: number; forked: number }>();
    const problems: string[] = [];
    const spreads: number[] = [];
    let trial = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const setup of SETUPS) {
        trial++;
        const dir = path.join(base, String(trial));
        fs.mkdirSync(dir);
        prepare(dir, setup);
        const at = performance.timeOrigin + performance.now() + LEAD_MS;
        for (const c of pool) c.send({ op: 'try', trial, dir, at, noLink: setup.endsWith('no hard links') });
        const answers = await Promise.all(pool.map((c) => c.next()));
        const winners = answers.filter((a) => a.result === 'won');
        const late = answers.map((a) => a.lateMs ?? 0);
        spreads.push(Math.max(...late) - Math.min(...late));
        for (const a of answers) {
          if (a.result === 'error' || a.trial !== trial) problems.push(`trial ${trial} (${setup}): ${JSON.stringify(a)}`);
          if (a.result === 'won' && a.message) problems.push(`trial ${trial} (${setup}): winner ${a.id}: ${a.message}`);
        }
        for (const w of winners) pool[w.id]!.send({ op: 'release', trial });
        for (const w of winners) expect((await pool[w.id]!.next()).released).toBe(true);
        const journal = readJournal(path.join(dir, 'journal.log'));
        const s = stats.get(setup) ?? { trials: 0, noWinner: 0, twoOrMore: 0, forked: 0 };
        s.trials++;
        if (winners.length === 0) s.noWinner++;
        if (winners.length > 1) s.twoOrMore++;
        if (journal.damage !== null || journal.records.length !== winners.length) s.forked++;
        stats.set(setup, s);
        if (winners.length !== 1) problems.push(`trial ${trial} (${setup}): ${winners.length} winners; ${answers.map((a) => `${a.id}: ${a.result} ${a.message ?? ''}`).join(' | ')}`);
        if (journal.damage !== null) problems.push(`trial ${trial} (${setup}): journal ${journal.damage} at line ${journal.damagedAtLine}`);
        // The winners released: the lock must be gone (a lost release leaves it), and no take-over debris either.
        const left = fs.readdirSync(dir).filter((n) => n.startsWith('.lock'));
        if (left.length) problems.push(`trial ${trial} (${setup}): left after release: ${left.join(', ')}`);
      }
    }
    const summary = [...stats].map(([k, s]) => `${k}: 2+ winners in ${s.twoOrMore}/${s.trials}, none in ${s.noWinner}, journal forked in ${s.forked}`);
    spreads.sort((a, b) => a - b);
    const spread = `first to last call: median ${spreads[spreads.length >> 1]!.toFixed(2)} ms, p90 ${spreads[Math.floor(spreads.length * 0.9)]!.toFixed(2)} ms`;
    console.log(`lock contention (${CONTENDERS} processes, ${spread}):\n  ${summary.join('\n  ')}`);
    expect(problems.slice(0, 10)).toEqual([]);
    expect(problems).toHaveLength(0);
  }, LONG ? 1_200_000 : 120_000);
});
