/** CLI for the exchange formats: `export workspace --format …` and `import-exchange FILE --format qdpx|csl`. */
import fs from 'node:fs';
import { flagOf } from '../args';
import { EXIT, classifyFailure } from '../exit-codes';
import { describeIoError } from '../../services/store/errors';
import { CliError, printJson } from '../output';
import { EXCHANGE_FORMATS, type ExchangeFormat } from '../../services/exchange/types';
import { exportExchange, importExchange } from '../../services/exchange/run';
import { withWorkbench, type Command } from './common';

export const EXCHANGE_USAGE = `  export workspace --format qdpx|stix|ftm|csl|bibtex|ris [--out FILE]
                               the whole workspace for a QDA tool, threat-intel platform, Aleph or Zotero
  import-exchange FILE --format qdpx|csl
                               import a REFI-QDA project, or update source details from CSL-JSON`;

/** Exports the workspace in an exchange format; `write` is the dossier commands' atomic writer. */
export async function exportWorkspace(
  a: Parameters<Command>[0], dir: string, write: (out: string, bytes: Uint8Array, what: string) => void,
): Promise<number> {
  const format = flagOf(a, '--format');
  if (!format || !(EXCHANGE_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${EXCHANGE_FORMATS.join(', ')}`, EXIT.usage);
  const file = await withWorkbench(dir, true, async (wb) => exportExchange(wb, format as ExchangeFormat));
  if (!file.ok) throw CliError.fromApi(file.error);
  write(flagOf(a, '--out') ?? file.value.fileName, Buffer.from(file.value.dataBase64, 'base64'), `${format} export`);
  return 0;
}

export const exchangeCommands: Record<string, Command> = {
  async 'import-exchange'(a, dir, json) {
    const file = a.positionals[1];
    const format = flagOf(a, '--format');
    if (!file) throw new CliError('import-exchange needs a FILE', EXIT.usage);
    if (format !== 'qdpx' && format !== 'csl') throw new CliError('--format must be qdpx or csl', EXIT.usage);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new CliError(`${file}: cannot read the file (${describeIoError(e)})`, classifyFailure(e).exitCode);
    }
    const r = await withWorkbench(dir, false, async (wb) => importExchange(wb, format, file.split(/[\\/]/).pop() ?? file, bytes));
    if (!r.ok) throw CliError.fromApi(r.error);
    const v = r.value;
    if (json) printJson(v);
    else if (v.format === 'qdpx') {
      console.log(`“${v.project}”: ${v.sourcesCreated} sources added (${v.sourcesExisting} already present), ${v.tagsCreated} tags added, `
        + `${v.highlightsCreated} highlights added (${v.duplicates} already present), ${v.memosAttached} memos attached`);
      for (const s of v.skipped) console.log(`  skipped ${s.what}: ${s.reason}`);
    } else {
      console.log(`${v.items} references: ${v.updated.length} sources updated, ${v.unchanged} unchanged, ${v.unmatched.length} not matched`);
      for (const u of v.updated) console.log(`  updated “${u.title}” (by ${u.matchedBy}): ${u.fields.join(', ')}`);
      for (const u of v.unmatched) console.log(`  not matched ${u.itemId} “${u.title}”: ${u.reason}`);
    }
    return 0;
  },
};
