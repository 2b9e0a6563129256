/**
 * Entry of the services host process. Under Electron's utilityProcess it talks over `process.parentPort` (messages
 * arrive as `{ data }`); under Node's child_process.fork (tests, the browser-mode double) over process.send.
 */
import type { RpcPort } from '../common/port-rpc';
import { serveServices } from './host';

/** Electron's parentPort, typed here so this file needs no Electron import. */
interface ParentPort {
  postMessage(msg: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
}

function parentPort(): { port: RpcPort; onGone: (fn: () => void) => void } | null {
  const electronPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (electronPort) {
    return {
      port: { postMessage: (m) => electronPort.postMessage(m), onMessage: (l) => { electronPort.on('message', (e) => l(e.data)); } },
      // Electron ends a utility process with its parent; nothing to watch.
      onGone: () => undefined,
    };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return {
      port: { postMessage: (m) => { send(m as never, undefined, undefined, () => undefined); }, onMessage: (l) => { process.on('message', l); } },
      onGone: (fn) => { process.once('disconnect', fn); },
    };
  }
  return null;
}

const parent = parentPort();
if (!parent) {
  console.error('The services host must be started by the app (utilityProcess) or with child_process.fork.');
  process.exit(2);
} else {
  const served = serveServices(parent.port);
  // Main is gone (crashed or killed): release the workspace lock now rather than leave it to a takeover.
  parent.onGone(() => {
    void served.dispose().finally(() => process.exit(0));
  });
}
