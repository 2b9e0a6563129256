/** The application menu as a plain template (File, Edit, View, Window, Help), per platform; no runtime Electron here, so Node tests read it. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../shared/contract/desktop';

export type MenuPlatform = 'darwin' | 'win32' | 'linux' | (string & {});

/** What the menu does, injected by the shell (the renderer's commands go through `command`). */
export interface AppMenuActions {
  /** Hands a command to the renderer, which owns the state it acts on. */
  command(cmd: MenuCommand): void;
  openWorkspace(): void;
  newWorkspace(): void;
  openRecent(dir: string): void;
  clearRecent(): void;
  backupNow(): void;
  showWorkspaceFolder(): void;
  showDocumentation(): void;
  showAbout(): void;
  /** Only where an update channel exists; the item is left out otherwise. */
  checkForUpdates?: () => void;
}

export interface AppMenuState {
  /** Recent workspace folders, most recent first. */
  recent: readonly string[];
  /** Reload and Toggle DevTools only in a development build (never a packaged app). */
  devTools: boolean;
}

export const APP_NAME = 'Analyst Workbench';

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

/** Redo is Cmd+Shift+Z on macOS, Ctrl+Y on Windows and Ctrl+Shift+Z on Linux (each platform's own convention). */
export function redoAccelerator(platform: MenuPlatform): string {
  if (platform === 'darwin') return 'Cmd+Shift+Z';
  if (platform === 'win32') return 'Ctrl+Y';
  return 'Ctrl+Shift+Z';
}

/**
 * `&` marks an access key (Alt+letter) on Windows and Linux; macOS has none. A literal `&` in a folder name must
 * then be doubled, or "R&D" would show as "RD" with D as the access key.
 */
function labelFor(platform: MenuPlatform, withMnemonic: string): string {
  return platform === 'darwin' ? withMnemonic.replace(/&(?!&)/g, '').replace(/&&/g, '&') : withMnemonic;
}
const literal = (platform: MenuPlatform, text: string) => (platform === 'darwin' ? text : text.replace(/&/g, '&&'));

function appMenu(a: AppMenuActions): Item {
  return {
    label: APP_NAME,
    submenu: [
      { label: `About ${APP_NAME}`, click: () => a.showAbout() },
      ...(a.checkForUpdates ? [{ label: 'Check for Updates…', click: () => a.checkForUpdates?.() }] : []),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide', label: 'Show All' },
      separator,
      { role: 'quit', accelerator: 'Cmd+Q' },
    ],
  };
}

function recentMenu(platform: MenuPlatform, a: AppMenuActions, recent: readonly string[]): Item[] {
  const dirs: Item[] = recent.length > 0
    ? recent.map((dir) => ({ label: literal(platform, dir), click: () => a.openRecent(dir) }))
    : [{ label: 'No Recent Workspaces', enabled: false }];
  return [...dirs, separator, { label: labelFor(platform, '&Clear Recent'), enabled: recent.length > 0, click: () => a.clearRecent() }];
}

function fileMenu(platform: MenuPlatform, a: AppMenuActions, state: AppMenuState): Item {
  const quit: Item[] = platform === 'darwin'
    ? []
    // Windows says "Exit" and leaves Alt+F4 to the system; Linux desktops say "Quit" with Ctrl+Q.
    : [separator, platform === 'win32' ? { role: 'quit', label: 'E&xit' } : { role: 'quit', label: '&Quit', accelerator: 'Ctrl+Q' }];
  return {
    label: labelFor(platform, '&File'),
    submenu: [
      { label: labelFor(platform, '&Import…'), accelerator: 'CmdOrCtrl+I', click: () => a.command('import') },
      { label: labelFor(platform, '&Paste Text…'), click: () => a.command('pasteText') },
      { label: labelFor(platform, 'Import from &URL…'), click: () => a.command('importUrl') },
      separator,
      { label: labelFor(platform, '&Open Workspace…'), accelerator: 'CmdOrCtrl+O', click: () => a.openWorkspace() },
      { label: labelFor(platform, 'Open &Recent'), submenu: recentMenu(platform, a, state.recent) },
      { label: labelFor(platform, '&New Workspace…'), accelerator: 'CmdOrCtrl+Shift+N', click: () => a.newWorkspace() },
      separator,
      { label: labelFor(platform, '&Export Dossier…'), accelerator: 'CmdOrCtrl+E', click: () => a.command('exportDossier') },
      { label: labelFor(platform, '&Back Up Now'), click: () => a.backupNow() },
      separator,
      { role: 'close', label: labelFor(platform, '&Close Window'), accelerator: 'CmdOrCtrl+W' },
      ...quit,
    ],
  };
}

