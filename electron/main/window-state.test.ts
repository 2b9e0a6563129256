/** The window's place is remembered, but only restored where a screen still shows it; damage means defaults. */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { centredDefault, createWindowState, DEFAULT_SIZE, WINDOW_STATE_FILE, type DisplayLike, type Rect } from './window-state';
import { tempDir } from '../../tests/unit/helpers';

const laptop: DisplayLike = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
/** A second monitor to the right, which the user may unplug. */
const monitor: DisplayLike = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 10, y: 40, width: 1000, height: 700 };
  maximized = false;
  fullScreen = false;
  destroyed = false;
  isDestroyed() { return this.destroyed; }
  getNormalBounds() { return this.bounds; }
  isMaximized() { return this.maximized; }
  isFullScreen() { return this.fullScreen; }
  maximize() { this.maximized = true; }
  setFullScreen(f: boolean) { this.fullScreen = f; }
}

/** Timers run only when the test says so (no waiting in unit tests). */
function manualTimers() {
  const due = new Map<number, () => void>();
  let n = 0;
  return {
    setTimer: (fn: () => void) => { due.set(++n, fn); return n; },
    clearTimer: (h: unknown) => { due.delete(h as number); },
    pending: () => due.size,
    runAll: () => { for (const [k, fn] of [...due]) { due.delete(k); fn(); } },
  };
}

const write = (folder: string, state: unknown) => fs.writeFileSync(path.join(folder, WINDOW_STATE_FILE), typeof state === 'string' ? state : JSON.stringify(state));
const read = (folder: string) => JSON.parse(fs.readFileSync(path.join(folder, WINDOW_STATE_FILE), 'utf8'));

describe('window state', () => {
  it('with nothing saved: the default size, centred on the primary display', () => {
    const keeper = createWindowState({ folder: tempDir('wb-ud-'), displays: () => [laptop, monitor] });
    expect(keeper.windowBounds()).toEqual({ x: 80, y: 33, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height });
    // A small screen gets a window that fits it; no display known: Electron centres the default size.
    expect(centredDefault([{ workArea: { x: 0, y: 0, width: 1024, height: 700 } }])).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
    expect(centredDefault([])).toEqual({ ...DEFAULT_SIZE });
  });

  it('restores a place that is still on a screen', () => {
    const folder = tempDir('wb-ud-');
    write(folder, { x: 1600, y: 100, width: 1800, height: 1100, maximized: false, fullScreen: false });
    const keeper = createWindowState({ folder, displays: () => [laptop, monitor] });
    expect(keeper.windowBounds()).toEqual({ x: 1600, y: 100, width: 1800, height: 1100 });
  });

  it('a place that is off every screen now (monitor unplugged, title bar above the top) gets the centred default', () => {
    const folder = tempDir('wb-ud-');
    write(folder, { x: 1600, y: 100, width: 1800, height: 1100, maximized: false, fullScreen: false });
    expect(createWindowState({ folder, displays: () => [laptop] }).windowBounds()).toEqual(centredDefault([laptop]));
    // Only a sliver (50 px) on screen is not enough to grab the window.
    write(folder, { x: 1390, y: 100, width: 1000, height: 700, maximized: false, fullScreen: false });
    expect(createWindowState({ folder, displays: () => [laptop] }).windowBounds()).toEqual(centredDefault([laptop]));
    // The title bar hidden above the work area (under the macOS menu bar) cannot be dragged either.
    write(folder, { x: 100, y: -200, width: 1000, height: 700, maximized: false, fullScreen: false });
    expect(createWindowState({ folder, displays: () => [laptop] }).windowBounds()).toEqual(centredDefault([laptop]));
  });

  it('keeps the place but fits the size when the screen got smaller', () => {
    const folder = tempDir('wb-ud-');
    write(folder, { x: 0, y: 25, width: 2400, height: 1300, maximized: false, fullScreen: false });
    expect(createWindowState({ folder, displays: () => [laptop] }).windowBounds()).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('a damaged or invalid file gives the defaults, never an error', () => {
    for (const bad of ['{"x": 1', '{"x":"left","y":0,"width":800,"height":600,"maximized":false,"fullScreen":false}', '{"x":0,"y":0,"width":-5,"height":600,"maximized":false,"fullScreen":false}', 'null']) {
      const folder = tempDir('wb-ud-');
      write(folder, bad);
      expect(createWindowState({ folder, displays: () => [laptop] }).windowBounds()).toEqual(centredDefault([laptop]));
    }
  });

  it('saves on resize and move (debounced: one write for a burst) and at once on close', () => {
    const folder = tempDir('wb-ud-');
    const timers = manualTimers();
    const keeper = createWindowState({ folder, displays: () => [laptop], ...timers });
    const win = new FakeWindow();
    keeper.track(win);
    win.bounds = { x: 50, y: 60, width: 1100, height: 750 };
    win.emit('move');
    win.emit('resize');
    win.emit('resize');
    expect(timers.pending()).toBe(1);
    expect(fs.existsSync(path.join(folder, WINDOW_STATE_FILE))).toBe(false);
    timers.runAll();
    expect(read(folder)).toEqual({ x: 50, y: 60, width: 1100, height: 750, maximized: false, fullScreen: false });

    win.bounds = { x: 70, y: 80, width: 1000, height: 700 };
    win.maximized = true;
    win.emit('resize');
    win.emit('close');
    expect(timers.pending()).toBe(0);
    expect(read(folder)).toEqual({ x: 70, y: 80, width: 1000, height: 700, maximized: true, fullScreen: false });
  });

  it('flush() saves at once (quitting destroys the window without a close event) and drops the pending write', () => {
    const folder = tempDir('wb-ud-');
    const timers = manualTimers();
    const keeper = createWindowState({ folder, displays: () => [laptop], ...timers });
    keeper.flush(); // nothing tracked yet: nothing written
    expect(fs.existsSync(path.join(folder, WINDOW_STATE_FILE))).toBe(false);
    const win = new FakeWindow();
    keeper.track(win);
    win.bounds = { x: 200, y: 100, width: 1000, height: 700 };
    win.emit('move');
    keeper.flush();
    expect(timers.pending()).toBe(0);
    expect(read(folder)).toMatchObject({ x: 200, y: 100 });
  });

  it('re-applies maximized or full screen once the window is ready to show', () => {
    for (const [saved, expected] of [[{ maximized: true, fullScreen: false }, [true, false]], [{ maximized: true, fullScreen: true }, [false, true]]] as const) {
      const folder = tempDir('wb-ud-');
      write(folder, { x: 10, y: 40, width: 1000, height: 700, ...saved });
      const win = new FakeWindow();
      createWindowState({ folder, displays: () => [laptop] }).track(win);
      expect([win.maximized, win.fullScreen]).toEqual([false, false]);
      win.emit('ready-to-show');
      expect([win.maximized, win.fullScreen]).toEqual(expected);
    }
  });

  it('a save that fails is reported, not thrown', () => {
    const parent = tempDir('wb-ud-');
    const notAFolder = path.join(parent, 'file');
    fs.writeFileSync(notAFolder, 'x');
    const problems: string[] = [];
    const win = new FakeWindow();
    createWindowState({ folder: notAFolder, displays: () => [laptop], onProblem: (m) => problems.push(m) }).track(win);
    expect(() => win.emit('close')).not.toThrow();
    expect(problems.join()).toMatch(/could not be saved/);
  });
});
