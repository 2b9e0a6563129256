/** The desktop shell's launch and quit rules, driven with a fake Electron app, window and dialog (no Electron here). */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CANCEL, installQuitGuard, WAIT, type BackgroundWork, type Preventable } from './lifecycle';
import { claimSingleInstance, focusWindow, readSecondLaunch } from './single-instance';
import { WorkspaceSession } from '../services/maintenance/session';
import { tempDir } from '../../tests/unit/helpers';

/** Electron's app, as far as these modules see it: quit() emits a preventable before-quit, then exits unless prevented. */
class FakeApp extends EventEmitter {
  exitCode: number | null = null;
  /** What happened, in order (the test's session writes here too). */
  log: string[] = [];
  constructor(private readonly lockGranted = true) { super(); }
  requestSingleInstanceLock(): boolean { return this.lockGranted; }
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => { prevented = true; } });
    if (!prevented) this.exit(0);
  }
  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    this.log.push('exit');
  }
}

class FakeWindow extends EventEmitter {
  calls: string[] = [];
  minimized = true;
  isDestroyed() { return false; }
  isMinimized() { return this.minimized; }
  restore() { this.calls.push('restore'); this.minimized = false; }
  show() { this.calls.push('show'); }
  focus() { this.calls.push('focus'); }
  /** Emits close like Electron: true when the window would really close. */
  close(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => { prevented = true; } });
    return !prevented;
  }
}

/** A dialog whose answer the test gives when it chooses (`answer`), recording each question. */
function fakeDialog() {
  const asked: string[] = [];
  let answer: (n: number) => void = () => {};
  return {
    asked,
    answer: (n: number) => answer(n),
    ask: (message: string) => {
      asked.push(message);
      return new Promise<number>((resolve) => { answer = resolve; });
    },
  };
}

/** Export jobs the test starts and finishes. */
function fakeWork(running: number) {
  let finish: () => void = () => {};
  const settled = new Promise<void>((resolve) => { finish = resolve; });
  const work: BackgroundWork & { cancelled: boolean; finish(): void } = {
    cancelled: false,
    inFlight: () => running,
    settled: () => settled,
    cancel: () => { work.cancelled = true; running = 0; finish(); },
    finish: () => { running = 0; finish(); },
  };
  return work;
}

