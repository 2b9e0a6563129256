/**
 * A new page straight on a reader URL (issue 14): it loads a lean first script, asks for the source without waiting
 * for workspace.info, and fetches no list it does not show (sources.list, entities.list) before the text is painted.
 */
import { expect, test } from '@playwright/test';
import { callApi } from './helpers';
import { startServer, type E2EServer } from './server';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Installed before the app: when the first highlight mark appeared (performance.now()), for comparing with requests. */
const FIRST_MARK_PROBE = `
(() => {
  window.__firstMarkAt = null;
  const seen = () => document.querySelector('[data-testid="reader-text"] mark');
  const mo = new MutationObserver(() => { if (window.__firstMarkAt === null && seen()) { window.__firstMarkAt = performance.now(); mo.disconnect(); } });
  mo.observe(document, { childList: true, subtree: true });
})();
`;

/** How long workspace.info's reply is held back; sources.open must have been sent well before it arrives. */
const INFO_DELAY_MS = 700;

interface Timing { name: string; start: number; end: number; bytes: number; type: string }

test('a cold reader load sends sources.open at once, loads under 1 MB of script and no unshown list before the marks', async ({ browser }) => {
  server = await startServer();
  const [source] = await callApi<{ id: string }[]>(server, 'sources.list', {});
  const view = await callApi<{ text: string }>(server, 'sources.open', { id: source!.id });
  const start = view.text.indexOf('Kazakhstan');
  await callApi(server, 'highlights.create', { sourceId: source!.id, start, end: start + 'Kazakhstan'.length, color: 'yellow' });

  // A new context: nothing of the bundle is in its cache, as for a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(FIRST_MARK_PROBE);
  // workspace.info is held back a while: on a fast machine its reply can come before the reader's first request even
  // when nothing waits for it, so without the delay the order below would be a race rather than a check.
  await page.route('**/api/workspace.info', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, INFO_DELAY_MS));
    await route.continue();
  });
  await page.goto(`${server.url}#/reader/${encodeURIComponent(source!.id)}`);
  await expect(page.locator('[data-testid="reader-text"] mark').first()).toBeVisible();
  // Long enough for a late list request to show up; the entity list may come once the page is idle.
  await page.waitForTimeout(1500);

  const { timings, firstMarkAt } = await page.evaluate(() => ({
    firstMarkAt: (window as unknown as { __firstMarkAt: number | null }).__firstMarkAt,
    timings: performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, bytes: r.decodedBodySize, type: r.initiatorType };
    }),
  })) as { timings: Timing[]; firstMarkAt: number | null };
  await context.close();

  const api = (method: string) => timings.filter((t) => t.name === `/api/${method}`);
  const [info] = api('workspace.info');
  const [open] = api('sources.open');
  expect(info, 'workspace.info was requested').toBeDefined();
  expect(open, 'sources.open was requested').toBeDefined();
  // Before: sources.open waited for workspace.info's reply and a render (a round trip later).
  expect(open!.start, 'sources.open waited for workspace.info').toBeLessThan(info!.end);
  expect(api('sources.open'), 'the source was fetched twice').toHaveLength(1);

  // Before: the closed claim and relationship dialogs loaded the library list and every entity with the reader.
  expect([...api('sources.list'), ...api('sources.library')].map((t) => t.name), 'the reader loaded the library list').toEqual([]);
  expect(firstMarkAt).not.toBeNull();
  for (const t of api('entities.list')) expect(t.start, 'entities.list competed with the first paint').toBeGreaterThan(firstMarkAt!);

  // Before: one 2.1 MB unminified script with every screen in it.
  const scriptBytes = timings.filter((t) => t.name.endsWith('.js')).reduce((n, t) => n + t.bytes, 0);
  expect(scriptBytes, `${scriptBytes} bytes of script`).toBeLessThan(1_000_000);
  expect(timings.filter((t) => /\/(GraphScreen|DossierBuilder|ClaimsScreen)-/.test(t.name)).map((t) => t.name)).toEqual([]);
});
