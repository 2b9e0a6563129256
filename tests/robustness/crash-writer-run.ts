/**
 * The crash test's victim (run by crash-writer.ts, never shipped in the CLI). It makes acknowledged writes in a loop and records
 * each one in an ack file (fsynced) only after the service answered ok; the test kills it with SIGKILL at a
 * random moment and checks every acknowledged write survived (tests/unit/robustness/crash.test.ts).
 */
import fs from 'node:fs';
import { flagOf, type ParsedArgs } from '../../electron/cli/args';
import { EXIT } from '../../electron/cli/exit-codes';
import { CliError } from '../../electron/cli/output';
import { Workbench } from '../../electron/services/workbench/workbench';
import { importText } from '../../electron/services/workbench/sources';
import { createHighlight, updateHighlight } from '../../electron/services/workbench/highlights';
import { createTag } from '../../electron/services/workbench/tags';
import { createPrng, randomInt, syntheticText } from '../support/synthetic-text';

/**
 * Ack lines: `T tagId name` (tag created), `H highlightId start end` (highlight created), `N highlightId seq`
 * (note set to "n:<seq>", seq being the journal number of that change, so later notes have larger numbers),
 * `A highlightId tagId` (tag added to highlight). Writes only ever add, so each ack stays checkable.
 */
export async function crashWriter(a: ParsedArgs, dir: string): Promise<number> {
  const ackFile = flagOf(a, '--ack-file');
  if (!ackFile) throw new CliError('__crash-writer needs --ack-file FILE', EXIT.usage);
  const random = createPrng(Number(flagOf(a, '--seed') ?? 1));
  const maxOps = Number(flagOf(a, '--max-ops') ?? 1_000_000);
  // --pace-ms N: pause between writes (a writer that leaves the CPU to other processes).
  const paceMs = Number(flagOf(a, '--pace-ms') ?? 0);
  const wb = await Workbench.open(dir, { purpose: 'crash writer', compactEvery: Number(flagOf(a, '--compact-every') ?? 50) });
  const ackFd = fs.openSync(ackFile, 'a');
  const ack = (line: string) => {
    fs.writeSync(ackFd, `${line}\n`);
    fs.fsyncSync(ackFd);
  };
  const need = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new CliError(`crash writer: ${r.error.message}`);
    return r.value;
  };
  let source = wb.state.all('sources')[0];
  if (!source) source = need(await importText(wb, syntheticText(7, 20_000), 'Crash test source')).source;
  const tags = wb.state.all('tags').map((t) => t.id);
  const highlights = wb.state.all('highlights').map((h) => h.id);
  process.stdout.write('ready\n');
  for (let n = 0; n < maxOps; n++) {
    const roll = random();
    if (roll < 0.15 || tags.length === 0) {
      const name = `t${Date.now().toString(36)}-${n}`;
      const t = need(createTag(wb, { name, parentId: null }));
      tags.push(t.id);
      ack(`T ${t.id} ${name}`);
    } else if (roll < 0.55 || highlights.length === 0) {
      const start = randomInt(random, 0, source.textLength - 40);
      const r = createHighlight(wb, { sourceId: source.id, start, end: start + randomInt(random, 5, 39), color: 'yellow', tagIds: [], note: '' });
      if (!r.ok) continue; // e.g. a selection of whitespace only: refused, so nothing to acknowledge
      highlights.push(r.value.id);
      ack(`H ${r.value.id} ${r.value.position.start} ${r.value.position.end}`);
    } else if (roll < 0.8) {
      const id = highlights[randomInt(random, 0, highlights.length - 1)]!;
      const seq = wb.store.lastSeq + 1;
      need(updateHighlight(wb, { id, note: `n:${seq}` }));
      ack(`N ${id} ${seq}`);
    } else {
      const id = highlights[randomInt(random, 0, highlights.length - 1)]!;
      const tagId = tags[randomInt(random, 0, tags.length - 1)]!;
      const h = wb.state.get('highlights', id)!;
      if (h.tagIds.includes(tagId)) continue;
      need(updateHighlight(wb, { id, tagIds: [...h.tagIds, tagId] }));
      ack(`A ${id} ${tagId}`);
    }
    // Let pending work (a compaction's second half) interleave with writes, as in the app.
    if (paceMs > 0) await new Promise((r) => setTimeout(r, paceMs));
    else if (n % 16 === 0) await new Promise((r) => setImmediate(r));
  }
  fs.closeSync(ackFd);
  await wb.close();
  return 0;
}