function fakeSession(close: () => Promise<void> = async () => {}) {
  const s = { closed: 0, close: async () => { s.closed++; await close(); } };
  return s;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('single instance', () => {
  it('a second launch focuses the running window, and only the first launch opens a session', () => {
    const opened: string[] = [];
    const win = new FakeWindow();
    const first = new FakeApp(true);
    claimSingleInstance(first, { onSecondLaunch: () => focusWindow(win), start: () => opened.push('first') });
    const second = new FakeApp(false);
    claimSingleInstance(second, { onSecondLaunch: () => {}, start: () => opened.push('second') });
    // Electron tells the first instance about the second one:
    first.emit('second-instance', {}, ['/usr/bin/workbench'], '/home/u');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
    expect(opened).toEqual(['first']);
    expect(second.exitCode).toBe(0);
    expect(first.exitCode).toBeNull();
  });

  it('without the lock exits with code 0 and never starts (so never touches the workspace)', () => {
    const start = vi.fn();
    const app = new FakeApp(false);
    expect(claimSingleInstance(app, { onSecondLaunch: () => {}, start })).toBe(false);
    expect(start).not.toHaveBeenCalled();
    expect(app.exitCode).toBe(0);
  });

  it('reads a different --workspace, an importable file, or a plain launch from the second command line', () => {
    const exists = (p: string) => p === path.resolve('/home/u/notes/report.PDF');
    expect(readSecondLaunch(['wb', '--workspace', 'other'], '/home/u', '/data/ws', exists)).toEqual({ kind: 'other-workspace', dir: path.resolve('/home/u/other') });
    expect(readSecondLaunch(['wb', '--workspace=/data/ws'], '/home/u', '/data/ws', exists)).toEqual({ kind: 'focus' });
    expect(readSecondLaunch(['wb', 'notes/report.PDF'], '/home/u', '/data/ws', exists)).toEqual({ kind: 'import', file: path.resolve('/home/u/notes/report.PDF') });
    expect(readSecondLaunch(['wb', 'missing.txt', 'out/main/index.js', '--no-sandbox'], '/home/u', '/data/ws', exists)).toEqual({ kind: 'focus' });
  });

  it('with the real file system: an existing file is imported, a name that is no file (missing, or a folder) only focuses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-second-'));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes');
    fs.mkdirSync(path.join(dir, 'folder.txt'));
    expect(readSecondLaunch(['wb', 'notes.md'], dir, '/data/ws')).toEqual({ kind: 'import', file: path.join(dir, 'notes.md') });
    expect(readSecondLaunch(['wb', 'gone.md'], dir, '/data/ws')).toEqual({ kind: 'focus' });
    expect(readSecondLaunch(['wb', 'folder.txt'], dir, '/data/ws')).toEqual({ kind: 'focus' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('quitting', () => {
  it('with no export running closes the session, then exits', async () => {
    const app = new FakeApp();
    const session = fakeSession(async () => { app.log.push('closed'); });
    const dialog = fakeDialog();
    installQuitGuard({ app, session, work: fakeWork(0), dialog });
    app.quit();
    await flush();
    expect(app.log).toEqual(['closed', 'exit']);
    expect(app.exitCode).toBe(0);
    expect(dialog.asked).toEqual([]);
  });

  it('releases the real workspace lock: the folder opens again afterwards', async () => {
    const dir = tempDir('wb-quit-');
    const session = await WorkspaceSession.start({ dir, purpose: 'test' });
    const app = new FakeApp();
    installQuitGuard({ app, session, work: fakeWork(0), dialog: fakeDialog() });
    app.quit();
    await vi.waitFor(() => expect(app.exitCode).toBe(0));
    const again = await WorkspaceSession.start({ dir, purpose: 'test again' });
    await again.close();
  });

  it('while an export runs asks; "Wait" keeps the app until the export ends, then quits by itself', async () => {
    const app = new FakeApp();
    const session = fakeSession();
    const dialog = fakeDialog();
    const work = fakeWork(1);
    installQuitGuard({ app, session, work, dialog });
    app.quit();
    expect(dialog.asked).toEqual(['An export is still running']);
    dialog.answer(WAIT);
    await flush();
    expect(app.exitCode).toBeNull();
    expect(session.closed).toBe(0);
    work.finish();
    await flush();
    await flush();
    expect(work.cancelled).toBe(false);
    expect(session.closed).toBe(1);
    expect(app.exitCode).toBe(0);
  });

  it('while an export runs, "Cancel" cancels it, closes the session and exits', async () => {
    const app = new FakeApp();
    const session = fakeSession();
    const dialog = fakeDialog();
    const work = fakeWork(1);
    installQuitGuard({ app, session, work, dialog });
    app.quit();
    dialog.answer(CANCEL);
    await flush();
    expect(work.cancelled).toBe(true);
    expect(session.closed).toBe(1);
    expect(app.exitCode).toBe(0);
  });

  it('closing the window while an export runs asks too, and the window stays open on "Wait"', async () => {
    const app = new FakeApp();
    const dialog = fakeDialog();
    const guard = installQuitGuard({ app, session: fakeSession(), work: fakeWork(1), dialog });
    const win = new FakeWindow();
    guard.guardWindow(win);
    expect(win.close()).toBe(false);
    expect(dialog.asked).toEqual(['An export is still running']);
    dialog.answer(WAIT);
    await flush();
    expect(app.exitCode).toBeNull();
  });

  it('exits after the bound when session.close() never resolves', async () => {
    const app = new FakeApp();
    const timers: { fn: () => void; ms: number }[] = [];
    const session = fakeSession(() => new Promise<void>(() => {}));
    installQuitGuard({ app, session, work: fakeWork(0), dialog: fakeDialog(), closeBoundMs: 5_000, setTimer: (fn, ms) => timers.push({ fn, ms }) });
    app.quit();
    await flush();
    expect(session.closed).toBe(1);
    expect(app.exitCode).toBeNull();
    expect(timers.map((t) => t.ms)).toEqual([5_000]);
    timers[0]!.fn();
    await flush();
    expect(app.exitCode).toBe(0);
  });

  it.each(['powerMonitor shutdown', 'window session-end'])('on an OS %s: no question, the export is cancelled, the session closed', async (how) => {
    const app = new FakeApp();
    const power = new EventEmitter();
    const dialog = fakeDialog();
    const work = fakeWork(1);
    const session = fakeSession();
    const guard = installQuitGuard({ app, session, work, dialog, powerMonitor: power as never });
    const win = new FakeWindow();
    guard.guardWindow(win);
    const e: Preventable = { preventDefault: vi.fn() };
    if (how === 'powerMonitor shutdown') power.emit('shutdown', e);
    else win.emit('session-end');
    await flush();
    expect(dialog.asked).toEqual([]);
    expect(work.cancelled).toBe(true);
    expect(session.closed).toBe(1);
    expect(app.exitCode).toBe(0);
    // powerMonitor: asks the OS for the moment the close takes (Electron then expects a prompt exit).
    if (how === 'powerMonitor shutdown') expect(e.preventDefault).toHaveBeenCalled();
  });
});
