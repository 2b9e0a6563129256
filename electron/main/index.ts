/** The Electron shell: one hardened window, the contract served over IPC, nothing else touches Electron. */
import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, safeStorage, screen, session, shell, utilityProcess } from 'electron';
import { applyWindowTitle, launchWorkspaceDir, openRecentWorkspaces, keepWindowTitle } from './workspaces';
import { createWindowState } from './window-state';
import { applyPlatformIdentity } from './platform-identity';
import { claimSingleInstance, focusWindow, readSecondLaunch } from './single-instance';
import { installQuitGuard, type QuitDialog } from './lifecycle';
import { startServicesHost, type ServicesClient } from './services-client';
import { utilityFork } from './utility-port';
import { servicesNotices } from './services-notices';
import { createElectronPdfPrinter } from './pdf-printer';
import { createElectronPagePrinter } from './page-printer';
import { createTeamSecrets, TEAM_SECRETS_FILE } from './team-secrets';
import { IPC_CHANNEL } from '../../shared/contract/transport';
import { CSP } from '../../shared/contract/csp';
import { isTrustedSender, windowOptions } from './window-options';
import { cspHeaders, denyPermissionCheck, denyPermissionRequest, frameNavigationGuard, navigationGuard, preventDefault, windowOpenHandler } from './hardening';
import { APP_SCHEME, appRequestHandler, registerAppScheme } from './app-protocol';
import { rendererSource } from './renderer-source';
import { openExternalAfterConfirm } from './external-links';
import { installDesktopIpc } from './desktop-ipc';
import { installDesktopFeatures, type DesktopFeatures } from './desktop-features';
import { appPaths } from './app-paths';
import { sendCommand } from './menu/install-menus';

// From app.getAppPath(), not import.meta.url: the same under `electron .`, packaged, and the test double (tests/desktop).
const { rendererDir, preload: preloadPath, seedsDir, mainDir } = appPaths({ appPath: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
// Before app ready (Electron's rule): app:// gets a real origin and is a secure context (ADR 0009).
registerAppScheme(protocol);
// Before any window or notification: Windows groups the taskbar button and shows toasts under this id.
applyPlatformIdentity(app);

function harden(): void {
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  session.defaultSession.webRequest.onHeadersReceived(cspHeaders(CSP));
  app.on('web-contents-created', (_e, contents) => {
    // Links leave only after the user confirms; the parent window is looked up at click time (not yet attached here).
    const openLink = (url: string) => openExternalAfterConfirm(url, {
      parentWindow: BrowserWindow.fromWebContents(contents) ?? undefined,
      showMessageBox: (parent, options) => (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)),
      openExternal: (link) => shell.openExternal(link),
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    });
    contents.on('will-navigate', navigationGuard(openLink));
    // Subframes too (the dossier preview may only show its srcdoc); the main frame is left to will-navigate above.
    contents.on('will-frame-navigate', frameNavigationGuard(openLink));
    contents.on('will-attach-webview', preventDefault);
    contents.setWindowOpenHandler(windowOpenHandler(openLink));
  });
}

// The same default as the CLI and browser mode (package.json's productName makes Electron's userData agree too);
// without --workspace the app alone reopens the last workspace used (workspace-arg.ts).
const recentWorkspaces = openRecentWorkspaces(app.getPath('userData'));
const dir = launchWorkspaceDir(process.argv, recentWorkspaces);
let mainWindow: BrowserWindow | null = null;
/** The services run in a utilityProcess (ADR 0010); main relays requests to it and prints for it. */
let services: ServicesClient | null = null;
/** Menus, workspace switching, save dialogs, notifications (desktop-features.ts); set once the window exists. */
let features: DesktopFeatures | null = null;

const quitDialog: QuitDialog = {
  ask: async (message, detail, buttons) => {
    const opts = { type: 'question' as const, message, detail, buttons, defaultId: 0, cancelId: 0, noLink: true };
    const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
    return (await (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts))).response;
  },
};

/** Below the contract's cap on the base64 text (70 MB). */
const MAX_IMPORT_BYTES = 50 * 2 ** 20;

