/** `BrowserWindow`: window state (shown, focused, minimized, title, bounds) kept here; its webContents is a real page. */
import { EventEmitter } from 'node:events';
import { preventable } from './events';
import type { DoubleContext } from './context';
import { WebContentsDouble, type WebPreferences } from './web-contents';

export interface WindowOptions {
  show?: boolean;
  title?: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  webPreferences?: WebPreferences;
  [key: string]: unknown;
}

let nextId = 1;

export class BrowserWindowDouble extends EventEmitter {
  readonly id = nextId++;
  readonly webContents: WebContentsDouble;
  private visible: boolean;
  private minimized = false;
  private maximized = false;
  private destroyed = false;
  private readyShown = false;
  private title: string;
  private bounds: { x: number; y: number; width: number; height: number };
  /** Every state-changing call, in order (what a test reads to see that main focused or restored the window). */
  readonly calls: string[] = [];

  constructor(private readonly ctx: DoubleContext, readonly options: WindowOptions = {}) {
    super();
    this.title = options.title ?? ctx.app.getName();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.visible = false;
    this.webContents = new WebContentsDouble(ctx, this, options.webPreferences ?? {}, { width: this.bounds.width, height: this.bounds.height });
    ctx.windows.push(this);
    ctx.app.emit('browser-window-created', preventable(), this);
    ctx.app.emit('web-contents-created', preventable(), this.webContents);
    if (options.show !== false) this.show();
  }

  /** The webContents reports its first load: the title follows the page's, then ready-to-show (once). */
  pageLoaded(pageTitle: string): void {
    if (this.destroyed) return;
    const e = preventable();
    if (pageTitle) {
      this.emit('page-title-updated', e, pageTitle, true);
      if (!e.defaultPrevented) this.title = pageTitle;
    }
    if (!this.readyShown) {
      this.readyShown = true;
      this.emit('ready-to-show');
    }
  }

  private note(call: string): void { this.calls.push(call); }

  show(): void {
    this.note('show');
    if (this.destroyed) return;
    const wasVisible = this.visible;
    this.visible = true;
    if (!wasVisible) this.emit('show');
    this.focus();
  }
  hide(): void {
    this.note('hide');
    if (!this.visible) return;
    this.visible = false;
    this.blur();
    this.emit('hide');
  }
  focus(): void {
    this.note('focus');
    if (this.destroyed || this.ctx.focused === this) return;
    const before = this.ctx.focused;
    this.ctx.focused = this;
    before?.emit('blur');
    this.emit('focus');
  }
  blur(): void {
    this.note('blur');
    if (this.ctx.focused !== this) return;
    this.ctx.focused = null;
    this.emit('blur');
  }
  minimize(): void {
    this.note('minimize');
    this.minimized = true;
    this.blur();
    this.emit('minimize');
  }
  restore(): void {
    this.note('restore');
    if (!this.minimized) return;
    this.minimized = false;
    this.emit('restore');
  }
  maximize(): void { this.note('maximize'); this.maximized = true; this.emit('maximize'); }
  unmaximize(): void { this.note('unmaximize'); this.maximized = false; this.emit('unmaximize'); }

  isVisible(): boolean { return this.visible && !this.minimized; }
  isFocused(): boolean { return this.ctx.focused === this; }
  isMinimized(): boolean { return this.minimized; }
  isMaximized(): boolean { return this.maximized; }
  // Full screen and the macOS represented file: kept, so a test can read what main set (window-state.ts, workspaces/title.ts).
  private fullScreen = false;
  representedFilename = '';
  isFullScreen(): boolean { return this.fullScreen; }
  setFullScreen(flag: boolean): void { this.note(`setFullScreen ${flag}`); this.fullScreen = flag; this.emit(flag ? 'enter-full-screen' : 'leave-full-screen'); }
  setRepresentedFilename(file: string): void { this.representedFilename = file; }
  isDestroyed(): boolean { return this.destroyed; }

  setTitle(title: string): void { this.title = title; }
  getTitle(): string { return this.title; }
  getBounds() { return { ...this.bounds }; }
  getNormalBounds() { return { ...this.bounds }; }
  setBounds(b: Partial<BrowserWindowDouble['bounds']>): void { this.bounds = { ...this.bounds, ...b }; this.emit('resize'); this.emit('move'); }
  getSize(): [number, number] { return [this.bounds.width, this.bounds.height]; }
  getPosition(): [number, number] { return [this.bounds.x, this.bounds.y]; }

  loadURL(url: string): Promise<void> { return this.webContents.loadURL(url); }

  /** A preventable 'close'; if nobody prevents it the window is destroyed. */
  close(): void {
    this.note('close');
    if (this.destroyed) return;
    const e = preventable();
    this.emit('close', e);
    if (!e.defaultPrevented) this.destroy();
  }

  /** No 'close' event (Electron's difference from close()); 'closed', then window-all-closed unless the app is quitting. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    if (this.ctx.focused === this) this.ctx.focused = null;
    this.ctx.windows.splice(this.ctx.windows.indexOf(this), 1);
    this.webContents.destroy();
    this.emit('closed');
    const app = this.ctx.app;
    if (this.ctx.windows.length === 0 && app.exitCode === null && !app.isQuitting()) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    }
  }
}

/** The BrowserWindow class as main sees it: `new BrowserWindow(options)` and the static lookups, bound to one app double. */
export function browserWindowClass(ctx: DoubleContext) {
  return class BrowserWindow extends BrowserWindowDouble {
    constructor(options?: WindowOptions) { super(ctx, options); }
    static getAllWindows(): BrowserWindowDouble[] { return [...ctx.windows]; }
    static getFocusedWindow(): BrowserWindowDouble | null { return ctx.focused; }
    static fromWebContents(wc: unknown): BrowserWindowDouble | null { return ctx.windows.find((w) => w.webContents === wc) ?? null; }
    static fromId(id: number): BrowserWindowDouble | null { return ctx.windows.find((w) => w.id === id) ?? null; }
  };
}
