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

export function createElectronPdfPrinter(): PdfPrinter {
  return async (html, opts) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-print-'));
    const file = path.join(dir, 'dossier.html');
    fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
    const url = pathToFileURL(file).href;
    allowedFiles.add(url);
    const win = new BrowserWindow({
      show: false,
      width: 1024,
      height: 1400,
      webPreferences: {
        session: printSession(), sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false,
        webSecurity: true, spellcheck: false, images: true,
      },
    });
    try {
      opts.onProgress?.(0.2, 'Laying out');
      await win.loadURL(url);
      opts.onProgress?.(0.4, 'Printing');
      const pdf = await win.webContents.printToPDF(electronPdfOptions(opts.title));
      opts.onProgress?.(1, 'Printed');
      return stampPdfInfo(new Uint8Array(pdf), { title: opts.title, author: opts.author });
    } finally {
      allowedFiles.delete(url);
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
