/** A small argument parser: positionals, --flag value, --flag=value, repeated flags, boolean switches. */

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
  switches: Set<string>;
}

/** Flags that never take a value. */
const SWITCHES = new Set(['--json', '--help', '-h', '--yes', '--repair', '--full', '--debug']);

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (SWITCHES.has(a)) {
      out.switches.add(a);
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      out.flags.set(name, [...(out.flags.get(name) ?? []), value]);
    } else {
      out.positionals.push(a);
    }
  }
  return out;
}

export const flagOf = (a: ParsedArgs, name: string): string | undefined => a.flags.get(name)?.at(-1);
export const flagsOf = (a: ParsedArgs, name: string): string[] => a.flags.get(name) ?? [];
