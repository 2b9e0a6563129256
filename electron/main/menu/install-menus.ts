/** Builds and sets the application menu (again whenever its state, e.g. the recent list, changes), plus the shell's default menu actions. */
import type { BrowserWindow, Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';
import { DESKTOP_COMMAND_CHANNEL, type MenuCommand } from '../../../shared/contract/desktop';
import { buildAppMenuTemplate, type AppMenuActions, type AppMenuState, type MenuPlatform } from './app-menu';

/** The two static methods of Electron's Menu this needs (so a test passes a fake). */
export interface MenuApi {
  buildFromTemplate(template: MenuItemConstructorOptions[]): ElectronMenu;
  setApplicationMenu(menu: ElectronMenu | null): void;
}

type WindowGetter = () => { isDestroyed(): boolean; webContents: Pick<BrowserWindow['webContents'], 'send' | 'executeJavaScript'> } | null;

/**
 * Commands whose handler opens the page's file picker. Chromium opens it only with a recent user gesture, and a
 * click in the native menu is not one for the page: an empty script run "as a gesture" first lends it one.
 */
const NEEDS_GESTURE = new Set<MenuCommand>(['import']);

/**
 * Sets the menu now; call `update` with the changed state (a new recent list) to rebuild it. Commands go to the
 * window `getWindow` returns at click time (it may be replaced or closed meanwhile), unless `actions.command` is given.
 */
export function installAppMenu(
  Menu: MenuApi, getWindow: WindowGetter, actions: Omit<AppMenuActions, 'command'> & Partial<Pick<AppMenuActions, 'command'>>,
  state: AppMenuState, platform: MenuPlatform = process.platform,
): { update(next: Partial<AppMenuState>): void } {
  const all: AppMenuActions = { command: sendCommand(getWindow), ...actions };
  let current = state;
  const set = () => Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate(platform, all, current)));
  set();
  return {
    update(next) {
      current = { ...current, ...next };
      set();
    },
  };
}

/** The renderer owns what menu commands act on: hand the command to the current window, if there is one. */
export function sendCommand(getWindow: WindowGetter): (cmd: MenuCommand) => void {
  return (cmd) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (!NEEDS_GESTURE.has(cmd)) return win.webContents.send(DESKTOP_COMMAND_CHANNEL, cmd);
    void win.webContents.executeJavaScript('0', true).catch(() => undefined).then(() => {
      if (!win.isDestroyed()) win.webContents.send(DESKTOP_COMMAND_CHANNEL, cmd);
    });
  };
}

/** What the shell needs to answer a menu item that has no real implementation wired yet. */
export interface NotAvailableDialog {
  show(message: string, detail: string): void;
}

/**
 * Workspace switching, the recent list and "Back up now" are wired by the shell's owner (index.ts): until then
 * these say plainly that the command is not available here, instead of doing nothing.
 */
export function notYetWiredActions(dialog: NotAvailableDialog): Pick<AppMenuActions, 'openWorkspace' | 'newWorkspace' | 'openRecent' | 'clearRecent' | 'backupNow'> {
  const say = (what: string) => () => dialog.show(`${what} is not available yet`, 'This version of the app cannot do this from the menu yet.');
  return {
    openWorkspace: say('Opening another workspace'),
    newWorkspace: say('Creating a workspace'),
    openRecent: say('Switching workspaces'),
    clearRecent: say('The recent list'),
    backupNow: say('Backing up from the menu'),
  };
}
