/** The `app` module: ready, quit (before-quit → windows close → will-quit → quit) with preventDefault, exit, paths, single instance. */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preventable } from './events';
import type { DoubleContext } from './context';

export interface AppDoubleOptions {
  isPackaged?: boolean;
  /** process.argv of this "process" at the time it asks for the single-instance lock (defaults to process.argv). */
  argv?: () => string[];
  cwd?: string;
}

export class AppDouble extends EventEmitter {
  readonly isPackaged: boolean;
  /** Set once the app has ended (exit, or a quit nobody prevented); the test awaits `exited`. */
  exitCode: number | null = null;
  readonly exited: Promise<number>;
  appUserModelId: string | null = null;
  readonly recentDocuments: string[] = [];
  aboutPanelShown = 0;
  aboutPanelOptions: Record<string, unknown> = {};
  private ready = false;
  private quitting = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private resolveExit!: (code: number) => void;
  private name: string;
  private version: string;
  private readonly overrides = new Map<string, string>();

  constructor(private readonly ctx: DoubleContext, private readonly opts: AppDoubleOptions = {}) {
    super();
    this.isPackaged = opts.isPackaged ?? false;
    this.readyPromise = new Promise((r) => { this.resolveReady = r; });
    this.exited = new Promise((r) => { this.resolveExit = r; });
    // Electron takes the name from package.json's productName (else name): that is what userData is named after.
    const pkg = JSON.parse(fs.readFileSync(path.join(ctx.appPath, 'package.json'), 'utf8')) as { productName?: string; name: string; version: string };
    this.name = pkg.productName ?? pkg.name;
    this.version = pkg.version;
  }

  /** The harness calls this after the main script has run, as Electron emits 'ready' after evaluating it. */
  becomeReady(): void {
    if (this.ready || this.exitCode !== null) return;
    this.ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', preventable(), {});
    this.resolveReady();
  }

  whenReady(): Promise<void> { return this.readyPromise; }
  isReady(): boolean { return this.ready; }
  isQuitting(): boolean { return this.quitting; }

  /** Electron's order: before-quit (preventable), then every window's close (any prevented one cancels), will-quit, quit. */
  quit(): void {
    if (this.exitCode !== null) return;
    this.ctx.record('app.quit');
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const win of [...this.ctx.windows]) {
      win.close();
      if (!win.isDestroyed()) {
        this.quitting = false;
        return;
      }
    }
    const will = preventable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', preventable(), 0);
    this.terminate(0);
  }

  /** Ends at once: windows destroyed without 'close', no before-quit/will-quit (Electron's documented difference from quit). */
  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.ctx.record('app.exit', code);
    this.terminate(code);
  }

  private terminate(code: number): void {
    this.exitCode = code;
    for (const win of [...this.ctx.windows]) win.destroy();
    this.ctx.shared.locks.release(this);
    this.resolveExit(code);
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const argv = this.opts.argv?.() ?? [...process.argv];
    return this.ctx.shared.locks.request(this, argv, this.opts.cwd ?? process.cwd(), additionalData);
  }
  hasSingleInstanceLock(): boolean { return this.ctx.shared.locks.holds(this); }
  releaseSingleInstanceLock(): void { this.ctx.shared.locks.release(this); }

  getName(): string { return this.name; }
  setName(name: string): void { this.name = name; }
  getVersion(): string { return this.version; }
  getAppPath(): string { return this.ctx.appPath; }
  getLocale(): string { return 'en-US'; }

  /** Electron's Linux layout under the test's HOME (appData is ~/.config; userData is named after the app). */
  getPath(name: string): string {
    const over = this.overrides.get(name);
    if (over) return over;
    const home = this.ctx.home;
    const appData = path.join(home, '.config');
    const userData = this.overrides.get('userData') ?? path.join(appData, this.name);
    const known: Record<string, string> = {
      home, appData, userData, sessionData: userData, temp: os.tmpdir(), exe: process.execPath, module: process.execPath,
      desktop: path.join(home, 'Desktop'), documents: path.join(home, 'Documents'), downloads: path.join(home, 'Downloads'),
      music: path.join(home, 'Music'), pictures: path.join(home, 'Pictures'), videos: path.join(home, 'Videos'),
      logs: path.join(userData, 'logs'), crashDumps: path.join(userData, 'Crashpad'),
    };
    const p = known[name];
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  }
  setPath(name: string, p: string): void { this.overrides.set(name, p); }

  setAppUserModelId(id: string): void { this.appUserModelId = id; }
  showAboutPanel(): void { this.aboutPanelShown++; }
  setAboutPanelOptions(options: Record<string, unknown>): void { this.aboutPanelOptions = options; }
  addRecentDocument(p: string): void { this.recentDocuments.push(p); }
  clearRecentDocuments(): void { this.recentDocuments.length = 0; }
  focus(): void { this.ctx.record('app.focus'); }
}
