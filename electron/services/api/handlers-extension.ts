/** extension.pairingCode / list / unpair: the app's side of pairing the browser extension (the endpoint is the other). */
import { ok } from '../../../shared/domain/result';
import type { ApiHandlers } from '../../../shared/contract/api';
import { fail, type Workbench } from '../workbench/workbench';
import { pairingFor } from '../capture/extension-pairing';

export type ExtensionHandlers = Pick<ApiHandlers, 'extension.pairingCode' | 'extension.list' | 'extension.unpair'>;

/**
 * `endpoint` opens (or returns) the loopback address the extension posts to; absent in hosts without one (the CLI).
 * The pairing state is per workspace folder, shared with the endpoint (extension-pairing.ts).
 */
export function createExtensionHandlers(wb: Workbench, endpoint?: () => Promise<string>): ExtensionHandlers {
  const pairing = () => pairingFor(wb.store.dir);
  return {
    'extension.pairingCode': async () => {
      if (!endpoint) return fail('unsupported', 'The browser extension cannot reach this workbench: it has no extension endpoint (use the app or browser mode).');
      let address: string;
      try {
        address = await endpoint();
      } catch (e) {
        return fail('unsupported', `The endpoint for the browser extension could not be opened: ${(e as Error).message}`);
      }
      return ok({ ...pairing().newCode(), endpoint: address });
    },
    'extension.list': async () => ok(pairing().list()),
    'extension.unpair': async ({ id }) => {
      let removed: boolean;
      try {
        removed = pairing().unpair(id);
      } catch (e) {
        return fail('storage_failed', `Could not forget the pairing: ${(e as Error).message}`);
      }
      return removed ? ok({ removed }) : fail('not_found', `No paired extension with id ${id}.`);
    },
  };
}
