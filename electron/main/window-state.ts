/** The main window opens where the user left it (size, position, maximized, full screen), if that place is still on a screen. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { stripBom, writeFileDurable } from '../services/store/durable-fs';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
/** Same as windowOptions' minWidth/minHeight: a remembered size below them is raised. */
export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the title bar must lie on a screen for the saved place to count as visible (enough to grab and drag). */
const GRAB = { width: 100, height: 30 } as const;

export interface Rect { x: number; y: number; width: number; height: number }
/** One display as Electron's screen.getAllDisplays() describes it; the work area excludes taskbars and docks. */
export interface DisplayLike { workArea: Rect }

export interface WindowState extends Rect { maximized: boolean; fullScreen: boolean }

const stateSchema = z.object({
  x: z.number().int(), y: z.number().int(),
  width: z.number().int().positive(), height: z.number().int().positive(),
  maximized: z.boolean(), fullScreen: z.boolean(),
});

/** The BrowserWindow members tracked (a fake in tests). */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close' | 'closed' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  isDestroyed(): boolean;
  /** The restored bounds even while maximized or full screen, so un-maximizing next time returns there. */
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  maximize(): void;
  setFullScreen(flag: boolean): void;
}

export interface WindowStateOptions {
  /** Electron's app.getPath('userData'). */
  folder: string;
  /** The current displays (screen.getAllDisplays()), the primary one first; read when the window is created. */
  displays: () => readonly DisplayLike[];
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  onProblem?: (message: string) => void;
}

export interface WindowStateKeeper {
  /** x, y, width and height for the BrowserWindow options (no x/y: Electron centres it). */
  windowBounds(): Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  /** Re-applies maximized / full screen and saves the window's place on resize and move (debounced) and on close. */
  track(win: TrackedWindow): void;
  /**
   * Saves the tracked window's place now. For quitting: the quit guard ends with app.exit(), which destroys windows
   * without a 'close' event, so the shell calls this from before-quit.
   */
  flush(): void;
}

const overlap = (a: Rect, b: Rect) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/** The saved rectangle, if its title bar is on one of `displays` (a monitor unplugged since, or a resolution change, would strand it). */
export function visibleOn(rect: Rect, displays: readonly DisplayLike[]): DisplayLike | null {
  const titleBar: Rect = { x: rect.x, y: rect.y, width: rect.width, height: GRAB.height };
  return displays.find((d) => {
    const o = overlap(titleBar, d.workArea);
    return rect.y >= d.workArea.y && o.width >= Math.min(GRAB.width, rect.width) && o.height >= GRAB.height;
  }) ?? null;
}

/** The default size (shrunk to fit), centred on the primary display's work area. */
export function centredDefault(displays: readonly DisplayLike[]): ReturnType<WindowStateKeeper['windowBounds']> {
  const area = displays[0]?.workArea;
  if (!area) return { ...DEFAULT_SIZE };
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
}

export function createWindowState(opts: WindowStateOptions): WindowStateKeeper {
  const file = path.join(opts.folder, WINDOW_STATE_FILE);
  const debounceMs = opts.debounceMs ?? 500;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  const report = opts.onProblem ?? (() => undefined);

  /** A missing or damaged file means defaults: the next save replaces it. */
  const load = (): WindowState | null => {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(stripBom(fs.readFileSync(file, 'utf8'))));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const saved = load();

  const save = (win: TrackedWindow): void => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    const state: WindowState = {
      x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height),
      maximized: win.isMaximized(), fullScreen: win.isFullScreen(),
    };
    try {
      fs.mkdirSync(opts.folder, { recursive: true });
      writeFileDurable(file, JSON.stringify(state));
    } catch (e) {
      report(`The window's size and position could not be saved: ${(e as Error).message}`);
    }
  };

  let tracked: TrackedWindow | null = null;
  let pending: unknown = null;
  const cancel = () => {
    if (pending !== null) clearTimer(pending);
    pending = null;
  };
  const flushNow = (win: TrackedWindow) => {
    cancel();
    save(win);
  };

  return {
    windowBounds() {
      const displays = opts.displays();
      if (!saved) return centredDefault(displays);
      const on = visibleOn(saved, displays);
      if (!on) return centredDefault(displays);
      // Still on a screen, but a smaller one than before: keep the place, fit the size.
      const width = Math.max(MIN_SIZE.width, Math.min(saved.width, on.workArea.width));
      const height = Math.max(MIN_SIZE.height, Math.min(saved.height, on.workArea.height));
      return { x: saved.x, y: saved.y, width, height };
    },
    flush() {
      if (tracked) flushNow(tracked);
    },
    track(win) {
      tracked = win;
      // Not before ready-to-show: maximize() would show the window while the page is still blank.
      win.once('ready-to-show', () => {
        if (win.isDestroyed()) return;
        if (saved?.fullScreen) win.setFullScreen(true);
        else if (saved?.maximized) win.maximize();
      });
      const later = () => {
        cancel();
        pending = setTimer(() => { pending = null; save(win); }, debounceMs);
      };
      for (const e of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(e, later);
      win.on('close', () => flushNow(win));
      win.on('closed', () => {
        cancel();
        if (tracked === win) tracked = null;
      });
    },
  };
}
