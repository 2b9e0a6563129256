/** The application menu per platform: menus and their order, accelerators, roles, recent workspaces, DevTools only when allowed. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../shared/contract/desktop';
import { buildAppMenuTemplate, type AppMenuActions } from './app-menu';

type Item = MenuItemConstructorOptions;

function fakeActions(extra: Partial<AppMenuActions> = {}) {
  const sent: MenuCommand[] = [];
  const a: AppMenuActions = {
    command: (c) => sent.push(c), openWorkspace: vi.fn(), newWorkspace: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(),
    backupNow: vi.fn(), showWorkspaceFolder: vi.fn(), showDocumentation: vi.fn(), showAbout: vi.fn(), ...extra,
  };
  return { a, sent };
}
const plain = (label: string | undefined) => (label ?? '').replace(/&(?!&)/g, '').replace(/&&/g, '&');
const sub = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const top = (t: Item[], label: string) => t.find((m) => plain(m.label) === label);
const item = (menu: Item | undefined, label: string) => sub(menu).find((i) => plain(i.label) === label);
const click = (i: Item | undefined) => (i?.click as unknown as () => void)();

const state = { recent: ['/home/ana/Cases/Alpha', '/home/ana/R&D'], devTools: false };

describe('application menu', () => {
  it('macOS: About and (when updates are wired) Check for Updates… sit in the app menu and do what they say', () => {
    const checkForUpdates = vi.fn();
    const { a } = fakeActions({ checkForUpdates });
    const appMenu = buildAppMenuTemplate('darwin', a, state)[0];
    click(item(appMenu, 'About Analyst Workbench'));
    expect(a.showAbout).toHaveBeenCalledTimes(1);
    click(item(appMenu, 'Check for Updates…'));
    expect(checkForUpdates).toHaveBeenCalledTimes(1);
    // Not in Help as well, as it is on Windows and Linux.
    expect(item(top(buildAppMenuTemplate('darwin', a, state), 'Help'), 'Check for Updates…')).toBeUndefined();
    expect(item(buildAppMenuTemplate('darwin', fakeActions().a, state)[0], 'Check for Updates…')).toBeUndefined();
  });

  it('macOS: app menu first with About, Hide, Hide Others, Show All and Cmd+Q Quit; no Quit in File', () => {
    const t = buildAppMenuTemplate('darwin', fakeActions().a, state);
    expect(t.map((m) => plain(m.label))).toEqual(['Analyst Workbench', 'File', 'Edit', 'View', 'Window', 'Help']);
    const roles = sub(t[0]).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['hide', 'hideOthers', 'unhide', 'quit']));
    expect(sub(t[0]).find((i) => i.role === 'unhide')?.label).toBe('Show All');
    expect(sub(t[0]).find((i) => i.role === 'quit')?.accelerator).toBe('Cmd+Q');
    expect(sub(top(t, 'File')).some((i) => i.role === 'quit')).toBe(false);
    // macOS labels carry no access keys.
    expect(JSON.stringify(t.map((m) => m.label))).not.toContain('&');
  });

  it('Windows says Exit (no Ctrl+Q), Linux says Quit with Ctrl+Q; neither has the macOS app menu', () => {
    const win = buildAppMenuTemplate('win32', fakeActions().a, state);
    const linux = buildAppMenuTemplate('linux', fakeActions().a, state);
    expect(win.map((m) => plain(m.label))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const exit = sub(top(win, 'File')).find((i) => i.role === 'quit');
    expect(plain(exit?.label)).toBe('Exit');
    expect(exit?.accelerator).toBeUndefined();
    const quit = sub(top(linux, 'File')).find((i) => i.role === 'quit');
    expect(plain(quit?.label)).toBe('Quit');
    expect(quit?.accelerator).toBe('Ctrl+Q');
    expect(top(win, 'File')?.label).toBe('&File');
  });

  it('Redo follows each platform: Cmd+Shift+Z, Ctrl+Y, Ctrl+Shift+Z; Undo is CmdOrCtrl+Z everywhere', () => {
    const redo = (p: string) => item(top(buildAppMenuTemplate(p, fakeActions().a, state), 'Edit'), 'Redo')?.accelerator;
    expect(redo('darwin')).toBe('Cmd+Shift+Z');
    expect(redo('win32')).toBe('Ctrl+Y');
    expect(redo('linux')).toBe('Ctrl+Shift+Z');
    for (const p of ['darwin', 'win32', 'linux']) expect(item(top(buildAppMenuTemplate(p, fakeActions().a, state), 'Edit'), 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('File lists the workbench commands in order; Import, Paste text, Import from URL and Export dossier go to the renderer', () => {
    const { a, sent } = fakeActions();
    const file = top(buildAppMenuTemplate('linux', a, state), 'File');
    expect(sub(file).filter((i) => i.type !== 'separator').map((i) => plain(i.label)))
      .toEqual(['Import…', 'Paste Text…', 'Import from URL…', 'Open Workspace…', 'Open Recent', 'New Workspace…', 'Export Dossier…', 'Back Up Now', 'Close Window', 'Quit']);
    click(item(file, 'Import…'));
    click(item(file, 'Paste Text…'));
    click(item(file, 'Import from URL…'));
    click(item(file, 'Export Dossier…'));
    expect(sent).toEqual(['import', 'pasteText', 'importUrl', 'exportDossier']);
    click(item(file, 'Open Workspace…'));
    click(item(file, 'New Workspace…'));
    click(item(file, 'Back Up Now'));
    expect([a.openWorkspace, a.newWorkspace, a.backupNow].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1]);
    expect(item(file, 'Close Window')).toMatchObject({ role: 'close', accelerator: 'CmdOrCtrl+W' });
  });

  it('Open Recent lists the recent folders (a literal & kept), then Clear Recent; an empty list says so', () => {
    const { a } = fakeActions();
    const recent = item(top(buildAppMenuTemplate('win32', a, state), 'File'), 'Open Recent');
    const entries = sub(recent);
    expect(entries.map((i) => i.type === 'separator' ? '—' : plain(i.label))).toEqual(['/home/ana/Cases/Alpha', '/home/ana/R&D', '—', 'Clear Recent']);
    // Doubled on Windows, or "R&D" would show as "RD" with D as an access key.
    expect(entries[1]!.label).toBe('/home/ana/R&&D');
    click(entries[1]);
    expect(a.openRecent).toHaveBeenCalledWith('/home/ana/R&D');
    click(entries[3]);
    expect(a.clearRecent).toHaveBeenCalledTimes(1);
    const empty = sub(item(top(buildAppMenuTemplate('darwin', a, { recent: [], devTools: false }), 'File'), 'Open Recent'));
    expect(empty[0]).toMatchObject({ label: 'No Recent Workspaces', enabled: false });
    expect(empty.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
  });

  it('Edit: Undo/Redo send commands (not roles); Cut, Copy, Paste and Select All are roles', () => {
    const { a, sent } = fakeActions();
    const edit = top(buildAppMenuTemplate('darwin', a, state), 'Edit');
    expect(item(edit, 'Undo')?.role).toBeUndefined();
    click(item(edit, 'Undo'));
    click(item(edit, 'Redo'));
    expect(sent).toEqual(['undo', 'redo']);
    expect(sub(edit).map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('Undo/Redo keys stay with the page on Windows and Linux (shown, not registered), and go through the menu on macOS', () => {
    const reg = (p: string) => ['Undo', 'Redo'].map((l) => item(top(buildAppMenuTemplate(p, fakeActions().a, state), 'Edit'), l)?.registerAccelerator);
    expect(reg('win32')).toEqual([false, false]);
    expect(reg('linux')).toEqual([false, false]);
    expect(reg('darwin')).toEqual([true, true]);
  });

  it('View: the six screens on CmdOrCtrl+1…6, Find, zoom and full screen; Reload and DevTools only when allowed', () => {
    const { a, sent } = fakeActions();
    const view = top(buildAppMenuTemplate('win32', a, state), 'View');
    const screens = sub(view).slice(0, 6);
    expect(screens.map((i) => i.accelerator)).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3', 'CmdOrCtrl+4', 'CmdOrCtrl+5', 'CmdOrCtrl+6']);
    screens.forEach(click);
    click(item(view, 'Find…'));
    expect(sent).toEqual(['goLibrary', 'goTags', 'goEntities', 'goAnalysis', 'goGraph', 'goDossiers', 'find']);
    expect(item(view, 'Find…')?.accelerator).toBe('CmdOrCtrl+F');
    const roles = sub(view).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    const dev = top(buildAppMenuTemplate('win32', a, { ...state, devTools: true }), 'View');
    expect(sub(dev).map((i) => i.role).filter(Boolean)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'reload', 'toggleDevTools']);
  });

  it('Window uses each platform’s roles', () => {
    const roles = (p: string) => sub(top(buildAppMenuTemplate(p, fakeActions().a, state), 'Window')).map((i) => i.role ?? i.type);
    expect(roles('darwin')).toEqual(['minimize', 'zoom', 'separator', 'front']);
    expect(roles('linux')).toEqual(['minimize', 'close']);
  });

  it('Help: documentation, the workspace folder and About; Check for Updates only when an updater is given', () => {
    const { a } = fakeActions();
    const help = top(buildAppMenuTemplate('linux', a, state), 'Help');
    expect(sub(help).filter((i) => i.type !== 'separator').map((i) => plain(i.label))).toEqual(['Documentation', 'Show Workspace Folder', 'About Analyst Workbench']);
    click(item(help, 'Documentation'));
    click(item(help, 'Show Workspace Folder'));
    click(item(help, 'About Analyst Workbench'));
    expect([a.showDocumentation, a.showWorkspaceFolder, a.showAbout].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1]);

    const checkForUpdates = vi.fn();
    const withUpdates = buildAppMenuTemplate('linux', fakeActions({ checkForUpdates }).a, state);
    click(item(top(withUpdates, 'Help'), 'Check for Updates…'));
    expect(checkForUpdates).toHaveBeenCalledTimes(1);
    // macOS keeps it in the app menu, where its users look for it.
    const mac = buildAppMenuTemplate('darwin', fakeActions({ checkForUpdates }).a, state);
    expect(item(mac[0], 'Check for Updates…')).toBeDefined();
    expect(item(top(buildAppMenuTemplate('darwin', a, state), 'Analyst Workbench'), 'Check for Updates…')).toBeUndefined();
  });
});
