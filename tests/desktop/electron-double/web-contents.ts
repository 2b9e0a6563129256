/**
 * `webContents`, backed by a real page in its own Chromium context: loadURL (app:// through the protocol double),
 * send to the preload's listeners, printToPDF through page.pdf, stop through CDP, will-(frame-)navigate and the window-open handler
 * from the page's real navigations, and the session's onBeforeRequest.
 */
import { EventEmitter } from 'node:events';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { preventable } from './events';
import { DELIVER, installPreload } from './ipc';
import type { DoubleContext } from './context';
import type { SessionDouble } from './session';
import type { BrowserWindowDouble } from './browser-window';

export interface WebPreferences {
  preload?: string;
  session?: SessionDouble;
  partition?: string;
  javascript?: boolean;
  [key: string]: unknown;
}

/** Playwright's resource type under Electron's webRequest name (a document is a mainFrame or subFrame there). */
function electronResourceType(type: string, frame: { parentFrame(): unknown } | null): string {
  if (type === 'document') return frame && frame.parentFrame() !== null ? 'subFrame' : 'mainFrame';
  return ({ fetch: 'xhr', websocket: 'webSocket' } as Record<string, string>)[type] ?? type;
}

type OpenHandler = (details: Record<string, unknown>) => { action: 'allow' | 'deny' };
let nextId = 1;

export class WebContentsDouble extends EventEmitter {
  readonly id = nextId++;
  readonly session: SessionDouble;
  /** Recorded calls of main's that only change what a real window shows (openDevTools, edit commands…). */
  readonly calls: { method: string; args: unknown[] }[] = [];
  page: Page | null = null;
  private context: BrowserContext | null = null;
  private readonly opened: Promise<Page>;
  private openHandler: OpenHandler | null = null;
  private destroyed = false;
  /** The loopback URL loadURL is navigating to: a browser-initiated navigation, which emits no will-navigate. */
  private loading: string | null = null;

  constructor(private readonly ctx: DoubleContext, readonly owner: BrowserWindowDouble, readonly prefs: WebPreferences, size: { width: number; height: number }) {
    super();
    this.session = prefs.session ?? ctx.sessions.fromPartition(prefs.partition ?? '');
    this.opened = this.open(size);
    this.opened.catch((e: unknown) => ctx.record('window.open-failed', String(e)));
  }

  private async open(size: { width: number; height: number }): Promise<Page> {
    const bc = await this.ctx.shared.browser.newContext({ javaScriptEnabled: this.prefs.javascript !== false, viewport: size });
    this.context = bc;
    if (this.prefs.preload) await installPreload(this.ctx, bc, this, this.prefs.preload);
    await bc.route('**/*', (route) => this.route(route));
    const page = await bc.newPage();
    page.on('pageerror', (e) => this.ctx.record('page.error', { id: this.id, message: e.message }));
    page.on('console', (m) => { if (m.type() === 'error') this.ctx.record('page.console-error', { id: this.id, text: m.text() }); });
    this.page = page;
    if (this.destroyed) await bc.close();
    return page;
  }

  /** Every request of the page: navigations first go through will-frame-navigate / will-navigate, then onBeforeRequest. */
  private async route(route: Route): Promise<void> {
    const req = route.request();
    const url = this.ctx.protocol.fromLoopback(req.url()) ?? req.url();
    let frame = null;
    try { frame = req.frame(); } catch { /* a navigation issued before its frame exists: a popup */ }
    if (req.isNavigationRequest() && (!frame || frame.page() !== this.page)) {
      await route.abort('aborted');
      await frame?.page().close().catch(() => undefined);
      this.windowOpen(url);
      return;
    }
    if (req.isNavigationRequest() && req.url() !== this.loading && frame) {
      const isMainFrame = frame.parentFrame() === null;
      const details = { url, isMainFrame, isSameDocument: false, frame: { url: this.ctx.protocol.fromLoopback(frame.url()) ?? frame.url() } };
      const frameNav = preventable(details);
      this.emit('will-frame-navigate', frameNav);
      if (frameNav.defaultPrevented) return route.abort('aborted');
      if (isMainFrame) {
        const nav = preventable(details);
        this.emit('will-navigate', nav, url, false, true);
        if (nav.defaultPrevented) return route.abort('aborted');
      }
    }
    const allowed = await this.session.allowRequest({ url, method: req.method(), resourceType: electronResourceType(req.resourceType(), frame), webContentsId: this.id });
    return allowed ? route.continue() : route.abort('blockedbyclient');
  }

