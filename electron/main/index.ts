/** The Electron shell: one hardened window, the contract served over IPC, nothing else touches Electron. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { dispatch } from '../services/api/dispatch';
import { desktopWorkspaceDir } from './workspace-arg';
import { WorkspaceSession } from '../services/maintenance/session';
import { createElectronPdfPrinter } from './pdf-printer';
import { IPC_CHANNEL } from '../../shared/contract/transport';
import { CSP } from '../../shared/contract/csp';
import { isTrustedSender, windowOptions } from './window-options';
import { cspHeaders, denyPermissionCheck, denyPermissionRequest, preventDefault, windowOpenHandler } from './hardening';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;
const seedsDir = app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(here, '../../seeds');

function harden(): void {
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  session.defaultSession.webRequest.onHeadersReceived(cspHeaders(CSP));
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', preventDefault);
    contents.on('will-attach-webview', preventDefault);
    contents.setWindowOpenHandler(windowOpenHandler((url) => void shell.openExternal(url)));
  });
}

async function main(): Promise<void> {
  // The same default as the CLI and browser mode (package.json's productName makes Electron's userData agree too).
  const dir = desktopWorkspaceDir(process.argv);
  let workspace: WorkspaceSession;
  try {
    // A damaged workspace does not stop the app: it opens in recovery mode (workspace.info carries `recovery`).
    workspace = await WorkspaceSession.start({ dir, purpose: 'desktop app', seedsDir, printer: createElectronPdfPrinter() });
  } catch (e) {
    dialog.showErrorBox('Cannot open the workspace', (e as Error).message);
    app.exit(1);
    return;
  }
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, req: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) {
      return { ok: false, error: { code: 'invalid_request', message: 'Refused: request from an untrusted frame.' } };
    }
    return dispatch(workspace.handlers, method, req);
  });
  harden();
  Menu.setApplicationMenu(Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ]));
  const win = new BrowserWindow(windowOptions(path.join(here, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(rendererUrl);
  // Close (compact, release the lock) before quitting; every acknowledged edit is already durable regardless.
  let closed = false;
  app.on('before-quit', (e) => {
    if (closed) return;
    e.preventDefault();
    void workspace.close().catch(() => undefined).finally(() => {
      closed = true;
      app.quit();
    });
  });
}

app.on('window-all-closed', () => app.quit());
app.whenReady().then(main).catch((e) => {
  dialog.showErrorBox('Analyst Workbench failed to start', String(e));
  app.exit(1);
});
