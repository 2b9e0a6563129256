/** The desktop app's extension listener, opened only when needed: a pairing code is asked for, or a paired workspace opens. */
import { DEFAULT_EXTENSION_PORT, startExtensionListener, type ExtensionEndpointContext, type ExtensionListener } from './extension-endpoint';
import { pairingFor } from './extension-pairing';

export interface LazyExtensionListener {
  /** Opens the listener if it is not open yet; resolves with its address (HostInfo.extensionEndpoint). */
  endpoint(): Promise<string>;
  /** After a workspace opens: listen at once when it has paired extensions, so they work without a visit to the app. */
  openIfPaired(dir: string): void;
  close(): Promise<void>;
}

/** No port is opened for people who never use the extension; once open it stays open until the host ends. */
export function lazyExtensionListener(ctx: ExtensionEndpointContext, port = DEFAULT_EXTENSION_PORT): LazyExtensionListener {
  let listening: Promise<ExtensionListener> | null = null;
  const endpoint = async () => {
    listening ??= startExtensionListener(ctx, port).catch((e: unknown) => {
      listening = null; // the next request tries again
      throw e;
    });
    return (await listening).url;
  };
  return {
    endpoint,
    openIfPaired(dir) {
      try {
        if (pairingFor(dir).list().length === 0) return;
      } catch (e) {
        console.error('[services] reading the extension pairings:', e);
        return;
      }
      endpoint().catch((e: unknown) => console.error('[services] the browser extension endpoint could not be opened:', e));
    },
    async close() {
      const l = listening;
      listening = null;
      await (await l?.catch(() => null))?.close();
    },
  };
}
