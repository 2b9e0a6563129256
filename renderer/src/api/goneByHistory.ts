/** Records an undo/redo took away on purpose: their failed reload is not an error to report, and the screen showing one goes back to its list. */
import { useEffect, useSyncExternalStore } from 'react';
import type { ApiError } from '../../../shared/contract/define';

/** Undo/redo steps running now: reloads settling meanwhile are their consequences. */
let stepsRunning = 0;
/** Cache keys whose record the last undo/redo removed. */
let gone: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

function setGone(next: ReadonlySet<string>): void {
  gone = next;
  for (const l of listeners) l();
}

/** Runs an undo/redo and the reloads it causes; a fresh step forgets what the previous one removed (a redo may bring it back). */
export async function duringHistoryStep<T>(run: () => Promise<T>): Promise<T> {
  if (gone.size > 0) setGone(new Set());
  stepsRunning += 1;
  try {
    return await run();
  } finally {
    stepsRunning -= 1;
  }
}

/**
 * For the query cache's error report: true when `key` failed with not_found because an undo/redo removed its
 * record (during the step, or again afterwards for the same key), so nothing is notified.
 */
export function goneByHistory(key: string, error: ApiError): boolean {
  if (error.code !== 'not_found') return false;
  if (gone.has(key)) return true;
  if (stepsRunning === 0) return false;
  setGone(new Set([...gone, key]));
  return true;
}

const subscribe = (onChange: () => void) => {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
};

/**
 * A screen showing the record of `key` calls `leave` (e.g. navigate to its list) once an undo/redo has removed
 * that record; returns true from then on, so the screen can draw nothing instead of an error.
 */
export function useLeaveWhenGone(key: string | null, error: ApiError | null, leave: () => void): boolean {
  const removed = useSyncExternalStore(subscribe, () => key !== null && gone.has(key));
  const isGone = removed && error?.code === 'not_found';
  useEffect(() => {
    if (isGone) leave();
    // `leave` is a fresh closure each render; the key and the fact decide.
  }, [isGone, key]);
  return isGone;
}
