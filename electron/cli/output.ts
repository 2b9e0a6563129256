/** CLI output: JSON on stdout for machines, tables for people, errors on stderr with a non-zero exit. */
import type { ApiError } from '../../shared/contract/define';
import { EXIT, exitForApiError } from './exit-codes';

/** An expected failure: printed as one line, exits with `exitCode` (see exit-codes.ts). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failed) {
    super(message);
  }

  /** A failed contract call, with the exit code its typed error code stands for. */
  static fromApi(error: ApiError): CliError {
    return new CliError(error.message, exitForApiError(error));
  }
}

export function printJson(v: unknown): void {
  process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
}

/** A plain aligned table; long cells are cut so rows stay on one line. */
export function printTable(headers: string[], rows: string[][]): void {
  const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
  const cells = [headers, ...rows.map((r) => r.map(cut))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const r of cells) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
}
