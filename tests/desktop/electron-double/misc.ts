/** The small modules: shell (recorded), powerMonitor (the test emits 'shutdown'), Notification (recorded), screen (fixed). */
import { EventEmitter } from 'node:events';
import { preventable } from './events';
import type { DoubleContext } from './context';

export class ShellDouble {
  readonly opened: { kind: 'openExternal' | 'openPath' | 'showItemInFolder' | 'trashItem'; target: string }[] = [];
  /** Set to make the next openExternal reject (the OS has no browser, say). */
  failNextOpenExternal: Error | null = null;
  async openExternal(url: string): Promise<void> {
    const fail = this.failNextOpenExternal;
    this.failNextOpenExternal = null;
    if (fail) throw fail;
    this.opened.push({ kind: 'openExternal', target: url });
  }
  /** Resolves with '' on success, as Electron does (an error string otherwise). */
  async openPath(p: string): Promise<string> { this.opened.push({ kind: 'openPath', target: p }); return ''; }
  showItemInFolder(p: string): void { this.opened.push({ kind: 'showItemInFolder', target: p }); }
  async trashItem(p: string): Promise<void> { this.opened.push({ kind: 'trashItem', target: p }); }
  beep(): void { /* nothing to hear in a test */ }
}

export class PowerMonitorDouble extends EventEmitter {
  /** The OS is shutting down (Linux/macOS): returns whether a listener asked for a delay (preventDefault). */
  emitShutdown(): boolean {
    const e = preventable();
    this.emit('shutdown', e);
    return e.defaultPrevented;
  }
  getSystemIdleState(): string { return 'active'; }
}

export function notificationClass(ctx: DoubleContext) {
  return class Notification extends EventEmitter {
    static readonly shown: Notification[] = [];
    static isSupported(): boolean { return true; }
    closed = false;
    constructor(readonly options: Record<string, unknown> = {}) { super(); }
    show(): void {
      Notification.shown.push(this);
      ctx.record('notification.show', this.options);
      this.emit('show', preventable());
    }
    close(): void { this.closed = true; this.emit('close', preventable()); }
    /** Test helper: the user clicked the notification. */
    clickByUser(): void { this.emit('click', preventable()); }
  };
}

const DISPLAY = {
  id: 1, label: 'Test display', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  size: { width: 1920, height: 1080 }, workAreaSize: { width: 1920, height: 1040 }, scaleFactor: 1, rotation: 0, internal: false,
  touchSupport: 'unknown', monochrome: false, accelerometerSupport: 'unknown', colorDepth: 24, colorSpace: '', depthPerComponent: 8,
  displayFrequency: 60, detected: true,
};

/** One fixed 1920×1080 display, so remembered window positions have something definite to be checked against. */
export const screenDouble = Object.assign(new EventEmitter(), {
  getAllDisplays: () => [structuredClone(DISPLAY)],
  getPrimaryDisplay: () => structuredClone(DISPLAY),
  getDisplayMatching: () => structuredClone(DISPLAY),
  getDisplayNearestPoint: () => structuredClone(DISPLAY),
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
});