  private windowOpen(url: string): void {
    const details = { url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' } };
    const answer = this.openHandler ? this.openHandler(details) : { action: 'allow' as const };
    // No second window is opened for an 'allow' (the app never allows one); it is recorded so a test would see it.
    this.ctx.record('window-open', { url, action: answer.action });
  }

  setWindowOpenHandler(handler: OpenHandler): void { this.openHandler = handler; }

  /** Resolves when the page has loaded (did-finish-load), rejects as Electron does (ERR_… loading 'url'). */
  async loadURL(url: string): Promise<void> {
    const page = await this.opened;
    const target = (await this.ctx.protocol.toLoopback(url)) ?? url;
    // file: and data: never reach a route: the session's onBeforeRequest is asked here instead.
    if (!/^https?:/.test(target) && !(await this.session.allowRequest({ url, method: 'GET', resourceType: 'mainFrame', webContentsId: this.id }))) {
      this.emit('did-fail-load', preventable(), -20, 'ERR_BLOCKED_BY_CLIENT', url, true);
      throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    }
    this.loading = target;
    try {
      await page.goto(target, { waitUntil: 'load' });
    } catch (e) {
      const code = /net::(ERR_[A-Z_]+)/.exec(String(e))?.[1] ?? 'ERR_FAILED';
      this.emit('did-fail-load', preventable(), -2, code, url, true);
      throw new Error(`${code} loading '${url}'`, { cause: e });
    } finally {
      this.loading = null;
    }
    this.emit('dom-ready', preventable());
    this.emit('did-finish-load', preventable());
    this.owner.pageLoaded(await page.title());
  }

  getURL(): string {
    const raw = this.page?.url() ?? '';
    return this.ctx.protocol.fromLoopback(raw) ?? raw;
  }

  /** Delivered to the preload's ipcRenderer.on listeners (fire and forget, like Electron; failures are recorded). */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const p = this.opened.then((page) => page.evaluate(([name, ch, a]) => {
      const deliver = (window as unknown as Record<string, (c: string, x: unknown[]) => void>)[name];
      deliver?.(ch, a);
    }, [DELIVER, channel, args] as const)).catch((e: unknown) => this.ctx.record('send.failed', { channel, error: String(e) }));
    this.ctx.track(p);
  }

  /** The CDP Page.stopLoading that stop() sent, awaited by printToPDF (Electron's stop is synchronous). */
  private stopping: Promise<void> = Promise.resolve();

  /** Stops loading as Electron's does: sub-resources still in flight are cancelled, what arrived stays. */
  stop(): void {
    this.calls.push({ method: 'stop', args: [] });
    this.stopping = this.opened.then(async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.stopLoading');
      await cdp.detach();
    }).catch((e: unknown) => this.ctx.record('stop.failed', String(e)));
    this.ctx.track(this.stopping);
  }

  /** Electron's options mapped onto page.pdf (inches to CSS inches; the page size by name or in inches). */
  async printToPDF(o: Record<string, unknown> = {}): Promise<Buffer> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const page = await this.opened;
    await this.stopping;
    if (this.ctx.printDelayMs) await new Promise((r) => setTimeout(r, this.ctx.printDelayMs));
    const m = (o.margins ?? {}) as Record<string, number>;
    const inch = (n: number | undefined) => (n === undefined ? undefined : `${n}in`);
    const size = o.pageSize;
    this.calls.push({ method: 'printToPDF', args: [o] });
    return page.pdf({
      ...(typeof size === 'string' ? { format: size } : size ? { width: inch((size as { width: number }).width), height: inch((size as { height: number }).height) } : { format: 'Letter' }),
      landscape: Boolean(o.landscape), printBackground: Boolean(o.printBackground), scale: (o.scale as number) ?? 1,
      displayHeaderFooter: Boolean(o.displayHeaderFooter), headerTemplate: o.headerTemplate as string, footerTemplate: o.footerTemplate as string,
      pageRanges: (o.pageRanges as string) ?? '', preferCSSPageSize: Boolean(o.preferCSSPageSize),
      margin: { top: inch(m.top), bottom: inch(m.bottom), left: inch(m.left), right: inch(m.right) },
      tagged: Boolean(o.generateTaggedPDF), outline: Boolean(o.generateDocumentOutline),
    });
  }

  executeJavaScript(code: string): Promise<unknown> { return this.opened.then((p) => p.evaluate(code)); }
  isDestroyed(): boolean { return this.destroyed; }
  isLoading(): boolean { return this.loading !== null; }
  getTitle(): string { return this.owner.getTitle(); }
  focus(): void { this.owner.focus(); }
  reload(): void { this.calls.push({ method: 'reload', args: [] }); this.ctx.track(this.opened.then((p) => p.reload())); }

  /** Main-process calls with no effect the tests read from the page: recorded (undo, copy, openDevTools…). */
  private note(method: string, args: unknown[]): void { this.calls.push({ method, args }); }
  openDevTools(...a: unknown[]): void { this.note('openDevTools', a); }
  closeDevTools(): void { this.note('closeDevTools', []); }
  undo(): void { this.note('undo', []); }
  redo(): void { this.note('redo', []); }
  cut(): void { this.note('cut', []); }
  copy(): void { this.note('copy', []); }
  paste(): void { this.note('paste', []); }
  selectAll(): void { this.note('selectAll', []); }
  delete(): void { this.note('delete', []); }
  replaceMisspelling(word: string): void { this.note('replaceMisspelling', [word]); }

  /** Called by the window: closes the page and its context in the background (awaited on dispose). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
    this.ctx.track(this.opened.then(() => this.context?.close()).catch(() => undefined));
  }
}
