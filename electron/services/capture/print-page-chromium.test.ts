/** The headless-Chromium page printer on loopback fixture pages: scripts off, the site's CSS and images, time bound, refusals, isolation. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ChromiumPrinter, chromiumAvailable } from '../export/chromium-printer';
import { createChromiumPagePrinter } from './print-page-chromium';
import { PrintRefusedError } from './print-page-html';
import { closeLazyChromiumPagePrinter, lazyChromiumPagePrinter } from './print-page-lazy';
import { hasPoppler } from '../../../tests/support/poppler';
import { CSS_MARKER, PICTURE, readPrintedPdf, startPrintFixtureServer, type PrintFixtureServer } from '../../../tests/support/print-page-fixtures';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A page whose script would replace its text, with the site's stylesheet and picture by relative links. */
const ARTICLE = `<!doctype html><html><head><title>Border report</title><link rel="stylesheet" href="/style.css"></head>
<body><h1 id="t">ORIGINAL HEADLINE</h1><p class="boxed">Troops were seen near the crossing.</p>
<img src="pic.png" width="${PICTURE.width}" height="${PICTURE.height}" alt="">
<script>document.getElementById('t').textContent = 'SCRIPT REWROTE THIS';</script></body></html>`;

describe('page printer refusals (no browser needed)', () => {
  const noBrowser = { withBrowser: () => { throw new Error('a browser was started'); } };

  test.each([
    ['application/pdf', /only HTML and plain-text pages are printed; this one is a PDF, which is its own rendered copy/],
    ['image/png', /only HTML and plain-text pages are printed; this one is of type image\/png/],
    ['', /this one is a PDF/],
  ])('a %s page is refused with a clear error before any browser starts', async (contentType, message) => {
    const print = createChromiumPagePrinter(noBrowser);
    const page = { url: 'https://news.example/a', contentType, bytes: enc('%PDF-1.7\n...') };
    const err = await print(page).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(PrintRefusedError);
    expect((err as Error).message).toMatch(/^https:\/\/news\.example\/a: /);
    expect((err as Error).message).toMatch(message);
  });

  test('the lazy printer (browser mode, CLI) refuses a PDF before loading playwright-core or starting a browser', async () => {
    const err = await lazyChromiumPagePrinter({ url: 'https://news.example/r.pdf', contentType: 'application/pdf', bytes: enc('%PDF-1.7') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrintRefusedError);
  });

  test('a print that does not finish within its time limit is given up with a message naming the page and the limit', async () => {
    const stuck = { withBrowser: () => new Promise<never>(() => undefined) };
    const err = await createChromiumPagePrinter(stuck)({ url: 'https://news.example/slow', contentType: 'text/html', bytes: enc('<p>x') }, { timeoutMs: 300 })
      .catch((e: unknown) => e as Error);
    expect((err as Error).message).toBe('https://news.example/slow: printing the captured page took longer than 300 ms and was given up.');
  });
});

describe.skipIf(!chromiumAvailable() || !hasPoppler)('page printer over headless Chromium (loopback fixtures)', () => {
  const browserHost = new ChromiumPrinter({ idleMs: 60_000 });
  const print = createChromiumPagePrinter(browserHost);
  let server: PrintFixtureServer;
  beforeAll(async () => { server = await startPrintFixtureServer(); });
  afterAll(async () => {
    await server.close();
    await browserHost.close();
  });
  afterEach(() => { server.requests.length = 0; });

  test('prints the page with scripts off, its stylesheet and its picture loaded from the site', async () => {
    const pdf = await print({ url: `${server.origin}/news/article.html`, contentType: 'text/html', bytes: enc(ARTICLE) });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text, images } = readPrintedPdf(pdf);
    expect(text).toContain('ORIGINAL HEADLINE');
    expect(text).not.toContain('SCRIPT REWROTE THIS');
    expect(text).toContain(CSS_MARKER);
    expect(images).toContainEqual(PICTURE);
    // The relative links resolved against the page's URL (the <base>), as in the analyst's browser.
    expect(server.requests).toEqual(expect.arrayContaining(['/style.css', '/news/pic.png']));
    // The header names where the page came from.
    expect(text).toContain(`${server.origin}/news/article.html`);
  });

  test('a sub-resource that never answers does not hold the print: what arrived is printed within the limit', async () => {
    const html = ARTICLE.replace('<img src="pic.png"', '<img src="/hang.png" width="50" height="50"><img src="/pic.png"');
    // Resolving at all proves the bound: past timeoutMs the printer rejects instead.
    const pdf = await print({ url: `${server.origin}/article.html`, contentType: 'text/html', bytes: enc(html) }, { timeoutMs: 8_000 });
    const { text, images } = readPrintedPdf(pdf);
    expect(server.requests).toContain('/hang.png');
    expect(text).toContain('ORIGINAL HEADLINE');
    expect(images).toContainEqual(PICTURE);
  });

  test('the lazy printer browser mode and the CLI use prints through the shared browser, which their shutdown closes', async () => {
    try {
      const { text } = readPrintedPdf(await lazyChromiumPagePrinter({ url: `${server.origin}/a.html`, contentType: 'text/html', bytes: enc(ARTICLE) }));
      expect(text).toContain('ORIGINAL HEADLINE');
    } finally {
      await closeLazyChromiumPagePrinter();
    }
  });

  test('plain text is printed as it is, in a <pre>, markup shown rather than obeyed', async () => {
    const body = 'Line one of the statement.\n    indented <b>not bold</b> & more\n';
    const { text } = readPrintedPdf(await print({ url: `${server.origin}/statement.txt`, contentType: 'text/plain', bytes: enc(body) }));
    expect(text).toContain('Line one of the statement.');
    expect(text).toContain('indented <b>not bold</b> & more');
  });

  test('a legacy charset is decoded as the capture decodes it (windows-1251 by <meta charset>)', async () => {
    const head = '<!doctype html><html><head><meta charset="windows-1251"></head><body><p>';
    const cyrillic = Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]); // "Новости" in windows-1251
    const bytes = Buffer.concat([Buffer.from(head, 'latin1'), cyrillic, Buffer.from('</p></body></html>', 'latin1')]);
    const { text } = readPrintedPdf(await print({ url: `${server.origin}/ru.html`, contentType: 'text/html', bytes }));
    expect(text).toContain('Новости');
  });

  test('the header charset the fetch recorded decides over the default (KOI8-R, nothing declared in the page)', async () => {
    const koi = Buffer.from([0xee, 0xcf, 0xd7, 0xcf, 0xd3, 0xd4, 0xc9]); // "Новости" in KOI8-R
    const bytes = Buffer.concat([Buffer.from('<!doctype html><p>', 'latin1'), koi, Buffer.from('</p>', 'latin1')]);
    const { text } = readPrintedPdf(await print({ url: `${server.origin}/koi.html`, contentType: 'text/html', headerCharset: 'koi8-r', bytes }));
    expect(text).toContain('Новости');
  });

  test('a meta refresh does not carry the print away to another page', async () => {
    const html = '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/page.html"></head><body><p>STAYED HERE</p></body></html>';
    const { text } = readPrintedPdf(await print({ url: `${server.origin}/refresh.html`, contentType: 'text/html', bytes: enc(html) }));
    expect(text).toContain('STAYED HERE');
    expect(server.requests).not.toContain('/page.html');
  });

  test('the print cannot read local files: file: stylesheets, images and frames stay out of the PDF', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-secret-'));
    try {
      fs.writeFileSync(path.join(dir, 'leak.css'), 'body::before { content: "LEAKED STYLESHEET"; }');
      fs.writeFileSync(path.join(dir, 'secret.txt'), 'LEAKED FILE CONTENT');
      fs.writeFileSync(path.join(dir, 'secret.png'), Buffer.from('not used'));
      const f = (name: string) => `file://${path.join(dir, name)}`;
      const html = `<!doctype html><html><head><link rel="stylesheet" href="${f('leak.css')}"></head><body><p>PAGE TEXT</p>`
        + `<iframe src="${f('secret.txt')}"></iframe><object data="${f('secret.txt')}"></object><img src="${f('secret.png')}"></body></html>`;
      const { text } = readPrintedPdf(await print({ url: `${server.origin}/local.html`, contentType: 'text/html', bytes: enc(html) }));
      expect(text).toContain('PAGE TEXT');
      expect(text).not.toContain('LEAKED');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a page from a public host cannot make the printer reach loopback (where browser mode serves the app\'s API)', async () => {
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${server.origin}/style.css"></head>`
      + `<body><p>PUBLIC PAGE</p><img src="${server.origin}/pic.png"><img src="http://localhost:${new URL(server.origin).port}/pic.png"></body></html>`;
    const pdf = await print({ url: 'https://news.example/public.html', contentType: 'text/html', bytes: enc(html) });
    const { text } = readPrintedPdf(pdf);
    expect(text).toContain('PUBLIC PAGE');
    expect(text).not.toContain(CSS_MARKER);
    expect(server.requests).toEqual([]);
  });
});
