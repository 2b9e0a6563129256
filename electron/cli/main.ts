/** `workbench` — the command line over the same services and workspace as the app. */
import { parseArgs, flagOf, type ParsedArgs } from './args';
import { CliError } from './output';
import { resolveWorkspaceDir } from '../services/paths';
import { EXIT, EXIT_CODES_USAGE, classifyFailure } from './exit-codes';
import { commands, COMMAND_USAGE } from './commands';

const USAGE = `Usage: workbench [--workspace DIR] [--json] <command> [args]

Commands:
${COMMAND_USAGE}

The workspace is --workspace DIR, else $WORKBENCH_WORKSPACE, else the app's default.
With --json, output is JSON on stdout; errors go to stderr, one line each, and the exit code is non-zero.
--debug adds the stack trace to an error.
${EXIT_CODES_USAGE}`;

export async function runCli(argv: string[]): Promise<number> {
  let a: ParsedArgs;
  try {
    a = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const name = a.positionals[0];
  if (!name || a.switches.has('--help') || a.switches.has('-h')) {
    (name ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    process.stderr.write(`error: unknown command “${name}”\n${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    return await cmd(a, resolveWorkspaceDir(flagOf(a, '--workspace')), a.switches.has('--json'));
  } catch (e) {
    const debug = a.switches.has('--debug');
    const failure = e instanceof CliError ? { exitCode: e.exitCode, message: e.message, expected: true } : classifyFailure(e);
    // One line (messages may quote file names with newlines in them); the stack only when asked for.
    process.stderr.write(`error: ${failure.message.replace(/\s*\n\s*/g, ' ')}\n`);
    if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    else if (!failure.expected) process.stderr.write('(run again with --debug for the details)\n');
    return failure.exitCode;
  }
}
