/**
 * Loader fuzz, run as a child process (built by build.ts) so a hang can be killed: each case mutates one file of
 * a template workspace and opens it; it must load (and survive exercise()) or be refused with a StoreError and
 * quarantined byte for byte. Prints "progress N" lines and a final "result {json}".
 */
import { parseFlags } from '../../electron/common/flags';
import fs from 'node:fs';
import path from 'node:path';
import { createPrng, randomInt } from '../support/synthetic-text';
import { Workbench } from '../../electron/services/workbench/workbench';
import { StoreError } from '../../electron/services/store/errors';
import { enterRecovery } from '../../electron/services/store/recovery';
import { realFs, type FsOps } from '../../electron/services/store/durable-fs';
import { MUTATIONS, mutate } from './mutate';
import { exercise } from './exercise';

const FILES = ['snapshot.json', 'journal.log', 'workspace.json'] as const;
/** Durability is tested elsewhere (durability.test.ts); here fsync only costs time. */
const noSync: FsOps = { ...realFs, fsyncSync: () => undefined };
const flags = parseFlags(process.argv.slice(2), { template: { type: 'string' }, work: { type: 'string' }, seed: { type: 'string' }, count: { type: 'string' } }, false);
const arg = (name: string): string => {
  const v = flags.values.get(name.replace(/^--/, ''))?.at(-1);
  if (!v) throw new Error(`missing ${name}`);
  return v;
};

async function main(): Promise<void> {
  const template = arg('--template');
  const work = arg('--work');
  const seed = Number(arg('--seed'));
  const count = Number(arg('--count'));
  const originals = Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(path.join(template, f))]));
  fs.cpSync(path.join(template, 'texts'), path.join(work, 'texts'), { recursive: true });
  const tally = { cases: 0, loaded: 0, quarantined: 0, refusedTooNew: 0, maxOpenMs: 0, byFile: {} as Record<string, number> };
  const failures: { case: number; file: string; mutation: string; error: string }[] = [];
  for (let i = 0; i < count; i++) {
    const r = createPrng(seed * 100_003 + i);
    const file = FILES[r() < 0.55 ? 0 : r() < 0.75 ? 1 : 2]!;
    const mutation = MUTATIONS[randomInt(r, 0, MUTATIONS.length - 1)]!;
    for (const name of ['quarantine', 'recovery.json', '.lock', 'backups']) fs.rmSync(path.join(work, name), { recursive: true, force: true });
    for (const f of FILES) fs.writeFileSync(path.join(work, f), originals[f]!);
    const bytes = mutate(r, originals[file]!, mutation, file === 'journal.log');
    fs.writeFileSync(path.join(work, file), bytes);
    const t0 = performance.now();
    try {
      let wb: Workbench;
      try {
        wb = await Workbench.open(work, { autoBackup: false, purpose: 'fuzz', fs: noSync });
      } finally {
        tally.maxOpenMs = Math.max(tally.maxOpenMs, performance.now() - t0);
      }
      try {
        exercise(wb);
      } finally {
        await wb.close();
      }
      tally.loaded++;
    } catch (e) {
      if (!(e instanceof StoreError) || (e.kind !== 'damaged' && e.kind !== 'too_new')) {
        failures.push({ case: i, file, mutation, error: (e as Error)?.stack?.slice(0, 800) ?? String(e) });
      } else if (e.kind === 'too_new') {
        tally.refusedTooNew++;
      } else {
        const rec = enterRecovery(work, e, noSync);
        const moved = rec.quarantined[0];
        // Whatever file was at fault (not always the mutated one) must now sit in quarantine, unchanged.
        if (!moved || fs.existsSync(path.join(work, moved.file))) {
          failures.push({ case: i, file, mutation, error: `not quarantined: ${e.message}` });
        } else if (moved.file === file && !fs.readFileSync(path.join(work, moved.movedTo)).equals(bytes)) {
          failures.push({ case: i, file, mutation, error: 'quarantined copy differs' });
        } else tally.quarantined++;
      }
    }
    tally.cases++;
    tally.byFile[file] = (tally.byFile[file] ?? 0) + 1;
    if (i % 50 === 0) process.stdout.write(`progress ${i}\n`);
  }
  process.stdout.write(`result ${JSON.stringify({ ...tally, maxOpenMs: Math.round(tally.maxOpenMs), failures })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
