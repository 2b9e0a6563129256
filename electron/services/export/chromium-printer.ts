/** PdfPrinter over headless Chromium (playwright-core): one browser per process, reused across exports, closed when idle. */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { PdfPrinter } from './pdf-printer';
import { chromiumPdfOptions } from './print-options';
import { stampPdfInfo } from './pdf-info';

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
export const chromiumAvailable = (): boolean => fs.existsSync(chromiumPath());

export class ChromiumPrinter {
  private browser: Promise<Browser> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private active = 0;

  constructor(private readonly opts: { executablePath?: string; idleMs?: number } = {}) {}

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const launching = chromium.launch({ executablePath: this.opts.executablePath ?? chromiumPath(), args: LAUNCH_ARGS });
      this.browser = launching;
      // A failed launch must not be cached: the next export tries again.
      launching.then((b) => b.on('disconnected', () => { if (this.browser === launching) this.browser = null; }),
        () => { if (this.browser === launching) this.browser = null; });
    }
    return this.browser;
  }

  /** Prints standalone HTML; nothing may be fetched (every request but data: is aborted). */
  readonly print: PdfPrinter = async (html, opts) => {
    this.active++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      opts.onProgress?.(0, 'Starting the PDF engine');
      const browser = await this.launch();
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        await context.route('**', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        const page = await context.newPage();
        opts.onProgress?.(0.2, 'Laying out');
        await page.setContent(html, { waitUntil: 'load' });
        opts.onProgress?.(0.4, 'Printing');
        const pdf = await page.pdf(chromiumPdfOptions(opts.title));
        opts.onProgress?.(1, 'Printed');
        return stampPdfInfo(new Uint8Array(pdf), { title: opts.title, author: opts.author });
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.active--;
      this.scheduleIdleClose();
    }
  };

  /**
   * Runs `use` with the shared browser, counted as a print in flight so the idle close cannot pull it away meanwhile
   * (the captured-page printer, print-page-chromium.ts, shares this one browser with dossier exports).
   */
  async withBrowser<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
    this.active++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      return await use(await this.launch());
    } finally {
      this.active--;
      this.scheduleIdleClose();
    }
  }

  private scheduleIdleClose(): void {
    if (this.active > 0) return;
    this.idleTimer = setTimeout(() => void this.close(), this.opts.idleMs ?? 60_000);
    this.idleTimer.unref();
  }

  /** Closes the browser (the next print starts a new one). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const b = this.browser;
    this.browser = null;
    if (b) await b.then((x) => x.close(), () => undefined);
  }
}

let shared: ChromiumPrinter | null = null;

/** The process-wide printer (browser mode server, CLI): one browser reused across exports. */
export function sharedChromiumPrinter(): ChromiumPrinter {
  shared ??= new ChromiumPrinter();
  return shared;
}
