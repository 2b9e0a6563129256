/** The window title names the open workspace ("Research — Analyst Workbench"); the page's own <title> never replaces it. */
import path from 'node:path';
import { PRODUCT_NAME } from '../../common/app-identity';

/** The folder's name as the platform writes paths ("C:\\Cases\\Acme" is "Acme" on Windows); a drive or root keeps its path. */
export function windowTitle(dir: string, platform: NodeJS.Platform = process.platform): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const name = p.basename(dir) || dir;
  return `${name} — ${PRODUCT_NAME}`;
}

/** The few BrowserWindow members used here, so tests pass a fake. */
export interface TitledWindow {
  isDestroyed(): boolean;
  setTitle(title: string): void;
  /** macOS only: the folder icon in the title bar (Cmd-click shows its path). */
  setRepresentedFilename(file: string): void;
  on(event: 'page-title-updated', listener: (e: { preventDefault(): void }) => void): unknown;
}

/** Shows `dir` in the title (and, on macOS, as the window's represented folder). */
export function applyWindowTitle(win: TitledWindow | null, dir: string, platform: NodeJS.Platform = process.platform): void {
  if (!win || win.isDestroyed()) return;
  win.setTitle(windowTitle(dir, platform));
  if (platform === 'darwin') win.setRepresentedFilename(dir);
}

/**
 * Electron copies document.title into the window title by default; the renderer's title ("Analyst Workbench")
 * would then hide which workspace is open. Preventing the event keeps ours.
 */
export function keepWindowTitle(win: TitledWindow): void {
  win.on('page-title-updated', (e) => e.preventDefault());
}
