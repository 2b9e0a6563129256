/**
 * PagePrinter for the CLI and browser mode: headless Chromium (playwright-core, the dossier printer's shared browser)
 * prints a captured page with scripts off, in a fresh context that may fetch only the page's stylesheets, images and fonts.
 */
import { errors, type BrowserContext, type Page } from 'playwright-core';
import { sharedChromiumPrinter, type ChromiumPrinter } from '../export/chromium-printer';
import type { PagePrinter } from './types';
import { printableHtml } from './print-page-html';
import { chromiumPagePdfOptions, loadBudgetMs, PAGE_PRINT_TIMEOUT_MS, printRequestAllowed } from './print-page-policy';

const seconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

/** Stops the page's loads still in flight (a sub-resource that never answers), so what arrived is printed now. */
async function stopLoading(tab: Page): Promise<void> {
  const cdp = await tab.context().newCDPSession(tab);
  try {
    await cdp.send('Page.stopLoading');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Loads the HTML and waits for its sub-resources for at most `budgetMs`, then prints whatever has arrived. */
async function loadWithin(tab: Page, html: string, budgetMs: number): Promise<void> {
  try {
    // timeout 0 means "no limit" to Playwright: a spent budget still gets a token wait.
    await tab.setContent(html, { waitUntil: 'load', timeout: Math.max(1, budgetMs) });
  } catch (e) {
    if (!(e instanceof errors.TimeoutError)) throw e;
    await stopLoading(tab);
  }
}

/** A fresh context per print: nothing (cookies, cache, storage) is shared with another print or with the app. */
async function openContext(browser: Parameters<Parameters<ChromiumPrinter['withBrowser']>[0]>[0], pageUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, viewport: { width: 1280, height: 900 },
  });
  // Every request the page makes passes here: only http(s) GETs for its stylesheets, images and fonts go out.
  await context.route('**/*', (route) => {
    const r = route.request();
    const allowed = printRequestAllowed(pageUrl, { url: r.url(), method: r.method(), resourceType: r.resourceType() });
    return (allowed ? route.continue() : route.abort('blockedbyclient')).catch(() => undefined);
  });
  return context;
}

export function createChromiumPagePrinter(host: Pick<ChromiumPrinter, 'withBrowser'> = sharedChromiumPrinter()): PagePrinter {
  return async (page, opts = {}) => {
    const timeoutMs = opts.timeoutMs ?? PAGE_PRINT_TIMEOUT_MS;
    // Refused (not HTML or text) before a browser is started.
    const html = printableHtml(page);
    const started = Date.now();
    let context: BrowserContext | null = null;
    let timedOut = false;
    const work = host.withBrowser(async (browser) => {
      context = await openContext(browser, page.url);
      if (timedOut) throw new Error('timed out');
      const tab = await context.newPage();
      await loadWithin(tab, html, loadBudgetMs(timeoutMs, Date.now() - started));
      return new Uint8Array(await tab.pdf(chromiumPagePdfOptions(page.url)));
    }).finally(() => (context as BrowserContext | null)?.close().catch(() => undefined));

    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        // Closing the context ends whatever step is still running; its own rejection is then ignored.
        void (context as BrowserContext | null)?.close().catch(() => undefined);
        reject(new Error(`${page.url}: printing the captured page took longer than ${seconds(timeoutMs)} and was given up.`));
      }, timeoutMs);
    });
    work.catch(() => undefined);
    return Promise.race([work, limit]).finally(() => clearTimeout(timer));
  };
}

let shared: PagePrinter | null = null;

/** The process-wide page printer (browser mode, CLI) over the shared browser, which `sharedChromiumPrinter().close()` ends. */
export function sharedChromiumPagePrinter(): PagePrinter {
  shared ??= createChromiumPagePrinter();
  return shared;
}
