/**
 * `ipcMain`, and the page side: the real built preload runs in each window's main frame with a `require('electron')`
 * whose ipcRenderer reaches ipcMain through a Playwright binding, so event.senderFrame.url is the calling frame's URL
 * as Electron would report it (app://… mapped back from the loopback server).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame } from 'playwright-core';
import type { DoubleContext } from './context';
import type { WebContentsDouble } from './web-contents';

type Handler = (event: IpcEvent, ...args: unknown[]) => unknown;

export interface IpcEvent {
  sender: WebContentsDouble;
  senderFrame: { url: string; origin: string; name: string; top: { url: string } | null } | null;
  frameId: number;
  processId: number;
  returnValue?: unknown;
  reply?: (channel: string, ...args: unknown[]) => void;
}

export class IpcMainDouble extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }
  removeHandler(channel: string): void { this.handlers.delete(channel); }

  /** ipcRenderer.invoke as Electron settles it: the handler's value, or a rejection whose message names the channel. */
  async invoke(event: IpcEvent, channel: string, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
    const handler = this.handlers.get(channel);
    if (!handler) return { ok: false, message: `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'` };
    try {
      return { ok: true, value: await handler(event, ...args) };
    } catch (e) {
      return { ok: false, message: `Error invoking remote method '${channel}': ${String(e)}` };
    }
  }
}

const BINDING = '__electronDoubleIpc';
/** Where webContents.send delivers (a page-world function, non-enumerable: the double's one visible trace). */
export const DELIVER = '__electronDoubleDeliver';

function frameInfo(ctx: DoubleContext, frame: Frame): IpcEvent['senderFrame'] {
  const url = ctx.protocol.fromLoopback(frame.url()) ?? frame.url();
  let origin = 'null';
  try { origin = new URL(url).origin; } catch { /* about:blank and the like */ }
  const top = frame.page().mainFrame();
  return { url, origin, name: frame.name(), top: { url: ctx.protocol.fromLoopback(top.url()) ?? top.url() } };
}

/** Wires ipcRenderer ↔ ipcMain for one window's browser context, and runs `preloadPath` in its main frame. */
export async function installPreload(ctx: DoubleContext, bc: BrowserContext, wc: WebContentsDouble, preloadPath: string): Promise<void> {
  await bc.exposeBinding(BINDING, async (source, kind: string, channel: string, args: unknown[]) => {
    const event: IpcEvent = { sender: wc, senderFrame: frameInfo(ctx, source.frame), frameId: 1, processId: 1 };
    if (kind === 'invoke') return ctx.ipcMain.invoke(event, channel, args);
    event.reply = (ch, ...a) => wc.send(ch, ...a);
    ctx.ipcMain.emit(channel, event, ...args);
    return { ok: true, value: event.returnValue };
  });
  let source: string;
  try {
    source = fs.readFileSync(preloadPath, 'utf8');
  } catch (e) {
    // Electron logs "Unable to load preload script" and goes on without it; so does the double (and records it).
    wc.emit('preload-error', {}, preloadPath, e);
    ctx.record('preload-error', { preloadPath, error: String(e) });
    return;
  }
  await bc.addInitScript({ content: preloadScript(source, preloadPath, ctx.platform) });
}

/** The preload wrapped as Electron's sandboxed loader runs it: CommonJS, `require('electron')` only, a small `process`. */
function preloadScript(source: string, file: string, platform: string): string {
  return `(() => {
  if (window !== window.top) return; // nodeIntegrationInSubFrames is off: preloads run in the main frame only
  const call = (...a) => window[${JSON.stringify(BINDING)}](...a);
  const listeners = new Map();
  const on = (ch, fn) => { if (!listeners.has(ch)) listeners.set(ch, []); listeners.get(ch).push(fn); return ipcRenderer; };
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const r = await call('invoke', channel, args);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    },
    send(channel, ...args) { void call('send', channel, args); },
    on,
    once(ch, fn) { const w = (...a) => { ipcRenderer.removeListener(ch, w); fn(...a); }; return on(ch, w); },
    removeListener(ch, fn) { listeners.set(ch, (listeners.get(ch) || []).filter((f) => f !== fn)); return ipcRenderer; },
    removeAllListeners(ch) { if (ch === undefined) listeners.clear(); else listeners.delete(ch); return ipcRenderer; },
  };
  Object.defineProperty(window, ${JSON.stringify(DELIVER)}, { enumerable: false, value: (ch, args) => {
    for (const fn of [...(listeners.get(ch) || [])]) fn({ sender: ipcRenderer, senderId: 0, ports: [] }, ...args);
  } });
  // contextBridge copies the API (functions stay callable) and freezes it; an existing global is refused, as in Electron.
  const copy = (v) => typeof v === 'function' ? (...a) => v(...a)
    : v && typeof v === 'object' ? Object.freeze(Array.isArray(v) ? v.map(copy) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])))
    : v;
  const contextBridge = { exposeInMainWorld(key, api) {
    if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
    Object.defineProperty(window, key, { value: copy(api), enumerable: true });
  } };
  const electron = { ipcRenderer, contextBridge, webFrame: {} };
  const require = (name) => { if (name === 'electron') return electron; throw new Error("module not found: " + name); };
  const module = { exports: {} };
  const process = { platform: ${JSON.stringify(platform)}, type: 'renderer', sandboxed: true, contextIsolated: true, env: {}, versions: {} };
  (function (exports, require, module, __filename, __dirname, process) {
${source}
  })(module.exports, require, module, ${JSON.stringify(file)}, ${JSON.stringify(path.dirname(file))}, process);
})();`;
}
