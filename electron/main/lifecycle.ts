/** Quitting: asks while an export runs, always closes the workspace (releasing its lock) within a bound, never blocks an OS shutdown. */

/** A preventable Electron event (before-quit, a window's close, powerMonitor's shutdown). */
export interface Preventable {
  preventDefault(): void;
}

/** The few members of Electron's `app` this module uses, so it runs in plain Node tests. */
export interface QuitApp {
  on(event: 'before-quit', listener: (e: Preventable) => void): unknown;
  quit(): void;
  exit(code?: number): void;
}

export interface GuardedWindow {
  on(event: 'close', listener: (e: Preventable) => void): unknown;
  on(event: 'session-end', listener: () => void): unknown;
}

/** Electron's powerMonitor: 'shutdown' on Linux and macOS (Windows signals the end of a session on each window). */
export interface ShutdownSource {
  /** Electron passes an event whose preventDefault delays the shutdown briefly (its typings omit it). */
  on(event: 'shutdown', listener: (e?: Preventable) => void): unknown;
}

export interface QuitDialog {
  /** Resolves with the index of the button chosen. */
  ask(message: string, detail: string, buttons: string[]): Promise<number>;
}

/** Work that quitting would throw away (export jobs; see services/export/jobs.ts). */
export interface BackgroundWork {
  inFlight(): number;
  settled(): Promise<void>;
  cancel(): void;
}

export interface QuitGuardOptions {
  app: QuitApp;
  /** The open workspace; close() compacts and releases the lock. */
  session: { close(): Promise<void> };
  work: BackgroundWork;
  dialog: QuitDialog;
  powerMonitor?: ShutdownSource;
  /** How long a close may take before the app exits regardless (a stuck disk must not leave a zombie holding the lock). */
  closeBoundMs?: number;
  setTimer?: (fn: () => void, ms: number) => void;
  onError?: (e: unknown) => void;
}

export const WAIT = 0;
export const CANCEL = 1;
const BUTTONS = ['Wait for it', 'Cancel the export and quit'];

type State = 'open' | 'asking' | 'waiting' | 'closing' | 'closed';

export interface QuitGuard {
  /** Closing the main window quits the app (asking first while an export runs); call once the window exists. */
  guardWindow(win: GuardedWindow): void;
}

/**
 * Registers before-quit (call it as soon as the workspace is open, so no quit path skips closing it).
 * Every quit ends in `app.exit(0)` after the session closed or the bound passed: exit, not quit, because after the
 * workspace is closed nothing may run again, and a hidden print window must not keep the process alive.
 */
export function installQuitGuard(opts: QuitGuardOptions): QuitGuard {
  const { app, session, work, dialog } = opts;
  const bound = opts.closeBoundMs ?? 5_000;
  const setTimer = opts.setTimer ?? ((fn, ms) => { setTimeout(fn, ms); });
  const onError = opts.onError ?? (() => undefined);
  let state: State = 'open';

  const finish = (): void => {
    if (state === 'closing' || state === 'closed') return;
    state = 'closing';
    const bounded = new Promise<void>((resolve) => setTimer(resolve, bound));
    void Promise.race([session.close().catch(onError), bounded]).finally(() => {
      state = 'closed';
      app.exit(0);
    });
  };

  const ask = (): void => {
    state = 'asking';
    const n = work.inFlight();
    const detail = `${n === 1 ? 'A dossier export has' : `${n} dossier exports have`} not finished. Wait, and the app quits by itself once the file is saved; or cancel the export and quit now.`;
    dialog.ask('An export is still running', detail, BUTTONS).then((choice) => {
      if (state !== 'asking') return; // an OS shutdown overtook the question
      if (choice === CANCEL) {
        work.cancel();
        finish();
        return;
      }
      state = 'waiting';
      void work.settled().then(() => {
        if (state === 'waiting') app.quit(); // asks again if another export started meanwhile
      });
    }, (e: unknown) => {
      onError(e);
      if (state === 'asking') state = 'open';
    });
  };

  const requestQuit = (): void => {
    if (state === 'asking' || state === 'closing' || state === 'closed') return;
    if (work.inFlight() > 0) ask();
    else finish();
  };

  /** The OS is ending the session: no question (it would block logout), cancel and close as fast as possible. */
  const osEnding = (): void => {
    work.cancel();
    if (state === 'asking' || state === 'waiting') state = 'open';
    finish();
  };

  app.on('before-quit', (e) => {
    if (state === 'closed') return;
    e.preventDefault();
    requestQuit();
  });
  // preventDefault here asks the OS for the moment it takes to close; finish() then exits promptly.
  opts.powerMonitor?.on('shutdown', (e) => {
    e?.preventDefault();
    osEnding();
  });

  return {
    guardWindow(win) {
      win.on('close', (e) => {
        if (state === 'closed') return;
        e.preventDefault();
        requestQuit();
      });
      win.on('session-end', osEnding);
    },
  };
}
