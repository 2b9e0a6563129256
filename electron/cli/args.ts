/** The CLI's arguments: every flag of every command in one table, parsed strictly (a misspelt flag is an error). */
import { parseFlags, type FlagSpec } from '../common/flags';

export interface ParsedArgs {
  positionals: string[];
  /** '--name' → its values in order (a repeated flag keeps each one). */
  flags: Map<string, string[]>;
  /** Boolean switches given, as '--name' (and '-h'). */
  switches: Set<string>;
}

const STRING = { type: 'string' } as const;
const BOOLEAN = { type: 'boolean' } as const;

/** Every flag any command takes; commands read the ones they use. */
const CLI_FLAGS: FlagSpec = {
  workspace: STRING, json: BOOLEAN, help: { type: 'boolean', short: 'h' }, debug: BOOLEAN,
  yes: BOOLEAN, repair: BOOLEAN, full: BOOLEAN,
  source: STRING, type: STRING, alias: STRING, description: STRING, entity: STRING, grade: STRING, sort: STRING,
  subject: STRING, title: STRING, author: STRING, format: STRING, out: STRING,
  urls: STRING, 'no-print': BOOLEAN,
  db: STRING, 'password-file': STRING, team: STRING, pick: STRING,
  login: STRING, role: STRING, 'create-login': BOOLEAN, 'new-password-file': STRING, all: BOOLEAN,
};

export function parseArgs(argv: string[]): ParsedArgs {
  const p = parseFlags(argv, CLI_FLAGS);
  const flags = new Map([...p.values].map(([k, v]) => [`--${k}`, v]));
  const switches = new Set([...p.switches].map((k) => `--${k}`));
  if (switches.has('--help')) switches.add('-h');
  return { positionals: p.positionals, flags, switches };
}

export const flagOf = (a: ParsedArgs, name: string): string | undefined => a.flags.get(name)?.at(-1);
export const flagsOf = (a: ParsedArgs, name: string): string[] => a.flags.get(name) ?? [];
