/**
 * One contender of the lock contention test (built by build.ts), long-lived so one pool runs hundreds of trials.
 * Reads JSON commands on stdin, one a line, and answers each with one JSON line on stdout:
 *   {"op":"try","trial":N,"dir":D,"at":T,"noLink":B} → waits until the wall-clock instant T (ms, fractional), calls
 *     acquireLock(D) and answers {"trial","id","result":"won"|"locked"|"error","message","lateMs"}; a winner then
 *     appends the next record to D/journal.log, so two winners of one trial would fork that journal.
 *   {"op":"release","trial":N} → releases the lock won in trial N, answers {"trial","id","released":true}.
 * Prints {"ready":true} once it listens.
 */
import path from 'node:path';
import readline from 'node:readline';
import { acquireLock } from '../../electron/services/store/lock';
import { JournalWriter, readJournal } from '../../electron/services/store/journal';
import { StoreError } from '../../electron/services/store/errors';

const id = Number(process.argv[process.argv.indexOf('--id') + 1]);
const held = new Map<number, () => void>();
const now = (): number => performance.timeOrigin + performance.now();
const reply = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

/** Sleeps until just before `at`, then spins: timers are too coarse for an instant shared by eight processes. */
async function until(at: number): Promise<void> {
  const ahead = at - now() - 2;
  if (ahead > 0) await new Promise((r) => setTimeout(r, ahead));
  while (now() < at) { /* spin the last milliseconds */ }
}

function appendNext(dir: string): void {
  const file = path.join(dir, 'journal.log');
  const last = readJournal(file).records.at(-1)?.seq ?? 0;
  const w = new JournalWriter(file);
  try {
    w.append({ seq: last + 1, at: new Date().toISOString(), change: { kind: 'undo' } });
  } finally {
    w.close();
  }
}

async function handle(cmd: { op: string; trial: number; dir?: string; at?: number; noLink?: boolean }): Promise<void> {
  if (cmd.op === 'release') {
    held.get(cmd.trial)?.();
    held.delete(cmd.trial);
    return reply({ trial: cmd.trial, id, released: true });
  }
  await until(cmd.at!);
  const lateMs = now() - cmd.at!;
  try {
    // The third argument only exists in the fixed lock.ts (test hook for file systems without hard links).
    const release = (acquireLock as (d: string, p: string, o?: object) => () => void)(cmd.dir!, `contender ${id}`, { noHardLinks: cmd.noLink === true });
    held.set(cmd.trial, release);
    let message = '';
    try {
      appendNext(cmd.dir!);
    } catch (e) {
      message = `journal: ${(e as Error).message}`;
    }
    reply({ trial: cmd.trial, id, result: 'won', message, lateMs });
  } catch (e) {
    const locked = e instanceof StoreError && e.kind === 'locked';
    reply({ trial: cmd.trial, id, result: locked ? 'locked' : 'error', message: (e as Error).message, lateMs });
  }
}

// Commands are handled one after another: a child never runs two trials at once.
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  queue = queue.then(() => handle(JSON.parse(line))).catch((e) => reply({ id, result: 'error', message: String(e) }));
});
reply({ ready: true, id });