/**
 * Undo and Redo are not the `undo`/`redo` roles: those only reach a text field, while with focus elsewhere they
 * must undo the workbench's last change. The renderer decides (MenuCommands, features/common/lib/menuHistory.ts).
 * On Windows and Linux a registered accelerator is taken in the main process before the page sees the key, which
 * would bypass a field's own undo: there the keys stay with the page (useUndoRedoShortcuts, or the field), and the
 * items only show them. macOS gives the page the key first and sends it on to the menu only when unhandled.
 */
function editMenu(platform: MenuPlatform, a: AppMenuActions): Item {
  const keysStayWithPage = platform !== 'darwin';
  return {
    label: labelFor(platform, '&Edit'),
    submenu: [
      { label: labelFor(platform, '&Undo'), accelerator: 'CmdOrCtrl+Z', registerAccelerator: !keysStayWithPage, click: () => a.command('undo') },
      { label: labelFor(platform, '&Redo'), accelerator: redoAccelerator(platform), registerAccelerator: !keysStayWithPage, click: () => a.command('redo') },
      separator,
      { role: 'cut', label: labelFor(platform, 'Cu&t') },
      { role: 'copy', label: labelFor(platform, '&Copy') },
      { role: 'paste', label: labelFor(platform, '&Paste') },
      separator,
      { role: 'selectAll', label: labelFor(platform, 'Select &All') },
    ],
  };
}

/** The screens in navigation order, with Cmd/Ctrl+1…6. "Claims" is the analysis screen (the name the navigation uses). */
export const GO_ITEMS: ReadonlyArray<{ command: MenuCommand; label: string }> = [
  { command: 'goLibrary', label: '&Library' },
  { command: 'goTags', label: '&Tags' },
  { command: 'goEntities', label: '&Entities' },
  { command: 'goAnalysis', label: 'C&laims (Analysis)' },
  { command: 'goGraph', label: '&Graph' },
  { command: 'goDossiers', label: '&Dossiers' },
];

function viewMenu(platform: MenuPlatform, a: AppMenuActions, state: AppMenuState): Item {
  const dev: Item[] = state.devTools
    ? [separator, { role: 'reload', label: labelFor(platform, '&Reload') }, { role: 'toggleDevTools', label: labelFor(platform, 'Toggle &Developer Tools') }]
    : [];
  return {
    label: labelFor(platform, '&View'),
    submenu: [
      ...GO_ITEMS.map(({ command, label }, i): Item => ({
        label: labelFor(platform, label), accelerator: `CmdOrCtrl+${i + 1}`, click: () => a.command(command),
      })),
      separator,
      { label: labelFor(platform, '&Find…'), accelerator: 'CmdOrCtrl+F', click: () => a.command('find') },
      separator,
      { role: 'zoomIn', label: labelFor(platform, 'Zoom &In') },
      { role: 'zoomOut', label: labelFor(platform, 'Zoom &Out') },
      { role: 'resetZoom', label: labelFor(platform, 'Actual &Size') },
      separator,
      { role: 'togglefullscreen', label: labelFor(platform, 'Toggle F&ull Screen') },
      ...dev,
    ],
  };
}

function windowMenu(platform: MenuPlatform): Item {
  const submenu: Item[] = platform === 'darwin'
    ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
    : [{ role: 'minimize', label: '&Minimize' }, { role: 'close', label: '&Close' }];
  return { label: labelFor(platform, '&Window'), role: 'windowMenu', submenu };
}

function helpMenu(platform: MenuPlatform, a: AppMenuActions): Item {
  return {
    label: labelFor(platform, '&Help'),
    role: 'help',
    submenu: [
      { label: labelFor(platform, '&Documentation'), click: () => a.showDocumentation() },
      { label: labelFor(platform, 'Show &Workspace Folder'), click: () => a.showWorkspaceFolder() },
      ...(a.checkForUpdates && platform !== 'darwin' ? [{ label: labelFor(platform, 'Check for &Updates…'), click: () => a.checkForUpdates?.() }] : []),
      separator,
      { label: labelFor(platform, `&About ${APP_NAME}`), click: () => a.showAbout() },
    ],
  };
}

export function buildAppMenuTemplate(platform: MenuPlatform, actions: AppMenuActions, state: AppMenuState): Item[] {
  return [
    ...(platform === 'darwin' ? [appMenu(actions)] : []),
    fileMenu(platform, actions, state),
    editMenu(platform, actions),
    viewMenu(platform, actions, state),
    windowMenu(platform),
    helpMenu(platform, actions),
  ];
}
