/**
 * The desktop app's workspace folder, by the one rule every host uses (services/paths.ts): --workspace DIR (or
 * --workspace=DIR), else $WORKBENCH_WORKSPACE, else the default under the user's application-data folder.
 * Not parsed strictly: Electron and Chromium put their own switches on the command line.
 */
import { resolveWorkspaceDir } from '../services/paths';

export function desktopWorkspaceDir(argv: readonly string[]): string {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--workspace' && argv[i + 1] !== undefined) flag = argv[i + 1];
    else if (a.startsWith('--workspace=')) flag = a.slice('--workspace='.length);
  }
  return resolveWorkspaceDir(flag);
}
