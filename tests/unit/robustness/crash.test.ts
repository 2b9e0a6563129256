/** Crash test: a writer process is SIGKILLed at random moments; every write it acknowledged must survive. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../../electron/services/workbench/workbench';
import { runDoctor } from '../../../electron/services/maintenance/doctor';
import { createPrng, randomInt } from '../../support/synthetic-text';
import { spawn } from 'node:child_process';
import { builtCrashWriter, ensureBuilt, root } from '../../robustness/build';
import { exited, sleep, waitForLine } from '../../robustness/child';
import { checkAcks, readAcks } from '../../robustness/acks';
import { tempDir } from '../helpers';

const LONG = process.env.WORKBENCH_LONG_TESTS === '1';
const RUNS = LONG ? 200 : 25;
const SEED = 20_261_125;

beforeAll(ensureBuilt, 120_000);

describe('crash safety', () => {
  it(`loses no acknowledged write over ${RUNS} SIGKILLs at random moments`, async () => {
    const dir = tempDir('wb-crash-');
    const ackFile = path.join(tempDir('wb-acks-'), 'acks.log');
    const random = createPrng(SEED);
    let lostTotal = 0;
    let killedWhileWriting = 0;
    let ackedBefore = 0;
    const lostLines: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      // The hidden CLI command's code (electron/cli/commands/maintenance-crash.ts) through a lean entry that starts
      // fast; one-writer.test.ts runs it through the full CLI.
      const writer = spawn(process.execPath, [builtCrashWriter, '--workspace', dir, '--ack-file', ackFile, '--seed', String(run + 1), '--compact-every', '37'],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const ready = waitForLine(writer, 'ready').catch(() => false);
      // A third of the kills land while the workspace is being opened (torn-tail cut, daily backup, first
      // import), the rest while it is writing (appends, compactions every 37 changes).
      if (random() < 0.3) await Promise.race([sleep(randomInt(random, 0, 400)), exited(writer)]);
      else if (await ready) await sleep(randomInt(random, 0, 300));
      if (writer.exitCode !== null) throw new Error(`the writer stopped on its own (exit ${writer.exitCode})`);
      writer.kill('SIGKILL');
      await exited(writer);
      if (readAcks(ackFile).length > ackedBefore) killedWhileWriting++;
      ackedBefore = readAcks(ackFile).length;
      if (!fs.existsSync(path.join(dir, 'workspace.json'))) {
        expect(readAcks(ackFile)).toEqual([]); // killed before the workspace even existed
        continue;
      }
      const wb = await Workbench.open(dir, { readOnly: true });
      const { lost } = checkAcks(wb.state, readAcks(ackFile));
      await wb.close();
      lostTotal += lost.length;
      lostLines.push(...lost.slice(0, 5));
    }
    const acked = readAcks(ackFile).length;
    // Finally a normal open (cuts any torn tail) and an integrity check: nothing dangling, no leftovers.
    const wb = await Workbench.open(dir);
    expect(checkAcks(wb.state, readAcks(ackFile)).lost).toEqual([]);
    const doctor = runDoctor(wb, { repair: false });
    expect(doctor.ok && doctor.value.problems).toEqual([]);
    await wb.close();
    console.log(`crash test: ${RUNS} kill runs (${killedWhileWriting} after acknowledged writes, ${RUNS - killedWhileWriting} before any), ${acked} acknowledged writes, ${lostTotal} lost`);
    expect(lostLines).toEqual([]);
    expect(lostTotal).toBe(0);
    expect(acked).toBeGreaterThan(RUNS); // the runs did write
  }, LONG ? 900_000 : 120_000);
});
