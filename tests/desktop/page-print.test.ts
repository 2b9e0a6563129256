/**
 * Captured pages printed by main: the services host asks over its port (printPage), main prints in a hidden, sandboxed
 * window with scripts off (electron/main/page-printer.ts); here through the electron double's real Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { callInPage, launch, mainWindow, teardown, type Launched } from './harness';
import type { BrowserWindowDouble } from './electron-double';
import { skipReason, useChromium } from './suite';
import { hasPoppler } from '../support/poppler';
import { CSS_MARKER, PICTURE, readPrintedPdf, startPrintFixtureServer, type PrintFixtureServer } from '../support/print-page-fixtures';
import { printableHtml } from '../../electron/services/capture/print-page-html';
import type { CaptureArtifact, CaptureOutcome } from '../../shared/contract/views-capture';

/** A news page whose script would rewrite it, with the site's CSS and picture, a meta refresh and an iframe to stay out of. */
const ARTICLE = `<!doctype html><html><head><title>Border report</title><meta http-equiv="refresh" content="0; url=/moved.html">
<link rel="stylesheet" href="style.css"></head><body><h1 id="t">ORIGINAL HEADLINE</h1><p class="boxed">Troops were seen near the crossing.</p>
<img src="pic.png" width="${PICTURE.width}" height="${PICTURE.height}" alt=""><iframe src="/frame.html"></iframe>
<script>document.getElementById('t').textContent = 'SCRIPT REWROTE THIS';</script></body></html>`;

/** The windows main creates from now on. */
function watchWindows(app: Launched): BrowserWindowDouble[] {
  const created: BrowserWindowDouble[] = [];
  app.double.app.on('browser-window-created', (_e: unknown, w: BrowserWindowDouble) => created.push(w));
  return created;
}

describe.skipIf(skipReason ?? (hasPoppler ? null : 'poppler-utils is not installed'))('captured pages printed by main (electron double, real Chromium)', () => {
  const { machine } = useChromium();
  let app: Launched | null = null;
  let server: PrintFixtureServer | null = null;
  afterEach(async () => {
    await teardown(app);
    await server?.close();
    app = null;
    server = null;
  });

  test('capture.url: main prints the page in a hidden sandboxed window with scripts off, with the site\'s CSS and picture, and no link prompt', async () => {
    server = await startPrintFixtureServer(ARTICLE);
    app = await launch({ shared: machine() });
    const created = watchWindows(app);
    const { page } = await mainWindow(app);
    const outcome = await callInPage<CaptureOutcome>(page, 'capture.url', { url: `${server.origin}/page.html` });
    expect(outcome.source.capture?.renderError).toBeUndefined();
    expect(outcome.source.capture?.rendered).not.toBeNull();

    const art = await callInPage<CaptureArtifact>(page, 'capture.artifact', { sourceId: outcome.source.id, which: 'rendered' });
    const { text, images } = readPrintedPdf(Buffer.from(art.dataBase64, 'base64'));
    expect(text).toContain('ORIGINAL HEADLINE');
    expect(text).not.toContain('SCRIPT REWROTE THIS');
    expect(text).toContain(CSS_MARKER);
    expect(images).toContainEqual(PICTURE);
    // Neither the refresh nor the frame was followed, and nobody was asked to open a link.
    expect(server.requests).not.toContain('/moved.html');
    expect(server.requests).not.toContain('/frame.html');
    expect(app.double.dialog.calls).toEqual([]);

    const printer = created.find((w) => w.webContents.calls.some((c) => c.method === 'printToPDF'));
    expect(printer, 'a window that printed').toBeDefined();
    expect(printer!.options.show).toBe(false);
    expect(printer!.webContents.prefs).toMatchObject({ sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false });
    expect(printer!.webContents.prefs.preload).toBeUndefined();
    expect(printer!.webContents.session.partition).toBe('page-print');
    expect(printer!.webContents.calls.find((c) => c.method === 'printToPDF')!.args[0]).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(printer!.isDestroyed()).toBe(true);
    expect(app.double.windows()).toHaveLength(1);
  });

  test('a sub-resource that never answers is given up and the rest printed; local files stay out of the file: document\'s print', async () => {
    server = await startPrintFixtureServer();
    app = await launch({ shared: machine() });
    const created = watchWindows(app);
    await mainWindow(app);
    // The module main itself runs (same registry, same electron double, the app's guards installed).
    const { createElectronPagePrinter } = await import('../../electron/main/page-printer');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-secret-'));
    try {
      fs.writeFileSync(path.join(dir, 'leak.css'), 'body::before { content: "LEAKED STYLESHEET"; }');
      fs.writeFileSync(path.join(dir, 'secret.txt'), 'LEAKED FILE CONTENT');
      const f = (name: string) => `file://${path.join(dir, name)}`;
      const html = `<!doctype html><html><head><link rel="stylesheet" href="${f('leak.css')}"><link rel="stylesheet" href="/style.css"></head>`
        + `<body><p>PAGE TEXT</p><img src="/hang.png" width="40" height="40"><img src="/pic.png"><iframe src="${f('secret.txt')}"></iframe></body></html>`;
      const url = `${server.origin}/local.html`;
      const guarded = printableHtml({ url, contentType: 'text/html', bytes: new TextEncoder().encode(html) });
      // Resolving at all is the bound: past timeoutMs the printer rejects.
      const pdf = await createElectronPagePrinter()({ html: guarded, url, timeoutMs: 10_000 });
      const { text, images } = readPrintedPdf(pdf);
      expect(text).toContain('PAGE TEXT');
      expect(text).toContain(CSS_MARKER);
      expect(text).not.toContain('LEAKED');
      expect(images).toContainEqual(PICTURE);
      expect(server.requests).toContain('/hang.png');
      const printer = created.find((w) => w.webContents.calls.some((c) => c.method === 'printToPDF'));
      expect(printer!.webContents.calls.map((c) => c.method)).toEqual(['stop', 'printToPDF']);
      expect(printer!.isDestroyed()).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
