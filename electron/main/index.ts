/** The Electron shell: one hardened window, the contract served over IPC, nothing else touches Electron. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { Workbench } from '../services/workbench/workbench';
import { createHandlers } from '../services/api/handlers';
import { dispatch } from '../services/api/dispatch';
import { seedIfEmpty } from '../services/workbench/seed';
import { resolveWorkspaceDir } from '../services/paths';
import { IPC_CHANNEL } from '../../shared/contract/transport';
import { CSP } from '../../shared/contract/csp';
import { isExternalUrlAllowed, isTrustedSender, windowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;
const seedsDir = app.isPackaged ? path.join(process.resourcesPath, 'seeds') : path.join(here, '../../seeds');

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A link the user clicked: hand http(s)/mailto to the OS browser, never open it inside the app.
      if (isExternalUrlAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function main(): Promise<void> {
  const flagIdx = process.argv.indexOf('--workspace');
  const dir = resolveWorkspaceDir(flagIdx >= 0 ? process.argv[flagIdx + 1] : process.env.WORKBENCH_WORKSPACE ?? path.join(app.getPath('userData'), 'workspace'));
  let wb: Workbench;
  try {
    wb = await Workbench.open(dir, { purpose: 'desktop app' });
  } catch (e) {
    dialog.showErrorBox('Cannot open the workspace', (e as Error).message);
    app.exit(1);
    return;
  }
  const seeded = await seedIfEmpty(wb, seedsDir);
  const handlers = createHandlers(wb, { seeded });
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, req: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) {
      return { ok: false, error: { code: 'invalid_request', message: 'Refused: request from an untrusted frame.' } };
    }
    return dispatch(handlers, method, req);
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
  app.on('before-quit', () => void wb.close());
}

app.on('window-all-closed', () => app.quit());
app.whenReady().then(main).catch((e) => {
  dialog.showErrorBox('Analyst Workbench failed to start', String(e));
  app.exit(1);
});
