/**
 * The desktop conventions wired onto the running shell: the application and context menus, workspace switching
 * with its recent list, native save dialogs, the background-export notification, Back up now and updates.
 * index.ts owns start-up and quitting; this module owns what the menus do.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { App, BrowserWindow as ElectronWindow, Dialog, Menu as ElectronMenu, Shell, WebContents } from 'electron';
import type { ExportFinished } from '../services/export/jobs';
import type { ExportJobStatus } from '../../shared/contract/views-dossiers';
import type { Result } from '../../shared/domain/result';
import { createExportNotifier, type NotificationClass } from './export-notifier';
import { installShellMenus } from './menu/shell-menus';
import { registerSaveExport } from './save-export';
import type { ServicesClient } from './services-client';
import { createUpdater, type UpdaterLike } from './updater';
import { installWorkspaces, type RecentStore, type WorkspaceSwitcher } from './workspaces';
import { resolveWorkspaceDir } from '../services/paths';

export interface DesktopFeaturesDeps {
  app: Pick<App, 'on' | 'showAboutPanel' | 'getAppPath' | 'isPackaged' | 'getPath' | 'getVersion'>;
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>;
  BrowserWindow: { fromWebContents(contents: WebContents): ElectronWindow | null };
  dialog: Pick<Dialog, 'showMessageBox' | 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  Notification: NotificationClass;
  resourcesPath?: string;
  client: ServicesClient;
  recent: RecentStore;
  /** The workspace the services opened at launch. */
  initialDir: string;
  getWindow(): ElectronWindow | null;
  devTools: boolean;
  /** electron-updater's autoUpdater, loaded only when a packaged app checks; a test passes a fake. */
  loadUpdater?: () => UpdaterLike;
}

/* v8 ignore next -- packaged only: electron-updater requires the real Electron module, which no test here has (the double is not visible to require()). */
function loadElectronUpdater(): UpdaterLike {
  return (createRequire(import.meta.url)('electron-updater') as { autoUpdater: UpdaterLike }).autoUpdater;
}

export interface DesktopFeatures {
  switcher: WorkspaceSwitcher;
  /** For the services host's 'exportFinished' events. */
  exportFinished(event: ExportFinished): void;
  /** Runs the opted-in update check once the window is up (does nothing unpackaged or when the user has not opted in). */
  checkForUpdatesOnStartup(): void;
}

type BoxOptions = Parameters<Dialog['showMessageBox']>[0];

export function installDesktopFeatures(deps: DesktopFeaturesDeps): DesktopFeatures {
  const live = (): ElectronWindow | null => {
    const w = deps.getWindow();
    return w && !w.isDestroyed() ? w : null;
  };
  const box = (options: BoxOptions) => {
    const win = live();
    return win ? deps.dialog.showMessageBox(win, options) : deps.dialog.showMessageBox(options);
  };
  const notifier = createExportNotifier({ Notification: deps.Notification, window: live });
  registerSaveExport({
    dialog: deps.dialog,
    writeExport: (request, filePath) => deps.client.writeExport(request, filePath),
    jobStatus: (jobId) => deps.client.call('exports.status', { jobId }) as Promise<Result<ExportJobStatus, { code: string; message: string }>>,
    userDataDir: deps.app.getPath('userData'),
    documentsDir: deps.app.getPath('documents'),
    windowOf: (event) => deps.BrowserWindow.fromWebContents((event as { sender: WebContents }).sender),
  });
  // electron-updater reads Electron at import, so it is loaded only when a packaged app checks (never in a dev run).
  const updates = createUpdater({
    isPackaged: deps.app.isPackaged,
    currentVersion: deps.app.getVersion(),
    settingsFile: path.join(deps.app.getPath('userData'), 'updates.json'),
    updater: deps.loadUpdater ?? loadElectronUpdater,
    ask: (options) => box(options as BoxOptions),
    log: (message) => console.warn(message),
  });

  let switcher: WorkspaceSwitcher | null = null;
  const backupNow = async () => {
    const reply = await deps.client.call('backups.create', {});
    if (reply.ok) {
      const info = reply.value as { fileName?: string; id?: string };
      await box({ type: 'info', buttons: ['OK'], message: 'Backup created', detail: `${info.fileName ?? info.id ?? 'The backup'} is in the workspace's backups folder. Restore it from Data › Backups.` });
    } else {
      await box({ type: 'error', buttons: ['OK'], message: 'The backup could not be made', detail: reply.error.message });
    }
  };
  const menus = installShellMenus(
    { app: deps.app, Menu: deps.Menu, BrowserWindow: deps.BrowserWindow, dialog: deps.dialog, shell: deps.shell, resourcesPath: deps.resourcesPath },
    {
      getWindow: live,
      workspaceDir: () => switcher?.current() ?? deps.initialDir,
      devTools: deps.devTools,
      actions: {
        openWorkspace: () => void switcher?.openWorkspace(),
        newWorkspace: () => void switcher?.newWorkspace(),
        openRecent: (dir) => void switcher?.openRecent(dir),
        clearRecent: () => void switcher?.clearRecent(),
        backupNow: () => void backupNow().catch((e: unknown) => console.error('Back up now:', e)),
        ...(deps.app.isPackaged ? { checkForUpdates: () => void updates.checkNow() } : {}),
      },
    },
  );
  switcher = installWorkspaces({
    // The host switches in one step: its open() keeps the workspace open so far until the new one is open (and then
    // closes it), so there is nothing to close first. ServicesClient.close() would end the host for good (quitting's).
    host: { ...deps.client, close: async () => undefined },
    recent: deps.recent,
    initialDir: deps.initialDir,
    fallbackDir: resolveWorkspaceDir(undefined),
    getWindow: live,
    dialog: {
      showOpenDialog: (o) => { const win = live(); return win ? deps.dialog.showOpenDialog(win, o) : deps.dialog.showOpenDialog(o); },
      showMessageBox: (o) => box(o),
    },
    reloadRenderer: () => live()?.webContents.reload(),
    onRecentChanged: (list) => menus.update({ recent: list.map((e) => e.dir) }),
  });
  return {
    switcher,
    exportFinished: (event) => { notifier(event); },
    checkForUpdatesOnStartup: () => { void updates.checkOnStartup().catch((e: unknown) => console.warn('Update check:', e)); },
  };
}
