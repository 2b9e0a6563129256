/**
 * A test double of the `electron` module for one app "process": the API surface electron/main and electron/preload
 * use, with windows that are real pages in Debian Chromium. To add a module: write it beside these (taking the
 * DoubleContext), put it on `module` below, and expose its test handle on the returned object.
 */
import { InstanceLocks } from './instance-lock';
import { AppDouble, type AppDoubleOptions } from './app';
import { ProtocolDouble } from './protocol';
import { SessionRegistry } from './session';
import { IpcMainDouble } from './ipc';
import { browserWindowClass, type BrowserWindowDouble } from './browser-window';
import { DialogDouble } from './dialog';
import { menuModule } from './menu';
import { notificationClass, PowerMonitorDouble, screenDouble, ShellDouble } from './misc';
import { utilityProcessModule } from './utility-process';
import type { DoubleContext, DoubleShared } from './context';
import type { Browser } from 'playwright-core';

export { preventable, until } from './events';
export type { DoubleShared } from './context';
export type { BrowserWindowDouble } from './browser-window';

/** The "machine" several app doubles of one test share: the browser, and the single-instance lock. */
export function sharedMachine(browser: Browser): DoubleShared {
  return { browser, locks: new InstanceLocks() };
}

export interface ElectronDoubleOptions extends AppDoubleOptions {
  shared: DoubleShared;
  /** The folder holding package.json (what app.getAppPath() answers). */
  appPath: string;
  /** The fake HOME the app's paths (userData…) are under. */
  home: string;
  platform?: NodeJS.Platform;
}

export function createElectronDouble(opts: ElectronDoubleOptions) {
  const ctx = {
    shared: opts.shared, appPath: opts.appPath, home: opts.home, platform: opts.platform ?? process.platform,
    windows: [] as BrowserWindowDouble[], focused: null, log: [], pending: new Set<Promise<unknown>>(), disposers: [],
    record(kind: string, detail?: unknown) { ctx.log.push({ kind, detail }); },
    track(p: Promise<unknown>) {
      const q = p.catch(() => undefined).finally(() => ctx.pending.delete(q));
      ctx.pending.add(q);
    },
  } as unknown as DoubleContext;
  ctx.app = new AppDouble(ctx, opts);
  ctx.protocol = new ProtocolDouble(ctx);
  ctx.sessions = new SessionRegistry(ctx);
  ctx.ipcMain = new IpcMainDouble();
  const BrowserWindow = browserWindowClass(ctx);
  const dialog = new DialogDouble();
  const menus = menuModule(ctx);
  const shell = new ShellDouble();
  const powerMonitor = new PowerMonitorDouble();
  const Notification = notificationClass(ctx);

  /** What `import … from 'electron'` gives main (named exports and a default, as Electron's CommonJS module does). */
  const named = {
    app: ctx.app, BrowserWindow, ipcMain: ctx.ipcMain, protocol: ctx.protocol, session: ctx.sessions.module(), dialog,
    Menu: menus.Menu, MenuItem: menus.MenuItem, shell, powerMonitor, Notification, screen: screenDouble,
    utilityProcess: utilityProcessModule(ctx),
    // A Linux desktop without a keyring: Chromium falls back to basic_text, which main must not call a keychain.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (plain: string) => Buffer.from(plain, 'utf8'),
      decryptString: (encrypted: Buffer) => encrypted.toString('utf8'),
    },
  };
  const module = { ...named, default: named };

  return {
    module,
    ctx,
    app: ctx.app,
    BrowserWindow,
    ipcMain: ctx.ipcMain,
    protocol: ctx.protocol,
    session: ctx.sessions,
    dialog,
    menus,
    shell,
    powerMonitor,
    Notification,
    windows: () => [...ctx.windows],
    /** The utility processes forked so far (the services host, and each restart of it). */
    utilityProcesses: () => [...(ctx.utilityProcesses ?? [])],
    /** Makes every printToPDF from now on take `ms` longer (a slow printer): exports then really take that long. */
    setPrintDelay(ms: number): void { ctx.printDelayMs = ms; },
    /** Closes every page, server and child process this double started (after the app exited, or to abandon it). */
    async dispose(): Promise<void> {
      // An app still running is ended without its quit path (that is the test's to exercise, not teardown's).
      if (ctx.app.exitCode === null) ctx.app.exit(-1);
      await Promise.all([...ctx.pending]);
      for (const d of ctx.disposers.splice(0).reverse()) await d();
    },
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
