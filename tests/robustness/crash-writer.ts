/**
 * The crash test's writer as a lean entry (built by build.ts), test code only: nothing of it ships in the CLI.
 * Usage: node crash-writer.mjs --workspace DIR --ack-file F [--seed N] [--compact-every N] [--pace-ms N]
 */
import path from 'node:path';
import { flagOf, type ParsedArgs } from '../../electron/cli/args';
import { parseFlags } from '../../electron/common/flags';
import { crashWriter } from './crash-writer-run';

const STRING = { type: 'string' } as const;
const parsed = parseFlags(process.argv.slice(2), {
  workspace: STRING, 'ack-file': STRING, seed: STRING, 'compact-every': STRING, 'max-ops': STRING, 'pace-ms': STRING,
}, false);
const args: ParsedArgs = { positionals: [], switches: new Set(), flags: new Map([...parsed.values].map(([k, v]) => [`--${k}`, v])) };
crashWriter(args, path.resolve(flagOf(args, '--workspace') ?? '.')).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exitCode = 1; },
);
