/** What every CLI command shares: its signature and opening the workspace for the length of the command. */
import type { ParsedArgs } from '../args';
import { Workbench } from '../../services/workbench/workbench';

/** Runs with the parsed arguments, the workspace folder and --json; resolves with the exit code. */
export type Command = (a: ParsedArgs, dir: string, json: boolean) => Promise<number>;

export async function withWorkbench<T>(dir: string, readOnly: boolean, f: (wb: Workbench) => Promise<T>): Promise<T> {
  const wb = await Workbench.open(dir, { readOnly, purpose: 'command line (workbench)' });
  try {
    return await f(wb);
  } finally {
    await wb.close();
  }
}
