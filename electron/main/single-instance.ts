/** One app per user: a second launch focuses the running window and hands over the workspace or file it was given. */
import fs from 'node:fs';
import path from 'node:path';

/** The few members of Electron's `app` this module uses, so it runs in plain Node tests. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  exit(code?: number): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** What a second launch asked for, beyond "show me the app". */
export type SecondLaunch =
  | { kind: 'focus' }
  | { kind: 'other-workspace'; dir: string }
  | { kind: 'import'; file: string };

/** The file types the library imports: text, Markdown, HTML and PDF. */
const IMPORTABLE = /\.(txt|md|html?|pdf)$/i;

const isFile = (p: string): boolean => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * Reads a second launch's command line (relative paths are the second process's, hence `cwd`). Only an explicit
 * --workspace counts as a different workspace: without one, the second launch meant "the app", not a folder.
 */
export function readSecondLaunch(argv: readonly string[], cwd: string, currentDir: string, exists: (p: string) => boolean = isFile): SecondLaunch {
  let flag: string | undefined;
  let file: string | undefined;
  // argv[0] is the executable; in development argv[1] is the app's own path (a .js file or a folder, never importable).
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--workspace' && argv[i + 1] !== undefined) flag = argv[++i];
    else if (a.startsWith('--workspace=')) flag = a.slice('--workspace='.length);
    else if (!a.startsWith('-') && IMPORTABLE.test(a) && exists(path.resolve(cwd, a))) file ??= path.resolve(cwd, a);
  }
  if (flag !== undefined && path.resolve(cwd, flag) !== path.resolve(currentDir)) return { kind: 'other-workspace', dir: path.resolve(cwd, flag) };
  if (file !== undefined) return { kind: 'import', file };
  return { kind: 'focus' };
}

export function focusWindow(win: FocusableWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * Takes the single-instance lock before anything touches the workspace, then starts the app. Without the lock this
 * is a second launch: it exits at once (code 0: the first instance, which Electron has told, serves the request).
 */
export function claimSingleInstance(
  app: SingleInstanceApp, hooks: { onSecondLaunch: (argv: string[], cwd: string) => void; start: () => void },
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return false;
  }
  app.on('second-instance', (_event, argv, cwd) => hooks.onSecondLaunch(argv, cwd));
  hooks.start();
  return true;
}
