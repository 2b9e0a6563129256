/** Turns the service's diff parts into what the diff view draws: inserted, deleted, equal text and elision markers. */
import type { TextDiffPart } from '../../../../../shared/contract/views-capture';

export type DiffRun =
  | { kind: 'equal' | 'insert' | 'delete'; text: string }
  | { kind: 'elided'; chars: number };

/**
 * The service sends an elided run as its own part ({ op: 'equal', text: '', elided: n }) between the context kept on
 * each side, so the marker goes exactly there; any text such a part carries is shown before it. Empty runs are dropped.
 */
export function diffRuns(parts: readonly TextDiffPart[]): DiffRun[] {
  const runs: DiffRun[] = [];
  for (const part of parts) {
    if (part.text) runs.push({ kind: part.op, text: part.text });
    if (part.op === 'equal' && part.elided) runs.push({ kind: 'elided', chars: part.elided });
  }
  return runs;
}
