/** Installing the application menu: set at once, rebuilt when the recent list changes, commands sent to the live window only. */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_COMMAND_CHANNEL } from '../../../shared/contract/desktop';
import { installAppMenu, notYetWiredActions, sendCommand } from './install-menus';

type Item = MenuItemConstructorOptions;
const noop = () => {};
const actions = { openWorkspace: noop, newWorkspace: noop, openRecent: noop, clearRecent: noop, backupNow: noop, showWorkspaceFolder: noop, showDocumentation: noop, showAbout: noop };

function fakeMenu() {
  const set: Item[][] = [];
  return {
    set,
    api: {
      buildFromTemplate: (t: Item[]) => t as unknown as Menu,
      setApplicationMenu: (m: Menu | null) => { set.push(m as unknown as Item[]); },
    },
  };
}
const recentOf = (t: Item[]) => {
  const file = (t.find((m) => m.label === '&File')!.submenu as Item[]);
  return (file.find((i) => i.label === 'Open &Recent')!.submenu as Item[]).filter((i) => i.click && i.label !== '&Clear Recent').map((i) => i.label);
};

describe('installAppMenu', () => {
  it('sets the menu at once and rebuilds it with the new recent list', () => {
    const menu = fakeMenu();
    const installed = installAppMenu(menu.api, () => null, actions, { recent: ['/a'], devTools: false }, 'linux');
    expect(menu.set).toHaveLength(1);
    expect(recentOf(menu.set[0]!)).toEqual(['/a']);
    installed.update({ recent: ['/b', '/a'] });
    expect(menu.set).toHaveLength(2);
    expect(recentOf(menu.set[1]!)).toEqual(['/b', '/a']);
  });

  it('sends menu commands to the window current at click time, and to no destroyed window', () => {
    const send = vi.fn();
    let win: { isDestroyed: () => boolean; webContents: { send: typeof send } } | null = null;
    const command = sendCommand(() => win as never);
    command('import');
    expect(send).not.toHaveBeenCalled();
    win = { isDestroyed: () => false, webContents: { send } };
    command('goGraph');
    expect(send).toHaveBeenCalledWith(DESKTOP_COMMAND_CHANNEL, 'goGraph');
    win = { isDestroyed: () => true, webContents: { send } };
    command('undo');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('Import lends the page a user gesture before the command, so its file picker may open', async () => {
    const order: string[] = [];
    const win = {
      isDestroyed: () => false,
      webContents: {
        send: (_c: string, cmd: string) => order.push(`send ${cmd}`),
        executeJavaScript: async (code: string, gesture: boolean) => { order.push(`script ${code} ${gesture}`); return 0; },
      },
    };
    sendCommand(() => win as never)('import');
    await vi.waitFor(() => expect(order).toEqual(['script 0 true', 'send import']));
    sendCommand(() => win as never)('goTags');
    expect(order.at(-1)).toBe('send goTags');
  });

  it('the workspace and backup items that are not wired yet say so in a dialog instead of doing nothing', () => {
    const show = vi.fn();
    const a = notYetWiredActions({ show });
    a.openWorkspace();
    a.openRecent('/x');
    a.backupNow();
    expect(show).toHaveBeenCalledTimes(3);
    expect(show.mock.calls[0]![0]).toMatch(/not available yet/);
  });
});
