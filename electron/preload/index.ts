/** The sandboxed preload: exposes exactly the contract's methods, plus the small desktop bridge (menu commands, save dialogs). */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, type ApiClient } from '../../shared/contract/api';
import { BRIDGE_GLOBAL, IPC_CHANNEL } from '../../shared/contract/transport';
import { DESKTOP_COMMAND_CHANNEL, DESKTOP_GLOBAL, DESKTOP_INVOKE_CHANNEL, MENU_COMMANDS, type DesktopBridge, type MenuCommand } from '../../shared/contract/desktop';

/** Derived from the contract, so every declared method is bridged and nothing else is. */
export function buildBridge(invoke: (method: string, req: unknown) => Promise<unknown>): ApiClient {
  return Object.fromEntries(METHOD_NAMES.map((m) => [m, (req: unknown) => invoke(m, req)])) as unknown as ApiClient;
}

/** The subset of ipcRenderer the desktop bridge needs (so it is built and tested without Electron). */
export interface DesktopIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Never hands the renderer the IPC event (it carries the sender) and passes on only known commands. */
export function buildDesktopBridge(ipc: DesktopIpc, platform: string): DesktopBridge {
  const known = new Set<string>(MENU_COMMANDS);
  return {
    platform,
    onCommand(listener) {
      const wrapped = (_event: unknown, command: unknown) => {
        if (typeof command === 'string' && known.has(command)) listener(command as MenuCommand);
      };
      ipc.on(DESKTOP_COMMAND_CHANNEL, wrapped);
      return () => { ipc.removeListener(DESKTOP_COMMAND_CHANNEL, wrapped); };
    },
    saveExport: (req) => ipc.invoke(DESKTOP_INVOKE_CHANNEL, 'saveExport', req) as ReturnType<DesktopBridge['saveExport']>,
    readerMenu: (req) => ipc.invoke(DESKTOP_INVOKE_CHANNEL, 'readerMenu', req) as ReturnType<DesktopBridge['readerMenu']>,
  };
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, buildBridge((m, req) => ipcRenderer.invoke(IPC_CHANNEL, m, req)));
contextBridge.exposeInMainWorld(DESKTOP_GLOBAL, buildDesktopBridge(ipcRenderer, process.platform));
