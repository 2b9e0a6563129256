/** The one API client of the renderer, the shared query cache, and `callApi` which reports failures to the user. */
import type { Api, ApiClient, MethodName } from '../../../shared/contract/api';
import type { ReplyOf, RequestOf } from '../../../shared/contract/define';
import { createApiClient, isBrowserMode } from './transport';
import { ConnectionMonitor } from './connection';
import { QueryCache } from './queryCache';
import { goneByHistory } from './goneByHistory';
import { notifyError } from './notify';
import { Freshness } from './freshness';

let monitor: ConnectionMonitor | null = null;
export const client: ApiClient = createApiClient(window, (reply) => monitor?.observe(reply));
/** Browser mode only: the desktop bridge cannot lose its server or token. */
export const connection: ConnectionMonitor | null = isBrowserMode() ? new ConnectionMonitor(() => client['workspace.info']({})) : null;
monitor = connection;
connection?.start(window);

/** Failed loads are reported once per failed request, naming what could not be loaded. */
export const queryCache = new QueryCache((key, error) => {
  if (goneByHistory(key, error)) return; // removed on purpose by undo/redo: the screen goes back to its list instead
  notifyError(`Could not load ${describeKey(key)}`, error.message);
});

/** Notices edits made in another tab or window (the workspace revision) and reloads what is shown then. */
export const freshness = new Freshness(queryCache, { key: 'history', fetch: () => client['history.state']({}) });
freshness.watch(window);

function describeKey(key: string): string {
  const area = key.split(':', 1)[0];
  switch (area) {
    case 'sources': return 'the library';
    case 'reader': return 'the source';
    case 'tags': return 'the tags';
    case 'highlights': return 'the highlights';
    case 'history': return 'the undo history';
    case 'workspace': return 'the workspace';
    case 'backups': return 'the backups';
    case 'entities': return 'the entities';
    case 'entity': return 'the entity';
    case 'claims': case 'claim': return 'the claims';
    case 'relationship': return 'the relationship';
    case 'graph': return 'the graph';
    case 'suggestions': return 'the entity suggestions';
    case 'dependents': return 'what cites this passage';
    case 'dossiers': return 'the dossiers';
    case 'dossier': return 'the dossier';
    case 'search': return 'the search results';
    case 'capture': return 'the page versions';
    case 'extensions': return 'the paired browser extensions';
    default: return key;
  }
}

/** Calls a contract method; on failure shows `errorTitle` with the server's message and returns the error too. */
export async function callApi<M extends MethodName>(
  method: M,
  request: RequestOf<Api[M]>,
  errorTitle: string | null,
): Promise<ReplyOf<Api[M]>> {
  const reply = await client[method](request);
  if (!reply.ok && errorTitle !== null) notifyError(errorTitle, reply.error.message);
  return reply;
}
