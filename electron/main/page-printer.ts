/**
 * The desktop half of the captured-page printer: a hidden, sandboxed window with scripts off loads the page the
 * services host prepared (print-page-html.ts) from a private temp file and prints it with printToPDF.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { electronPagePdfOptions, loadBudgetMs, printRequestAllowed } from '../services/capture/print-page-policy';

/** What the services host sends: the guarded HTML, the page's address (header, request policy) and the time limit. */
export interface PagePrintRequest { html: string; url: string; timeoutMs: number }
export type HostPagePrinter = (req: PagePrintRequest) => Promise<Uint8Array>;

/** An in-memory session of its own: no cookie, cache or storage of the app's (or of a dossier print) is shared. */
const PARTITION = 'page-print';
/** The temp files being printed (the only file: URLs loaded), and the page each print window shows. */
const files = new Set<string>();
const pageOf = new Map<number, string>();
let guarded = false;

interface RequestDetails { url: string; method: string; resourceType: string; webContentsId?: number }

/** Its own temp file as the main frame; else only what print-page-policy allows the window's page (stylesheets, images, fonts). */
export function pagePrintRequestAllowed(d: RequestDetails): boolean {
  if (files.has(d.url)) return d.resourceType === 'mainFrame';
  const page = d.webContentsId === undefined ? undefined : pageOf.get(d.webContentsId);
  return page !== undefined && printRequestAllowed(page, d);
}

function printSession(): Electron.Session {
  const ses = session.fromPartition(PARTITION);
  if (!guarded) {
    ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !pagePrintRequestAllowed(details) }));
    ses.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
    ses.setPermissionCheckHandler(() => false);
    guarded = true;
  }
  return ses;
}

const seconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

/**
 * The app's own guards (index.ts) attach to every web contents and offer a blocked link to the user: a captured
 * page's meta refresh or iframe would ask "Open this link?" in the middle of a capture. This window goes nowhere, silently.
 */
function stayPut(wc: Electron.WebContents): void {
  const stop = (e: { preventDefault(): void }): void => e.preventDefault();
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
    wc.removeAllListeners(event);
    wc.on(event as 'will-navigate', stop);
  }
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Loads the file and waits for its sub-resources at most `budgetMs`; then stops the load and prints what arrived. */
async function loadWithin(win: BrowserWindow, fileUrl: string, budgetMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const load = win.loadURL(fileUrl).then(() => 'loaded' as const);
  const budget = new Promise<'budget'>((resolve) => { timer = setTimeout(() => resolve('budget'), budgetMs); });
  try {
    if ((await Promise.race([load, budget])) === 'budget') {
      // Stopping makes loadURL reject (ERR_ABORTED): expected, and not the print's outcome.
      load.catch(() => undefined);
      win.webContents.stop();
    }
  } finally {
    clearTimeout(timer);
  }
}

function withLimit<T>(step: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([step, limit]).finally(() => clearTimeout(timer));
}

/** Destroys the window unless quitting already did; a failure here must never hide the print's own outcome. */
function destroyQuietly(win: BrowserWindow | null): void {
  try {
    if (win && !win.isDestroyed()) win.destroy();
  } catch (e) {
    console.warn(`[page-printer] could not close the print window: ${(e as Error).message}`);
  }
}

export function createElectronPagePrinter(): HostPagePrinter {
  return async ({ html, url, timeoutMs }) => {
    const started = Date.now();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-page-print-'));
    const fileUrl = pathToFileURL(path.join(dir, 'page.html')).href;
    const tooLong = `${url}: printing the captured page took longer than ${seconds(timeoutMs)} and was given up.`;
    let win: BrowserWindow | null = null;
    let id: number | null = null;
    try {
      fs.writeFileSync(path.join(dir, 'page.html'), html, { encoding: 'utf8', mode: 0o600 });
      files.add(fileUrl);
      const w = (win = new BrowserWindow({
        show: false, width: 1280, height: 900,
        webPreferences: {
          session: printSession(), sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false,
          webSecurity: true, spellcheck: false, images: true, webgl: false, plugins: false,
          // As every window of the app (window-options.ts): no middle-click window opening, no drag-drop navigation.
          disableBlinkFeatures: 'Auxclick', navigateOnDragDrop: false, nodeIntegrationInSubFrames: false, experimentalFeatures: false,
        },
      }));
      id = w.webContents.id;
      pageOf.set(id, url);
      stayPut(w.webContents);
      const work = loadWithin(w, fileUrl, loadBudgetMs(timeoutMs, Date.now() - started))
        .then(() => w.webContents.printToPDF(electronPagePdfOptions(url)));
      work.catch(() => undefined);
      return new Uint8Array(await withLimit(work, Math.max(1, timeoutMs - (Date.now() - started)), tooLong));
    } catch (e) {
      // Quitting destroys every window; Electron's own error for the dead page says nothing useful.
      if (win?.isDestroyed()) throw new Error(`${url}: printing stopped because its window was closed (is the app quitting?).`, { cause: e });
      throw e;
    } finally {
      files.delete(fileUrl);
      if (id !== null) pageOf.delete(id);
      destroyQuietly(win);
      // The page's HTML must not stay in the temp folder whatever happened above.
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch (e) {
        console.warn(`[page-printer] could not remove ${dir}: ${(e as Error).message}`);
      }
    }
  };
}
