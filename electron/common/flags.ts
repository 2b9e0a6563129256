/**
 * The one command-line parser of every Node entry (CLI, browser-mode server, bench, test children): node:util
 * parseArgs in strict mode, so an unknown or misspelt flag is an error, never silently ignored.
 */
import { parseArgs } from 'node:util';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface ParsedFlags {
  /** Flag name (without dashes) → every value given, in order; booleans map to [] when present. */
  values: Map<string, string[]>;
  switches: Set<string>;
  positionals: string[];
}

/** Node's wording, made shorter: "unknown option --x", "--out needs a value". */
function plainMessage(e: Error & { code?: string }): string {
  const m = e.message;
  const name = /'(-{1,2}[^' ]+)/.exec(m)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${name}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(m) ? `${name} needs a value` : /does not take an argument/.test(m) ? `${name} takes no value` : m.split('\n')[0]!;
  }
  return m.split('\n')[0]!;
}

/** Parses `argv` against `spec` (names without leading dashes); throws an Error with a one-line message. */
export function parseFlags(argv: readonly string[], spec: FlagSpec, allowPositionals = true): ParsedFlags {
  const options = Object.fromEntries(Object.entries(spec).map(([name, o]) => [name, { ...o, multiple: o.type === 'string' ? true : false }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (e) {
    throw new Error(plainMessage(e as Error & { code?: string }));
  }
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (const [name, v] of Object.entries(parsed.values)) {
    if (typeof v === 'boolean') {
      if (v) switches.add(name);
    } else if (Array.isArray(v)) {
      values.set(name, v.map(String));
    }
  }
  return { values, switches, positionals: parsed.positionals };
}
