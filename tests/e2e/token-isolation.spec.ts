/**
 * Cookies are not bound to a port: whatever the workbench puts in a cookie reaches every server on 127.0.0.1, and
 * every server there can plant cookies the workbench then receives. In Chromium, with a second local server:
 * the launch token must never reach it, browser-held cookies must open no API, and planted cookies must not break the app.
 */
import { expect, test, type Page } from '@playwright/test';
import { startForeignServer, type ForeignServer } from './foreign-server';
import { openApp } from './helpers';
import { startServer, type E2EServer } from './server';

const SAMPLE_TITLE = "Türkiye will continue to support Kazakhstan's territorial integrity, stability and peace";

let server: E2EServer;
let foreign: ForeignServer | undefined;

test.afterEach(async () => {
  await foreign?.close();
  foreign = undefined;
  await server?.stop();
});

/** A same-origin POST from inside the workbench page: the browser adds whatever cookies it holds, but no token header. */
const apiWithoutHeader = (page: Page) => page.evaluate(async () => {
  const r = await fetch('/api/workspace.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return r.status;
});

test('the launch token never reaches another local server, and browser cookies alone open no API', async ({ page }) => {
  server = await startServer();
  foreign = await startForeignServer();
  const token = new URL(server.url).searchParams.get('token')!;
  await openApp(page, server);

  await page.goto(`${foreign.origin}/`);
  await expect(page.locator('#other')).toHaveText('other server: hello');
  await page.evaluate(() => fetch('/from-page', { credentials: 'include' }).then((r) => r.status));
  expect(foreign.seen.map((r) => r.url)).toEqual(expect.arrayContaining(['/', '/from-page']));
  for (const r of foreign.seen) {
    for (let i = 0; i < r.rawHeaders.length; i += 2) {
      expect(r.rawHeaders[i + 1], `${r.method} ${r.url} header ${r.rawHeaders[i]}`).not.toContain(token);
    }
  }

  // Back in the same tab the app still works (its token is kept per tab and per origin), but cookies alone do not.
  await page.goto(`${server.origin}/`);
  await expect(page.getByText(SAMPLE_TITLE)).toBeVisible();
  expect(await apiWithoutHeader(page)).toBe(401);
});

test('cookies planted by another local server neither break the app nor count as a token', async ({ page }) => {
  server = await startServer();
  const bomb = Array.from({ length: 40 }, (_, i) => `bomb${i}=${'b'.repeat(3000)}; Path=/`); // ~120 kB Cookie header
  foreign = await startForeignServer([
    'workbench_token=garbage; Path=/',
    'workbench_token=%E0%A4%A; Path=/index.html',
    'x=%; Path=/',
    '=novalue; Path=/',
    'wb_%ZZ=%E0%A4%A; Path=/',
    ...bomb,
  ]);
  await openApp(page, server);
  await page.goto(`${foreign.origin}/plant`);
  await expect(page.locator('#other')).toHaveText('other server: planted');
  const planted = await page.context().cookies(server.origin);
  expect(planted.map((c) => `${c.name}=${c.value}`)).toEqual(expect.arrayContaining(['workbench_token=garbage', 'x=%', 'wb_%ZZ=%E0%A4%A']));

  await page.goto(`${server.origin}/`);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.isNavigationRequest()) void r.allHeaders().then((h) => sent.push(h.cookie ?? ''));
  });
  await page.reload();
  await expect(page.getByTestId('library-table')).toBeVisible();
  await expect(page.getByText(SAMPLE_TITLE)).toBeVisible();
  await page.screenshot({ path: '/tmp/token-isolation-after-hostile-cookies.png' });
  // The reload really did carry the planted cookies to the workbench.
  expect(sent.join('\n')).toContain('workbench_token=garbage');
  expect(sent.join('\n')).toContain('bomb39=');

  expect(await page.evaluate(() => fetch('/index.html').then((r) => r.status))).toBe(200);
  expect(await apiWithoutHeader(page)).toBe(401);
});

test('a tab without the launch token says how to open the app instead of failing silently', async ({ browser }) => {
  server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  const gate = page.getByTestId('workspace-unreachable');
  await expect(gate.getByText('The workspace cannot be reached')).toBeVisible();
  await expect(gate.getByText(/open the launch URL printed by `npm run serve`/)).toBeVisible();
  await page.screenshot({ path: '/tmp/token-isolation-no-token.png' });
  await context.close();
});
