/** Transactions as data: every edit is a list of put/delete ops plus its inverse, so undo, redo and replay are mechanical. */
import type { CollectionName, WorkspaceCollections } from './types';

export type Op =
  | { [C in CollectionName]: { t: 'put'; c: C; v: WorkspaceCollections[C] } }[CollectionName]
  | { t: 'del'; c: CollectionName; id: string };

/** A committed edit: what it did and how to take it back. */
export interface Tx {
  label: string;
  ops: Op[];
  inverse: Op[];
}

/** Read access the inverse computation needs (the live state implements it). */
export interface RecordReader {
  get<C extends CollectionName>(c: C, id: string): WorkspaceCollections[C] | undefined;
}

const idOf = (op: Op): string => (op.t === 'put' ? op.v.id : op.id);

/**
 * Builds a transaction from forward ops, computing the inverse against the state before the ops.
 * Ops that touch the same record twice are folded so the inverse restores the original.
 */
export function makeTx(label: string, ops: Op[], before: RecordReader): Tx {
  const seen = new Set<string>();
  const inverse: Op[] = [];
  for (const op of ops) {
    const key = `${op.c}/${idOf(op)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const prior = before.get(op.c, idOf(op));
    inverse.push(prior ? ({ t: 'put', c: op.c, v: prior } as Op) : { t: 'del', c: op.c, id: idOf(op) });
  }
  // Undo must restore in reverse order of the forward ops.
  inverse.reverse();
  return { label, ops, inverse };
}

/** Bounded undo/redo stacks, persisted with the workspace so undo survives a restart. */
export interface History {
  undo: Tx[];
  redo: Tx[];
}
export const HISTORY_LIMIT = 100;

export function pushDone(h: History, tx: Tx): History {
  const undo = [...h.undo, tx];
  if (undo.length > HISTORY_LIMIT) undo.splice(0, undo.length - HISTORY_LIMIT);
  return { undo, redo: [] };
}
