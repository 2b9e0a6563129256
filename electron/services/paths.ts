/** Where things live: the default workspace (under the app's user-data folder, as Electron computes it) and bundled resources. */
import os from 'node:os';
import path from 'node:path';

const APP_NAME = 'Analyst Workbench';

/** Electron's app.getPath('appData') for each platform, so the CLI, browser mode and the app share one default. */
function appDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

function defaultWorkspaceDir(): string {
  return path.join(appDataDir(), APP_NAME, 'workspace');
}

/** --workspace DIR, else WORKBENCH_WORKSPACE, else the default. */
export function resolveWorkspaceDir(flag: string | undefined): string {
  return path.resolve(flag ?? process.env.WORKBENCH_WORKSPACE ?? defaultWorkspaceDir());
}
