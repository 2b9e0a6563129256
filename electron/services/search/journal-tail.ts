/**
 * What changed since a saved search index: the records touched by the journal entries after its sequence
 * number, as ops carrying their current value (or a delete), ready for SearchService to apply.
 */
import path from 'node:path';
import type { Op } from '../../../shared/domain/ops';
import type { WorkspaceState } from '../../../shared/domain/state';
import type { CollectionName } from '../../../shared/domain/types';
import { readJournal } from '../store/journal';
import { JOURNAL_FILE } from '../store/load';

/**
 * Ops that bring an index saved at `fromSeq` up to the state at `toSeq`, or null when the journal cannot say
 * (it no longer reaches back to `fromSeq`, or an undone transaction may have been dropped from the history):
 * the caller then rebuilds.
 */
export function journalTail(dir: string, state: WorkspaceState, fromSeq: number, toSeq: number): Op[] | null {
  if (fromSeq === toSeq) return [];
  if (fromSeq > toSeq) return null;
  const journal = readJournal(path.join(dir, JOURNAL_FILE));
  if (journal.damagedAtLine !== null) return null;
  const records = journal.records.filter((r) => r.seq > fromSeq && r.seq <= toSeq);
  // Every change after the index must be there, one per sequence number.
  if (records.length !== toSeq - fromSeq || records.some((r, i) => r.seq !== fromSeq + 1 + i)) return null;
  const touched = new Set<string>();
  const touch = (ops: readonly Op[]) => {
    for (const op of ops) touched.add(`${op.c}\u0000${op.t === 'put' ? op.v.id : op.id}`);
  };
  let undoneSince = false;
  let steps = 0;
  for (const { change } of records) {
    if (change.kind === 'tx') {
      // A new transaction clears the redo stack: a transaction undone before it is no longer in the history.
      if (!change.quiet && undoneSince) return null;
      touch(change.tx.ops);
    } else {
      undoneSince ||= change.kind === 'undo';
      steps++;
    }
  }
  if (steps > 0) {
    // Undo and redo name no records: the transactions they moved are in today's undo/redo stacks.
    for (const tx of [...state.history.undo, ...state.history.redo]) touch(tx.ops);
  }
  const ops: Op[] = [];
  for (const key of touched) {
    const [c, id] = key.split('\u0000') as [CollectionName, string];
    const v = state.get(c, id);
    ops.push(v ? ({ t: 'put', c, v } as Op) : { t: 'del', c, id });
  }
  return ops;
}
