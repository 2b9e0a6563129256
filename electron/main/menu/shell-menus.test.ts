/** The shell's menu wiring: today's Help actions, "not available yet" for unwired ones, context menus on every page, the reader menu method. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { documentationPath, installShellMenus, type ShellMenuDeps } from './shell-menus';

type Item = MenuItemConstructorOptions;
const find = (t: Item[], label: string): Item | undefined => {
  for (const i of t) {
    if ((i.label ?? '').replace(/&/g, '') === label) return i;
    const inner = Array.isArray(i.submenu) ? find(i.submenu, label) : undefined;
    if (inner) return inner;
  }
  return undefined;
};
const click = (i: Item | undefined) => (i?.click as unknown as () => void)();

function setup(openPathAnswer = '') {
  const menus: Item[][] = [];
  const listeners: Array<(e: unknown, c: unknown) => void> = [];
  const registered: string[] = [];
  const deps = {
    app: { on: (_: string, l: (e: unknown, c: unknown) => void) => listeners.push(l), showAboutPanel: vi.fn(), getAppPath: () => '/app', isPackaged: false },
    Menu: { buildFromTemplate: (t: Item[]) => t, setApplicationMenu: (m: Item[]) => menus.push(m) },
    BrowserWindow: { fromWebContents: () => null },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) },
    shell: { openPath: vi.fn(async () => openPathAnswer) },
    platform: 'linux',
    registerMethod: (name: string) => registered.push(name),
  } as unknown as ShellMenuDeps;
  installShellMenus(deps, { getWindow: () => null, workspaceDir: () => '/ws', devTools: false });
  return { deps, menus, listeners, registered };
}

describe('shell menus', () => {
  it('documentation is the README: beside the asar when packaged, in the project otherwise', () => {
    expect(documentationPath({ appPath: '/p', isPackaged: false })).toBe('/p/README.md');
    expect(documentationPath({ appPath: '/r/app.asar', isPackaged: true, resourcesPath: '/r' })).toBe('/r/README.md');
  });

  it('Help opens the docs and the workspace folder with the OS, and About shows the about panel', async () => {
    const { deps, menus } = setup();
    click(find(menus[0]!, 'Documentation'));
    click(find(menus[0]!, 'Show Workspace Folder'));
    click(find(menus[0]!, 'About Analyst Workbench'));
    expect(deps.shell.openPath).toHaveBeenCalledWith('/app/README.md');
    expect(deps.shell.openPath).toHaveBeenCalledWith('/ws');
    expect(deps.app.showAboutPanel).toHaveBeenCalledTimes(1);
  });

  it('a folder the OS cannot open is reported, not swallowed', async () => {
    const { deps, menus } = setup('No application is registered');
    click(find(menus[0]!, 'Show Workspace Folder'));
    await vi.waitFor(() => expect(deps.dialog.showMessageBox).toHaveBeenCalled());
    expect(deps.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', message: 'Could not open the workspace folder' }));
  });

  it('an openPath that rejects (instead of answering an error) is reported too, with the reason', async () => {
    const { deps, menus } = setup();
    deps.shell.openPath = vi.fn(async () => { throw new Error('Access is denied.'); });
    click(find(menus[0]!, 'Documentation'));
    await vi.waitFor(() => expect(deps.dialog.showMessageBox).toHaveBeenCalled());
    expect(deps.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({
      type: 'error', message: 'Could not open the documentation', detail: '/app/README.md\n\nError: Access is denied.',
    }));
  });

  it('unwired workspace items say they are not available yet; every new page gets the editing menu; readerMenu is served', () => {
    const { deps, menus, listeners, registered } = setup();
    click(find(menus[0]!, 'Open Workspace…'));
    expect(deps.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/not available yet/) }));
    const on = vi.fn();
    listeners[0]!({}, { on, replaceMisspelling: vi.fn(), session: {} });
    expect(on).toHaveBeenCalledWith('context-menu', expect.any(Function));
    expect(registered).toEqual(['readerMenu']);
  });
});
