/** PdfPrinter for the desktop app: a hidden, sandboxed window loads the dossier HTML from a temp file and prints it with printToPDF. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { PdfPrinter } from '../services/export/pdf-printer';
import { electronPdfOptions } from '../services/export/print-options';
import { stampPdfInfo } from '../services/export/pdf-info';

/** An in-memory session of its own (no "persist:"), so nothing of the app's session is shared. */
const PARTITION = 'dossier-print';
/** The temp files being printed: the only file: URLs this session may load. */
const allowedFiles = new Set<string>();
let guarded = false;

function printSession(): Electron.Session {
  const ses = session.fromPartition(PARTITION);
  if (!guarded) {
    // No network and no other local file: the document is standalone and must stay so.
    ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !(details.url.startsWith('data:') || allowedFiles.has(details.url)) }));
    ses.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
    ses.setPermissionCheckHandler(() => false);
    guarded = true;
  }
  return ses;
}

/** How long loading the HTML, and then printing it, may each take before the export gives up. */
const DEFAULT_TIMEOUT_MS = 60_000;

export interface ElectronPdfPrinterOptions {
  /** Time limit for loadURL and for printToPDF, each (tests pass a shorter one). */
  timeoutMs?: number;
}

/** Rejects with a clear message if `step` has not settled within `ms`; a late settlement of `step` is ignored (and handled). */
function withTimeout<T>(step: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const seconds = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Printing the dossier timed out after ${seconds}; nothing was written.`)), ms);
  });
  return Promise.race([step, limit]).finally(() => clearTimeout(timer));
}

/** Destroys the hidden window unless quitting already did; a failure here must never hide the print's own outcome. */
function destroyQuietly(win: BrowserWindow | null): void {
  try {
    if (win && !win.isDestroyed()) win.destroy();
  } catch (e) {
    console.warn(`[pdf-printer] could not close the print window: ${(e as Error).message}`);
  }
}

export function createElectronPdfPrinter(options: ElectronPdfPrinterOptions = {}): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (html, opts) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-print-'));
    const file = path.join(dir, 'dossier.html');
    const url = pathToFileURL(file).href;
    let win: BrowserWindow | null = null;
    try {
      try {
        fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
        allowedFiles.add(url);
        win = new BrowserWindow({
          show: false,
          width: 1024,
          height: 1400,
          webPreferences: {
            session: printSession(), sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false,
            webSecurity: true, spellcheck: false, images: true,
          },
        });
        opts.onProgress?.(0.2, 'Laying out');
        await withTimeout(win.loadURL(url), timeoutMs);
        opts.onProgress?.(0.4, 'Printing');
        const pdf = await withTimeout(win.webContents.printToPDF(electronPdfOptions(opts.title)), timeoutMs);
        opts.onProgress?.(1, 'Printed');
        return stampPdfInfo(new Uint8Array(pdf), { title: opts.title, author: opts.author });
      } catch (e) {
        // Quitting destroys every window; Electron's own error for the dead page says nothing useful to the user.
        if (win?.isDestroyed()) throw new Error('Printing the dossier stopped because its window was closed (is the app quitting?); nothing was written.', { cause: e });
        throw e;
      } finally {
        allowedFiles.delete(url);
        destroyQuietly(win);
      }
    } finally {
      // Its own finally: the dossier's HTML must not stay in the temp folder whatever happened above.
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch (e) {
        console.warn(`[pdf-printer] could not remove ${dir}: ${(e as Error).message}`);
      }
    }
  };
}
