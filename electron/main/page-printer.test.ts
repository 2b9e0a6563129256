/** The desktop page printer's window, request filter, time limits and cleanup, with Electron faked (tests/desktop prints for real). */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronPagePrinter, pagePrintRequestAllowed } from './page-printer';

type Listener = (details: Record<string, unknown>, cb: (r: { cancel: boolean }) => void) => void;

const fake = vi.hoisted(() => ({
  load: 'resolve' as 'resolve' | 'reject' | 'until-stop',
  print: 'resolve' as 'resolve' | 'hang' | 'quit-then-reject',
  destroyThrows: false,
  pdf: new Uint8Array([37, 80, 68, 70, 45]),
  windows: [] as Array<{ options: Record<string, unknown>; destroyed: boolean; stopped: boolean; wc: import('node:events').EventEmitter & { openHandler?: () => unknown } }>,
  loadedFile: '',
  beforeRequest: null as Listener | null,
  /** What the request filter answered while the page was loading. */
  duringLoad: null as null | ((id: number, file: string) => void),
  /** A listener the app's own guards would have attached (index.ts harden) before the printer got the window. */
  appGuardCalls: 0,
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  let nextId = 1;
  class BrowserWindow {
    state: (typeof fake.windows)[number];
    webContents: InstanceType<typeof EventEmitter> & Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const wc = new EventEmitter() as InstanceType<typeof EventEmitter> & Record<string, unknown>;
      wc.id = nextId++;
      wc.on('will-navigate', () => { fake.appGuardCalls++; });
      wc.setWindowOpenHandler = (h: () => unknown) => { wc.openHandler = h; };
      wc.stop = () => { this.state.stopped = true; stopWaiters.splice(0).forEach((f) => f()); };
      wc.printToPDF = (): Promise<Buffer> => {
        if (fake.print === 'hang') return new Promise(() => undefined);
        if (fake.print === 'quit-then-reject') {
          this.state.destroyed = true;
          return Promise.reject(new Error('Render frame was disposed'));
        }
        return Promise.resolve(Buffer.from(fake.pdf));
      };
      this.webContents = wc;
      this.state = { options, destroyed: false, stopped: false, wc };
      fake.windows.push(this.state);
    }
    isDestroyed(): boolean { return this.state.destroyed; }
    destroy(): void {
      if (fake.destroyThrows) throw new Error('The window is busy');
      this.state.destroyed = true;
    }
    loadURL(url: string): Promise<void> {
      fake.loadedFile = fileURLToPath(url);
      fake.duringLoad?.(this.webContents.id as number, url);
      if (fake.load === 'reject') return Promise.reject(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`));
      // A sub-resource that never answers: the load ends only when stopped (and then rejects, as Electron's does).
      if (fake.load === 'until-stop') return new Promise((_, reject) => stopWaiters.push(() => reject(new Error('ERR_ABORTED (-3)'))));
      return Promise.resolve();
    }
  }
  const stopWaiters: (() => void)[] = [];
  const ses = {
    webRequest: { onBeforeRequest: (l: Listener) => { fake.beforeRequest = l; } },
    setPermissionRequestHandler: (h: typeof fake.permissionRequest) => { fake.permissionRequest = h; },
    setPermissionCheckHandler: (h: typeof fake.permissionCheck) => { fake.permissionCheck = h; },
  };
  const session = { fromPartition: () => ses };
  return { BrowserWindow, session, default: { BrowserWindow, session } };
});

const req = { html: '<p>page</p>', url: 'https://news.example/a', timeoutMs: 20_000 };
const ask = (details: Record<string, unknown>): boolean => {
  let cancel = true;
  fake.beforeRequest!({ method: 'GET', ...details }, (r) => { cancel = r.cancel; });
  return !cancel;
};

beforeEach(() => {
  Object.assign(fake, { load: 'resolve', print: 'resolve', destroyThrows: false, loadedFile: '', duringLoad: null, appGuardCalls: 0 });
  fake.windows.length = 0;
});
afterEach(() => { vi.useRealTimers(); vi.restoreAllMocks(); });

describe('Electron page printer', () => {
  it('prints in a hidden sandboxed window with scripts off that navigates nowhere, then destroys it and its temp file', async () => {
    const pdf = await createElectronPagePrinter()(req);
    expect(Array.from(pdf)).toEqual(Array.from(fake.pdf));
    const [w] = fake.windows;
    expect(w!.options).toMatchObject({ show: false });
    expect(w!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, disableBlinkFeatures: 'Auxclick', navigateOnDragDrop: false });
    expect((w!.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(w!.destroyed).toBe(true);
    expect(fs.existsSync(fake.loadedFile)).toBe(false);
    // The app's link-offering guard is replaced: a page's navigation is prevented silently.
    const e = { preventDefault: vi.fn() };
    w!.wc.emit('will-navigate', e, 'https://elsewhere.example/');
    w!.wc.emit('will-frame-navigate', e);
    expect(e.preventDefault).toHaveBeenCalledTimes(2);
    expect(fake.appGuardCalls).toBe(0);
    expect(w!.wc.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('lets the window load its own file and the page\'s drawing sub-resources, nothing else, and forgets both afterwards', async () => {
    const seen: Record<string, boolean> = {};
    fake.duringLoad = (id, file) => {
      seen.file = ask({ url: file, resourceType: 'mainFrame', webContentsId: id });
      seen.fileAsImage = ask({ url: file, resourceType: 'image', webContentsId: id });
      seen.image = ask({ url: 'https://cdn.news.example/p.jpg', resourceType: 'image', webContentsId: id });
      seen.script = ask({ url: 'https://cdn.news.example/app.js', resourceType: 'script', webContentsId: id });
      seen.otherFile = ask({ url: 'file:///etc/passwd', resourceType: 'image', webContentsId: id });
      seen.loopback = ask({ url: 'http://127.0.0.1:3000/api', resourceType: 'image', webContentsId: id });
      seen.unknownWindow = ask({ url: 'https://cdn.news.example/p.jpg', resourceType: 'image' });
      seen.file2 = pagePrintRequestAllowed({ url: file, method: 'GET', resourceType: 'mainFrame' });
    };
    await createElectronPagePrinter()(req);
    expect(seen).toEqual({ file: true, fileAsImage: false, image: true, script: false, otherFile: false, loopback: false, unknownWindow: false, file2: true });
    const url = `file://${fake.loadedFile}`;
    expect(pagePrintRequestAllowed({ url, method: 'GET', resourceType: 'mainFrame' })).toBe(false);
  });

  it('the print session refuses every permission (camera, notifications, clipboard…)', async () => {
    await createElectronPagePrinter()(req);
    const granted: boolean[] = [];
    fake.permissionRequest!(null, 'media', (g) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(fake.permissionCheck!()).toBe(false);
  });

  it('a sub-resource that never answers: the load is stopped after 60 % of the limit and what arrived is printed', async () => {
    vi.useFakeTimers();
    fake.load = 'until-stop';
    let out: Uint8Array | Error | null = null;
    void createElectronPagePrinter()({ ...req, timeoutMs: 10_000 }).then((v) => { out = v; }, (e: Error) => { out = e; });
    await vi.advanceTimersByTimeAsync(5_900);
    expect(fake.windows[0]!.stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.windows[0]!.stopped).toBe(true);
    expect(out).toBeInstanceOf(Uint8Array);
  });

  it('a page that cannot be loaded fails with Electron\'s reason, and everything is cleaned up', async () => {
    fake.load = 'reject';
    const err = await createElectronPagePrinter()(req).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^ERR_FILE_NOT_FOUND \(-6\) loading 'file:/);
    expect(fake.windows[0]!.destroyed).toBe(true);
    expect(fs.existsSync(fake.loadedFile)).toBe(false);
  });

  it('a print that never finishes is given up at the time limit with a message naming the page', async () => {
    vi.useFakeTimers();
    fake.print = 'hang';
    let out: unknown = null;
    void createElectronPagePrinter()({ ...req, timeoutMs: 5_000 }).catch((e: Error) => { out = e; });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(out).toEqual(new Error('https://news.example/a: printing the captured page took longer than 5 s and was given up.'));
    expect(fake.windows[0]!.destroyed).toBe(true);
  });

  it('quitting mid-print says so instead of Electron\'s error for the dead page', async () => {
    fake.print = 'quit-then-reject';
    const err = await createElectronPagePrinter()(req).catch((e: Error) => e);
    expect((err as Error).message).toBe('https://news.example/a: printing stopped because its window was closed (is the app quitting?).');
  });

  it('a window that cannot be closed or a temp folder that cannot be removed is logged, and the PDF still returned', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.destroyThrows = true;
    vi.spyOn(fs, 'rmSync').mockImplementationOnce(() => { throw new Error('EBUSY'); });
    const pdf = await createElectronPagePrinter()(req);
    expect(pdf.length).toBe(fake.pdf.length);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[page-printer] could not close the print window: The window is busy',
      expect.stringMatching(/^\[page-printer\] could not remove .*workbench-page-print-.*: EBUSY$/),
    ]);
    fs.rmSync(fake.loadedFile.replace(/[\\/]page\.html$/, ''), { recursive: true, force: true });
  });
});
