/**
 * The browser extension, loaded unpacked into Debian's Chromium: paired through its popup with a code from browser
 * mode, it sends a page (its DOM after scripts ran) and a selection; an unpaired sender and a web page are refused.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
const extensionDir = path.join(root, 'extension');
const ARTICLE = fs.readFileSync(path.join(root, 'tests/fixtures/extension/article.html'));
const TITLE = 'Harbour bridge reopens after two years of repairs';
const SCRIPT_SENTENCE = 'Traffic counters installed by the page script recorded nine thousand crossings in the first hour.';
const SELECTED = 'two winters that were harder than forecast';

let server: E2EServer | null = null;
let site: http.Server | null = null;
let context: BrowserContext | null = null;
test.afterEach(async () => {
  await context?.close();
  await server?.stop();
  await new Promise((r) => (site ? site.close(r) : r(null)));
  context = null;
  server = null;
  site = null;
});

/** The "news site": serves the fixture article on 127.0.0.1 (no internet here). */
async function startSite(): Promise<string> {
  site = http.createServer((req, res) => {
    if (req.url !== '/2026/12/harbour-bridge.html') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(ARTICLE);
  });
  await new Promise<void>((r) => site!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}/2026/12/harbour-bridge.html`;
}

async function launchWithExtension(): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-ext-profile-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Playwright's own headless switch starts the old headless mode, which cannot load extensions; the new one can.
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
  return { context: ctx, worker, extensionId: new URL(worker.url()).host };
}

/** Pairs the way an analyst does: the code from the app, typed into the extension's popup. */
async function pairThroughPopup(ctx: BrowserContext, extensionId: string, srv: E2EServer): Promise<Page> {
  const { code, endpoint } = await callApi<{ code: string; endpoint: string }>(srv, 'extension.pairingCode', {});
  expect(endpoint).toBe(srv.origin);
  const popup = await ctx.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('#endpoint')).toHaveValue('http://127.0.0.1:47615');
  await popup.locator('#endpoint').fill(endpoint);
  await popup.locator('#code').fill(code.toLowerCase());
  await popup.locator('#pair').click();
  await expect(popup.locator('#status')).toHaveText(`Paired with the workbench at ${endpoint}.`);
  await expect(popup.locator('#send')).toBeVisible();
  return popup;
}

/** Selects `text` in the page as a drag would (a DOM Range over the text nodes). */
async function select(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const flat = nodes.map((n) => n.data.replace(/\s+/g, ' '));
    // The needle is as rendered (single spaces); match it inside one text node, whitespace-insensitively.
    const i = flat.findIndex((d) => d.includes(needle));
    if (i < 0) return false;
    const node = nodes[i]!;
    const re = new RegExp(needle.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    const m = re.exec(node.data)!;
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return true;
  }, text);
  expect(found, `not in the page: ${text}`).toBe(true);
}

/** What a context-menu click does (menus cannot be clicked headless): the background's own send function. */
function sendFromWorker(worker: Worker, pageUrl: string, withSelection: boolean) {
  return worker.evaluate(async ({ pageUrl: url, withSelection: sel }) => {
    const g = globalThis as unknown as { chrome: ChromeLike; workbenchExtension: { sendTab(id: number, s: boolean): Promise<Record<string, unknown>> } };
    const [tab] = await g.chrome.tabs.query({ url });
    const ext = g.workbenchExtension;
    return ext.sendTab(tab!.id!, sel);
  }, { pageUrl, withSelection });
}

/** The little of the WebExtension API the worker-side snippets use (no @types/chrome here). */
interface ChromeLike {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

interface SourceRow { id: string; meta: { title: string; url: string }; capture?: { method: string; userAgent: string; status: number } }

test('the extension, paired by code, sends a page and a selection into browser mode; unpaired senders are refused', async ({ page }) => {
  server = await startServer();
  const articleUrl = await startSite();
  const launched = await launchWithExtension();
  context = launched.context;
  const { worker } = launched;
  const popup = await pairThroughPopup(context, launched.extensionId, server);
  const before = (await callApi<SourceRow[]>(server, 'sources.list', {})).length;

  // Send page: the DOM after the page's script ran, with the tab's address and the browser's user agent.
  const tab = await context.newPage();
  await tab.goto(articleUrl);
  await expect(tab.locator('#late')).toHaveText(SCRIPT_SENTENCE);
  const sent = await sendFromWorker(worker, articleUrl, false);
  expect(sent, JSON.stringify(sent)).toMatchObject({ ok: true, message: `Sent “${TITLE}”.` });
  const sources = await callApi<SourceRow[]>(server, 'sources.list', {});
  expect(sources).toHaveLength(before + 1);
  const source = sources.find((s) => s.id === sent.sourceId)!;
  expect(source.capture).toMatchObject({ method: 'extension', status: 0 });
  expect(source.capture!.userAgent).toContain('Chrome/');
  expect(source.meta.url).toBe('https://news.example/2026/12/harbour-bridge');
  const reader = await callApi<{ text: string }>(server, 'sources.open', { id: source.id });
  expect(reader.text).toContain(SCRIPT_SENTENCE);

  // Send selection: the same page (already there, so no second source) and a highlight on the selected words.
  await select(tab, SELECTED);
  const withHighlight = await sendFromWorker(worker, articleUrl, true);
  expect(withHighlight, JSON.stringify(withHighlight)).toMatchObject({ ok: true, sourceId: source.id });
  expect(String(withHighlight.message)).toContain('already in the workbench');
  const highlights = await callApi<{ id: string; quote: { exact: string } }[]>(server, 'highlights.list', { sourceId: source.id });
  expect(highlights.map((h) => h.quote.exact.replace(/\s+/g, ' '))).toEqual([SELECTED]);

  // Both are in the app.
  await openApp(page, server);
  const row = page.getByTestId('library-row').filter({ hasText: TITLE });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId('reader-text')).toContainText(SCRIPT_SENTENCE);
  await expect(page.getByTestId('highlight').first()).toContainText('two winters');
  await page.screenshot({ path: '/tmp/extension-reader.png' });

  // The popup shows the last result.
  await popup.reload();
  await expect(popup.locator('#status')).toContainText('Highlight added.');
  await popup.screenshot({ path: '/tmp/extension-popup.png' });

  // A web page holding even the real token cannot post: its Origin is refused (the preflight fails).
  const { token } = await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeLike }).chrome.storage.local.get('token')) as { token: string };
  const fromWebPage = await tab.evaluate(async ({ endpoint, token: t }) => {
    try {
      const r = await fetch(`${endpoint}/extension/capture`, {
        method: 'POST', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: location.href, title: 'planted', html: '<p>planted by a web page</p>' }),
      });
      return `answered ${r.status}`;
    } catch (e) {
      return `blocked: ${(e as Error).name}`;
    }
  }, { endpoint: server.origin, token });
  expect(fromWebPage).toBe('blocked: TypeError');

  // Unpaired senders: a made-up token from the extension's own origin, and the extension once the app unpaired it.
  const madeUp = await worker.evaluate(async (endpoint) => {
    const r = await fetch(`${endpoint}/extension/capture`, {
      method: 'POST', headers: { Authorization: 'Bearer not-a-paired-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://example.org/x', title: 'x', html: '<p>x</p>' }),
    });
    return { status: r.status, body: await r.json() };
  }, server.origin);
  expect(madeUp).toMatchObject({ status: 401, body: { ok: false, code: 'unpaired' } });
  const [paired] = await callApi<{ id: string }[]>(server, 'extension.list', {});
  await callApi(server, 'extension.unpair', { id: paired!.id });
  const afterUnpair = await sendFromWorker(worker, articleUrl, false);
  expect(afterUnpair.ok).toBe(false);
  expect(String(afterUnpair.message)).toContain('The workbench refused this browser');
  expect((await callApi<SourceRow[]>(server, 'sources.list', {})).length).toBe(before + 1);
});