/** A file named on a second launch goes through the same validated contract method as the renderer's own import. */
async function importFromSecondLaunch(file: string): Promise<void> {
  if (!services) return;
  const opts = (type: 'info' | 'error', message: string, detail: string) => ({ type, message, detail, buttons: ['OK'] });
  let reply;
  try {
    // Checked before reading: the contract refuses more anyway, but only after the whole file sat in memory.
    if (fs.statSync(file).size > MAX_IMPORT_BYTES) throw new Error(`The file is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MB.`);
    reply = await services.call('sources.importFile', { fileName: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') });
  } catch (e) {
    reply = { ok: false as const, error: { message: (e as Error).message } };
  }
  // The renderer refreshes what it shows (the Library's list) without a reload that would lose its place.
  if (reply.ok) sendCommand(() => mainWindow)('dataChanged');
  const box = reply.ok
    ? opts('info', `Imported ${path.basename(file)}`, 'It is now in the Library.')
    : opts('error', `Could not import ${path.basename(file)}`, reply.error.message);
  if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, box);
}

function onSecondLaunch(argv: string[], cwd: string): void {
  focusWindow(mainWindow);
  const launch = readSecondLaunch(argv, cwd, features?.switcher.current() ?? dir);
  if (launch.kind === 'other-workspace') {
    // The same switch as File › Open Workspace: asks while an export runs, and keeps the current one if it fails.
    void features?.switcher.switchTo(launch.dir).catch((e: unknown) => console.error('Switching workspace:', e));
  } else if (launch.kind === 'import') {
    void importFromSecondLaunch(launch.file).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  // The dev server and DevTools only in an unpackaged build; a bad ELECTRON_RENDERER_URL stops start-up with its reason.
  const { url: rendererUrl, devTools } = rendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  const client = services = startServicesHost({
    fork: utilityFork(utilityProcess), modulePath: path.join(mainDir, 'services-host.js'), purpose: 'desktop app', seedsDir,
    // Printing needs Chromium, which only main has: the host asks, main prints and answers with the bytes.
    printer: createElectronPdfPrinter(),
    // Captured web pages too: a hidden window with scripts off (page-printer.ts).
    pagePrinter: createElectronPagePrinter(),
    // Team passwords: safeStorage exists only in main, so the host asks main to keep them (team-secrets.ts).
    secrets: createTeamSecrets({ safeStorage, file: path.join(app.getPath('userData'), TEAM_SECRETS_FILE) }),
    onEvent: servicesNotices({
      exportFinished: (e) => features?.exportFinished(e),
      showError: (title, content) => dialog.showErrorBox(title, content),
      log: (message) => console.error(message),
    }),
  });
  // A damaged workspace does not stop the app: it opens in recovery mode (workspace.info carries `recovery`).
  const opened = await client.open(dir);
  if (!opened.ok) {
    dialog.showErrorBox('Cannot open the workspace', opened.error.message);
    await client.close();
    app.exit(1);
    return;
  }
  // At once, so no quit from here on (menu, dock, a failed load) leaves the lock held.
  const guard = installQuitGuard({
    app, session: client, dialog: quitDialog,
    powerMonitor: { on: (_event, listener) => powerMonitor.on('shutdown', listener) },
    work: { inFlight: client.inFlight, settled: client.settled, cancel: client.cancelExports },
    onError: (e) => console.error('Quitting:', e),
  });
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, req: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) {
      return { ok: false, error: { code: 'invalid_request', message: 'Refused: request from an untrusted frame.' } };
    }
    return client.call(method, req);
  });
  harden();
  protocol.handle(APP_SCHEME, appRequestHandler(rendererDir));
  // The desktop bridge's methods (reader menu, save dialogs) are checked like the API's.
  installDesktopIpc(ipcMain, (frameUrl) => isTrustedSender(frameUrl, rendererUrl));
  // Before the window: the context menus attach to every web contents as it is created. Records the workspace as
  // recent and installs the menus that switch it (the title follows each switch).
  features = installDesktopFeatures({
    app, Menu, BrowserWindow, dialog, shell, Notification, resourcesPath: process.resourcesPath,
    client, recent: recentWorkspaces, initialDir: dir, getWindow: () => mainWindow, devTools,
  });
  // Where the user left it, if a screen still shows that place (window-state.ts).
  const windowState = createWindowState({ folder: app.getPath('userData'), displays: () => screen.getAllDisplays(), onProblem: (m) => console.warn(m) });
  const win = new BrowserWindow({ ...windowOptions(preloadPath, { devTools }), ...windowState.windowBounds() });
  mainWindow = win;
  windowState.track(win);
  // Quitting ends in app.exit() (lifecycle.ts), which skips the window's 'close': save its place first.
  app.on('before-quit', () => windowState.flush());
  // The title names the workspace; the page's <title> must not replace it.
  keepWindowTitle(win);
  applyWindowTitle(win, features.switcher.current());
  guard.guardWindow(win);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(rendererUrl);
  features.checkForUpdatesOnStartup();
}

// Before anything touches the workspace: a second launch exits here and the first one is told (onSecondLaunch).
claimSingleInstance(app, {
  onSecondLaunch,
  start: () => {
    app.on('window-all-closed', () => app.quit());
    app.whenReady().then(main).catch((e) => {
      dialog.showErrorBox('Analyst Workbench failed to start', String(e));
      app.exit(1);
    });
  },
});
