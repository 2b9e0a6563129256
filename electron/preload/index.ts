/** The sandboxed preload: exposes exactly the contract's methods, each forwarding to main over one IPC channel. */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, type ApiClient } from '../../shared/contract/api';
import { BRIDGE_GLOBAL, IPC_CHANNEL } from '../../shared/contract/transport';

/** Derived from the contract, so every declared method is bridged and nothing else is. */
export function buildBridge(invoke: (method: string, req: unknown) => Promise<unknown>): ApiClient {
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, (req: unknown) => invoke(m, req)])) as unknown as ApiClient;
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, buildBridge((m, req) => ipcRenderer.invoke(IPC_CHANNEL, m, req)));
