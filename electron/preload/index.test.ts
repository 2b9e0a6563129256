/** The preload: the API bridge has exactly the contract's methods; the desktop bridge passes on only known commands and unsubscribes. */
import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
}));

import { METHOD_NAMES } from '../../shared/contract/api';
import { BRIDGE_GLOBAL } from '../../shared/contract/transport';
import { DESKTOP_COMMAND_CHANNEL, DESKTOP_GLOBAL, DESKTOP_INVOKE_CHANNEL } from '../../shared/contract/desktop';
import { buildBridge, buildDesktopBridge, type DesktopIpc } from './index';

function fakeIpc() {
  const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
  const ipc: DesktopIpc & { emit(channel: string, ...a: unknown[]): void } = {
    invoke: vi.fn(async () => ({ ok: true, value: { command: null } })),
    on: (c, l) => listeners.set(c, (listeners.get(c) ?? new Set()).add(l)),
    removeListener: (c, l) => listeners.get(c)?.delete(l),
    emit: (c, ...a) => listeners.get(c)?.forEach((l) => l({ sender: 'secret' }, ...a)),
  };
  return ipc;
}

describe('preload', () => {
  it('exposes the API bridge and the desktop bridge on window', () => {
    expect([...exposed.keys()].sort()).toEqual([BRIDGE_GLOBAL, DESKTOP_GLOBAL].sort());
  });

  it('the API bridge has exactly the contract methods', () => {
    const invoke = vi.fn(async () => null);
    const bridge = buildBridge(invoke) as unknown as Record<string, (r: unknown) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES].sort());
    void bridge[METHOD_NAMES[0]!]!({ a: 1 });
    expect(invoke).toHaveBeenCalledWith(METHOD_NAMES[0], { a: 1 });
  });

  it('passes on known menu commands without the IPC event, and drops unknown ones', () => {
    const ipc = fakeIpc();
    const got: unknown[][] = [];
    buildDesktopBridge(ipc, 'linux').onCommand((...args) => got.push(args));
    ipc.emit(DESKTOP_COMMAND_CHANNEL, 'import');
    ipc.emit(DESKTOP_COMMAND_CHANNEL, 'rm -rf');
    ipc.emit(DESKTOP_COMMAND_CHANNEL, { command: 'import' });
    ipc.emit(DESKTOP_COMMAND_CHANNEL, 'toString');
    ipc.emit(DESKTOP_COMMAND_CHANNEL, 'goGraph');
    expect(got).toEqual([['import'], ['goGraph']]);
  });

  it('unsubscribing stops that listener only', () => {
    const ipc = fakeIpc();
    const bridge = buildDesktopBridge(ipc, 'darwin');
    const a: string[] = [];
    const b: string[] = [];
    const offA = bridge.onCommand((c) => a.push(c));
    bridge.onCommand((c) => b.push(c));
    ipc.emit(DESKTOP_COMMAND_CHANNEL, 'undo');
    offA();
    ipc.emit(DESKTOP_COMMAND_CHANNEL, 'redo');
    expect(a).toEqual(['undo']);
    expect(b).toEqual(['undo', 'redo']);
    expect(bridge.platform).toBe('darwin');
  });

  it('desktop methods go over the desktop channel with their name', async () => {
    const ipc = fakeIpc();
    const bridge = buildDesktopBridge(ipc, 'win32');
    await bridge.readerMenu({ x: 1, y: 2 });
    await bridge.saveExport({ kind: 'job', jobId: 'j' });
    expect(ipc.invoke).toHaveBeenNthCalledWith(1, DESKTOP_INVOKE_CHANNEL, 'readerMenu', { x: 1, y: 2 });
    expect(ipc.invoke).toHaveBeenNthCalledWith(2, DESKTOP_INVOKE_CHANNEL, 'saveExport', { kind: 'job', jobId: 'j' });
  });
});
