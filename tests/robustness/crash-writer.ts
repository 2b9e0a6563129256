/**
 * The crash test's writer as a lean entry (built by build.ts): the same code as the hidden CLI command
 * `workbench __crash-writer`, without loading every CLI command group, so each of the many runs starts fast.
 * Usage: node crash-writer.mjs --workspace DIR --ack-file F [--seed N] [--compact-every N] [--pace-ms N]
 */
import path from 'node:path';
import { parseArgs, flagOf } from '../../electron/cli/args';
import { crashWriter } from '../../electron/cli/commands/maintenance-crash';

const args = parseArgs(process.argv.slice(2));
crashWriter(args, path.resolve(flagOf(args, '--workspace') ?? '.')).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exitCode = 1; },
);
