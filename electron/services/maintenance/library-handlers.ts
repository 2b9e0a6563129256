/**
 * The handler set served between the two phases of an open (docs/adr/0012): the library's first paint (workspace.info,
 * sources.list, history.state) answered from the summary with the journal replayed; every other method waits for the
 * full load and is then answered by whatever the session serves (the workspace, or recovery mode if a shard was
 * damaged), never from partial state.
 */
import { ok } from '../../../shared/domain/result';
import { METHOD_NAMES, type ApiHandlers } from '../../../shared/contract/api';
import type { LibraryLoad } from '../store/load';
import type { Workbench } from '../workbench/workbench';
import { listLibraryWire, listSources } from '../workbench/sources';
import { historyWithRevision } from '../api/handlers-history';
import { workspaceInfoOf } from '../workbench/workspace-info';

/** Methods the Library screen and the app frame call on first paint (LibraryScreen, AppLayout, WorkspaceGate, UndoRedoButtons). */
export const LIBRARY_METHODS = ['workspace.info', 'sources.list', 'sources.library', 'history.state'] as const;

export interface LibraryInfo {
  dir: string;
  schemaVersion: number;
  seeded: boolean;
}

/** `loaded` resolves once the session serves its final handlers (it never rejects); `after` returns them. */
export function createLibraryHandlers(
  info: LibraryInfo, library: LibraryLoad, loaded: () => Promise<void>, after: () => ApiHandlers,
): ApiHandlers {
  const waiting = Object.fromEntries(METHOD_NAMES.map((m) => [m, async (req: unknown) => {
    await loaded();
    return (after()[m] as (r: unknown) => Promise<unknown>)(req);
  }])) as unknown as ApiHandlers;
  // The same service functions as the full handlers, over the library state (they read only `state` and the
  // revision), so the answers cannot drift apart from the ones given after the full load.
  const view = { state: library.state, store: { lastSeq: library.seq } } as unknown as Workbench;
  const { state } = library;
  return {
    ...waiting,
    'workspace.info': async () => ok(workspaceInfoOf(info.dir, info.schemaVersion, state, info.seeded)),
    'sources.list': async () => ok(listSources(view)),
    'sources.library': async () => ok(listLibraryWire(view)),
    'history.state': async () => ok(historyWithRevision(view)),
  };
}
