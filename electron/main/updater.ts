/** Auto-update from GitHub Releases (electron-updater): opt-in, never silent, release notes shown; inert when not packaged. */
import fs from 'node:fs';
import path from 'node:path';

/** The part of electron-updater's AppUpdater used here (injected, so this module unit-tests in Node with a fake). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: UpdateInfoLike } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateInfoLike {
  version: string;
  releaseName?: string | null;
  releaseNotes?: string | Array<{ version: string; note: string | null }> | null;
}

/** Electron's MessageBoxOptions, the fields used here. */
export interface AskOptions {
  type: 'info' | 'question' | 'error';
  message: string;
  detail?: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  checkboxLabel?: string;
  checkboxChecked?: boolean;
  noLink: true;
}

export interface UpdaterDeps {
  isPackaged: boolean;
  currentVersion: string;
  /** A JSON file in userData, e.g. path.join(app.getPath('userData'), 'updates.json'). */
  settingsFile: string;
  /** Created lazily, only when packaged: importing electron-updater in a dev run would be wasted work. */
  updater: () => UpdaterLike;
  ask: (options: AskOptions) => Promise<{ response: number; checkboxChecked?: boolean }>;
  log?: (message: string) => void;
}

export type UpdateOutcome =
  | 'not-packaged' | 'automatic-checks-off' | 'up-to-date' | 'declined-download'
  | 'declined-install' | 'installing' | 'already-checking' | 'failed';

const NOTES_MAX_CHARS = 1500;

/** GitHub gives the notes as HTML; a message box shows plain text. Tags dropped, entities decoded, length capped. */
export function releaseNotesText(notes: UpdateInfoLike['releaseNotes']): string {
  if (!notes) return '';
  const html = typeof notes === 'string' ? notes : notes.map((n) => `${n.version}\n${n.note ?? ''}`).join('\n\n');
  const text = html
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return text.length > NOTES_MAX_CHARS ? `${text.slice(0, NOTES_MAX_CHARS).trimEnd()}…` : text;
}

/** Off unless the user turned it on; an unreadable file counts as off (and is left for the user to inspect). */
export function readAutomaticChecks(file: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { automaticChecks?: unknown }).automaticChecks === true;
  } catch {
    return false;
  }
}

/** Written to a temporary file then renamed, so a crash never leaves half a settings file. */
export function writeAutomaticChecks(file: string, on: boolean): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ automaticChecks: on }, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

export function createUpdater(deps: UpdaterDeps) {
  const log = deps.log ?? (() => undefined);
  let updater: UpdaterLike | null = null;
  let busy = false;

  const get = (): UpdaterLike => {
    if (!updater) {
      updater = deps.updater();
      // Never silent: nothing is downloaded or installed without the user saying so.
      updater.autoDownload = false;
      updater.autoInstallOnAppQuit = false;
      updater.allowPrerelease = false;
      updater.allowDowngrade = false;
    }
    return updater;
  };

  async function run(interactive: boolean): Promise<UpdateOutcome> {
    const automatic = readAutomaticChecks(deps.settingsFile);
    const offer = interactive && !automatic
      ? { checkboxLabel: 'Check for updates automatically when the app starts', checkboxChecked: false }
      : {};
    // Ticking the box in any dialog of a manual check is how the user opts in.
    const remember = (checked: boolean | undefined) => { if (checked) writeAutomaticChecks(deps.settingsFile, true); };
    const u = get();
    const result = await u.checkForUpdates();
    if (!result?.isUpdateAvailable) {
      if (interactive) {
        const r = await deps.ask({ type: 'info', message: 'Analyst Workbench is up to date', detail: `You have version ${deps.currentVersion}, the latest release.`, buttons: ['OK'], defaultId: 0, cancelId: 0, noLink: true, ...offer });
        remember(r.checkboxChecked);
      }
      return 'up-to-date';
    }
    const info = result.updateInfo;
    const notes = releaseNotesText(info.releaseNotes);
    const offerReply = await deps.ask({
      type: 'question',
      message: `Version ${info.version} of Analyst Workbench is available`,
      detail: `You have version ${deps.currentVersion}.${notes ? `\n\nWhat's new:\n${notes}` : ''}\n\nDownload it now? You will be asked again before it is installed.`,
      buttons: ['Download', 'Not now'], defaultId: 0, cancelId: 1, noLink: true, ...offer,
    });
    remember(offerReply.checkboxChecked);
    if (offerReply.response !== 0) return 'declined-download';
    await u.downloadUpdate();
    const install = await deps.ask({
      type: 'question',
      message: `Version ${info.version} is ready to install`,
      detail: 'Analyst Workbench will close (your work is saved as you go), install the update and open again.',
      buttons: ['Restart and install', 'Later'], defaultId: 0, cancelId: 1, noLink: true,
    });
    if (install.response !== 0) return 'declined-install';
    u.quitAndInstall(false, true);
    return 'installing';
  }

  async function guarded(interactive: boolean): Promise<UpdateOutcome> {
    if (!deps.isPackaged) return 'not-packaged';
    if (!interactive && !readAutomaticChecks(deps.settingsFile)) return 'automatic-checks-off';
    // A second click while a check or download runs must not open a second set of dialogs.
    if (busy) return 'already-checking';
    busy = true;
    try {
      return await run(interactive);
    } catch (e) {
      log(`Update check failed: ${(e as Error).message}`);
      // A start-up check fails quietly (offline is normal); a check the user asked for says why.
      if (interactive) await deps.ask({ type: 'error', message: 'Could not check for updates', detail: (e as Error).message, buttons: ['OK'], defaultId: 0, cancelId: 0, noLink: true });
      return 'failed';
    } finally {
      busy = false;
    }
  }

  return {
    /** Help › Check for updates…: the user asked, so it checks even with automatic checks off. */
    checkNow: () => guarded(true),
    /** At start-up: only when the user turned automatic checks on; quiet unless there is an update. */
    checkOnStartup: () => guarded(false),
    automaticChecks: () => readAutomaticChecks(deps.settingsFile),
    setAutomaticChecks: (on: boolean) => writeAutomaticChecks(deps.settingsFile, on),
  };
}
