/** Wires the menus into the running shell: the application menu with today's actions, the editing context menu on every page, the reader menu method. */
import path from 'node:path';
import type { App, BrowserWindow, Dialog, Menu as ElectronMenu, Shell, WebContents } from 'electron';
import { registerDesktopMethod } from '../desktop-ipc';
import type { AppMenuActions } from './app-menu';
import { installContextMenus, readerMenuHandler } from './context-menu';
import { installAppMenu, notYetWiredActions } from './install-menus';

/**
 * The user documentation is the README, opened by the OS (offline, in the user's own viewer). A packaged app ships
 * it beside the asar (extraResources), because the OS cannot open a file inside an asar archive.
 */
export function documentationPath(env: { appPath: string; isPackaged: boolean; resourcesPath?: string }): string {
  return env.isPackaged && env.resourcesPath ? path.join(env.resourcesPath, 'README.md') : path.join(env.appPath, 'README.md');
}

export interface ShellMenuDeps {
  app: Pick<App, 'on' | 'showAboutPanel' | 'getAppPath' | 'isPackaged'>;
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>;
  BrowserWindow: { fromWebContents(contents: WebContents): BrowserWindow | null };
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openPath'>;
  platform?: string;
  resourcesPath?: string;
  /** Where the reader menu method is registered (the app's shared desktop IPC unless a test says otherwise). */
  registerMethod?: typeof registerDesktopMethod;
}

export interface ShellMenuOptions {
  getWindow: () => BrowserWindow | null;
  /** The workspace open now (it changes when the user switches). */
  workspaceDir: () => string;
  devTools: boolean;
  recent?: readonly string[];
  /** The workspace, recent-list and backup actions, once wired; missing ones say "not available yet". */
  actions?: Partial<Omit<AppMenuActions, 'command'>>;
}

/** Installs everything; `update` rebuilds the application menu (e.g. with a new recent list). */
export function installShellMenus(deps: ShellMenuDeps, opts: ShellMenuOptions) {
  const live = () => {
    const w = opts.getWindow();
    return w && !w.isDestroyed() ? w : null;
  };
  const tell = (type: 'info' | 'error', message: string, detail: string) => {
    const box = { type, message, detail, buttons: ['OK'] };
    const win = live();
    void (win ? deps.dialog.showMessageBox(win, box) : deps.dialog.showMessageBox(box)).catch(() => undefined);
  };
  /** shell.openPath answers an error message ('' on success) instead of rejecting. */
  const open = (target: string, what: string) => {
    void deps.shell.openPath(target).then((error) => {
      if (error) tell('error', `Could not open ${what}`, `${target}\n\n${error}`);
    }, (e: unknown) => tell('error', `Could not open ${what}`, `${target}\n\n${String(e)}`));
  };
  const docs = documentationPath({ appPath: deps.app.getAppPath(), isPackaged: deps.app.isPackaged, resourcesPath: deps.resourcesPath });
  const actions = {
    ...notYetWiredActions({ show: (message, detail) => tell('info', message, detail) }),
    showWorkspaceFolder: () => open(opts.workspaceDir(), 'the workspace folder'),
    showDocumentation: () => open(docs, 'the documentation'),
    showAbout: () => deps.app.showAboutPanel(),
    ...opts.actions,
  };
  const menu = installAppMenu(deps.Menu, live, actions, { recent: opts.recent ?? [], devTools: opts.devTools }, deps.platform);
  deps.app.on('web-contents-created', (_event, contents) => {
    installContextMenus(contents, { Menu: deps.Menu }, () => deps.BrowserWindow.fromWebContents(contents));
  });
  (deps.registerMethod ?? registerDesktopMethod)('readerMenu', readerMenuHandler({ Menu: deps.Menu }, (sender) => deps.BrowserWindow.fromWebContents(sender as WebContents)));
  return menu;
}
