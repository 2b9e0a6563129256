/** `workbench` — the command line over the same services and workspace as the app. */
import { parseArgs, flagOf, type ParsedArgs } from './args';
import { CliError } from './output';
import { resolveWorkspaceDir } from '../services/paths';
import { StoreError } from '../services/store/errors';
import { commands, COMMAND_USAGE } from './commands';

const USAGE = `Usage: workbench [--workspace DIR] [--json] <command> [args]

Commands:
${COMMAND_USAGE}

The workspace is --workspace DIR, else $WORKBENCH_WORKSPACE, else the app's default.
With --json, output is JSON on stdout; errors go to stderr and the exit code is non-zero.`;

export async function runCli(argv: string[]): Promise<number> {
  let a: ParsedArgs;
  try {
    a = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const name = a.positionals[0];
  if (!name || a.switches.has('--help') || a.switches.has('-h')) {
    (name ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const cmd = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    process.stderr.write(`error: unknown command “${name}”\n${USAGE}\n`);
    return 2;
  }
  try {
    return await cmd(a, resolveWorkspaceDir(flagOf(a, '--workspace')), a.switches.has('--json'));
  } catch (e) {
    const msg = e instanceof CliError || e instanceof StoreError ? e.message : `unexpected failure: ${(e as Error).stack ?? e}`;
    process.stderr.write(`error: ${msg}\n`);
    return e instanceof CliError ? e.exitCode : 1;
  }
}
