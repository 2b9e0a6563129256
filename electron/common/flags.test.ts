/** The shared strict flag parser: values, repeats, switches, and one-line errors for unknown or incomplete flags. */
import { describe, expect, it } from 'vitest';
import { parseFlags } from './flags';
import { parseArgs as parseCliArgs } from '../cli/args';
import { parseArgs as parseBenchArgs } from '../../scripts/bench/args';

describe('parseFlags', () => {
  const spec = { out: { type: 'string' }, subject: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

  it('keeps positionals, every value of a repeated flag, --flag=value and switches', () => {
    const p = parseFlags(['export', '--subject', 'Türkiye', '--subject=Kazakhstan', 'x', '--json', '-h'], spec);
    expect(p.positionals).toEqual(['export', 'x']);
    expect(p.values.get('subject')).toEqual(['Türkiye', 'Kazakhstan']);
    expect([...p.switches].sort()).toEqual(['help', 'json']);
  });

  it('refuses unknown flags, missing values and values given to switches, in one line', () => {
    expect(() => parseFlags(['--ouut', 'f'], spec)).toThrow(/^unknown option --ouut$/);
    expect(() => parseFlags(['--out'], spec)).toThrow(/^--out needs a value$/);
    expect(() => parseFlags(['--json=yes'], spec)).toThrow(/^--json takes no value$/);
    expect(() => parseFlags(['stray'], spec, false)).toThrow(/positional|argument/i);
  });
});

describe('the entries that use it', () => {
  it('the CLI refuses a misspelt flag instead of ignoring it', () => {
    expect(() => parseCliArgs(['export', 'dossier', 'ID', '--fromat', 'pdf'])).toThrow(/unknown option --fromat/);
    const a = parseCliArgs(['--workspace', '/w', 'dossier', 'draft', '--subject', 'A', '--subject', 'B', '--json']);
    expect(a.flags.get('--subject')).toEqual(['A', 'B']);
    expect(a.switches.has('--json')).toBe(true);
  });

  it('the bench reports a misspelt flag with its usage', () => {
    expect(parseBenchArgs(['--sise', '1k'])).toMatch(/^unknown option --sise\nnpm run bench/);
    expect(parseBenchArgs(['--size', '1k', '--only', 'writes,open'])).toMatchObject({ size: '1k', only: ['writes', 'open'] });
  });
});
