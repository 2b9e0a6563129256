/** Workspaces in the desktop shell: the launch folder, the recent list, the title and the switcher, wired by index.ts. */
import { focusWindow, type FocusableWindow } from '../single-instance';
import { desktopWorkspaceDir } from '../workspace-arg';
import type { QuitDialog } from '../lifecycle';
import { createRecentStore, type RecentEntry, type RecentStore } from './recent';
import { applyWindowTitle, type TitledWindow } from './title';
import { createWorkspaceSwitcher, type SwitcherDialog, type WorkspaceHost, type WorkspaceSwitcher } from './switcher';

export { createRecentStore, type RecentEntry, type RecentStore } from './recent';
export { applyWindowTitle, keepWindowTitle, windowTitle } from './title';
export { createWorkspaceSwitcher, type SwitcherDialog, type WorkspaceHost, type WorkspaceSwitcher, type SwitchOutcome } from './switcher';

/** The recent list in Electron's userData folder; problems (a damaged file set aside) go to `onProblem`, never thrown. */
export function openRecentWorkspaces(userData: string, onProblem: (message: string) => void = (m) => console.warn(m)): RecentStore {
  return createRecentStore({ folder: userData, onProblem });
}

/** The folder to open at launch: --workspace / $WORKBENCH_WORKSPACE, else the last one used that still exists, else the default. */
export function launchWorkspaceDir(argv: readonly string[], recent: RecentStore): string {
  return desktopWorkspaceDir(argv, { recent: recent.list().filter((e) => !e.missing).map((e) => e.dir) });
}

export type WorkspaceWindow = TitledWindow & FocusableWindow;

export interface InstallWorkspacesDeps {
  /** The services-host client (open/close/inFlight/settled/cancelExports). */
  host: WorkspaceHost;
  recent: RecentStore;
  /** The workspace the host already opened at launch. */
  initialDir: string;
  /** Opened when neither a new choice nor the previous workspace can be: the default workspace. */
  fallbackDir?: string;
  /** The main window at call time (it may be replaced or closed). */
  getWindow(): WorkspaceWindow | null;
  /** Electron's dialog bound to the main window: showOpenDialog and showMessageBox. */
  dialog: SwitcherDialog;
  /** The shell's Wait/Cancel question (index.ts's quitDialog); a plain message box otherwise. */
  ask?: QuitDialog;
  /** Makes the renderer load the new workspace's data (e.g. win.webContents.reload()). */
  reloadRenderer(): void;
  /** Rebuilds the Open Recent menu. */
  onRecentChanged(list: RecentEntry[]): void;
  platform?: NodeJS.Platform;
}

/**
 * Records the launch workspace in the recent list, titles the window after it, and returns the switcher the menu
 * calls (openWorkspace, newWorkspace, openRecent, clearRecent) plus `current()` for second-launch checks.
 * The window itself keeps that title against document.title through keepWindowTitle (wired where it is created).
 */
export function installWorkspaces(deps: InstallWorkspacesDeps): WorkspaceSwitcher {
  const platform = deps.platform ?? process.platform;
  const setTitle = (dir: string) => applyWindowTitle(deps.getWindow(), dir, platform);
  setTitle(deps.initialDir);
  deps.onRecentChanged(deps.recent.add(deps.initialDir));
  return createWorkspaceSwitcher({
    host: deps.host,
    dialog: deps.dialog,
    recent: deps.recent,
    currentDir: deps.initialDir,
    fallbackDir: deps.fallbackDir,
    ask: deps.ask,
    platform,
    setTitle,
    reloadRenderer: deps.reloadRenderer,
    onRecentChanged: deps.onRecentChanged,
    focus: () => focusWindow(deps.getWindow()),
  });
}
