/** The Electron shell: one hardened window, the contract served over IPC, nothing else touches Electron. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, shell } from 'electron';
import { dispatch } from '../services/api/dispatch';
import { desktopWorkspaceDir } from './workspace-arg';
import { claimSingleInstance, focusWindow, readSecondLaunch } from './single-instance';
import { installQuitGuard, type QuitDialog } from './lifecycle';
import { cancelExports, exportsInFlight, whenExportsSettled } from '../services/export/jobs';
import { WorkspaceSession } from '../services/maintenance/session';
import { createElectronPdfPrinter } from './pdf-printer';
import { IPC_CHANNEL } from '../../shared/contract/transport';
import { CSP } from '../../shared/contract/csp';
import { isTrustedSender, windowOptions } from './window-options';
import { cspHeaders, denyPermissionCheck, denyPermissionRequest, frameNavigationGuard, navigationGuard, preventDefault, windowOpenHandler } from './hardening';
import { APP_SCHEME, appRequestHandler, registerAppScheme } from './app-protocol';
import { rendererSource } from './renderer-source';
import { openExternalAfterConfirm } from './external-links';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
// Before app ready (Electron's rule): app:// gets a real origin and is a secure context (ADR 0009).
registerAppScheme(protocol);
const seedsDir = app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(here, '../../seeds');

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

// The same default as the CLI and browser mode (package.json's productName makes Electron's userData agree too).
const dir = desktopWorkspaceDir(process.argv);
let mainWindow: BrowserWindow | null = null;
let workspace: WorkspaceSession | null = null;

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
  if (!workspace) return;
  const opts = (type: 'info' | 'error', message: string, detail: string) => ({ type, message, detail, buttons: ['OK'] });
  let reply;
  try {
    // Checked before reading: the contract refuses more anyway, but only after the whole file sat in memory.
    if (fs.statSync(file).size > MAX_IMPORT_BYTES) throw new Error(`The file is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MB.`);
    reply = await dispatch(workspace.handlers, 'sources.importFile', { fileName: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') });
  } catch (e) {
    reply = { ok: false as const, error: { message: (e as Error).message } };
  }
  const box = reply.ok
    ? opts('info', `Imported ${path.basename(file)}`, 'It is in the Library (View › Reload if the list does not show it yet).')
    : opts('error', `Could not import ${path.basename(file)}`, reply.error.message);
  if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, box);
}

function onSecondLaunch(argv: string[], cwd: string): void {
  focusWindow(mainWindow);
  const launch = readSecondLaunch(argv, cwd, dir);
  if (launch.kind === 'other-workspace' && mainWindow && !mainWindow.isDestroyed()) {
    void dialog.showMessageBox(mainWindow, {
      type: 'info', buttons: ['OK'], message: 'This window keeps its workspace',
      detail: `The app is already open on ${dir}. Switching to ${launch.dir} from a second launch is not supported yet: quit the app first, then start it with that workspace.`,
    });
  } else if (launch.kind === 'import') {
    void importFromSecondLaunch(launch.file).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  // The dev server and DevTools only in an unpackaged build; a bad ELECTRON_RENDERER_URL stops start-up with its reason.
  const { url: rendererUrl, devTools } = rendererSource({ isPackaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });
  let ws: WorkspaceSession;
  try {
    // A damaged workspace does not stop the app: it opens in recovery mode (workspace.info carries `recovery`).
    ws = workspace = await WorkspaceSession.start({ dir, purpose: 'desktop app', seedsDir, printer: createElectronPdfPrinter() });
  } catch (e) {
    dialog.showErrorBox('Cannot open the workspace', (e as Error).message);
    app.exit(1);
    return;
  }
  // At once, so no quit from here on (menu, dock, a failed load) leaves the lock held.
  const guard = installQuitGuard({
    app, session: ws, dialog: quitDialog,
    powerMonitor: { on: (_event, listener) => powerMonitor.on('shutdown', listener) },
    work: { inFlight: exportsInFlight, settled: whenExportsSettled, cancel: cancelExports },
    onError: (e) => console.error('Quitting:', e),
  });
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, req: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) {
      return { ok: false, error: { code: 'invalid_request', message: 'Refused: request from an untrusted frame.' } };
    }
    return dispatch(ws.handlers, method, req);
  });
  harden();
  protocol.handle(APP_SCHEME, appRequestHandler(rendererDir));
  Menu.setApplicationMenu(Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]));
  const win = new BrowserWindow(windowOptions(path.join(here, '../preload/index.cjs'), { devTools }));
  mainWindow = win;
  guard.guardWindow(win);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(rendererUrl);
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
