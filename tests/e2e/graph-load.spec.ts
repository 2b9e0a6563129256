/**
 * What the graph screen and the reader ask the server for while they load: nothing they do not show. At 100k the
 * full claim list is 18 MB and the full relationship list 35 MB; fetched on every visit, they held up the graph and
 * kept the (single-threaded) server busy long enough to delay the next page's first request by seconds.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** API calls in order, each with when it was sent and when its reply had arrived (ms since the page opened). */
function recordApi(page: Page) {
  const calls: Array<{ method: string; sent: number; done: number | null }> = [];
  const t0 = Date.now();
  page.on('request', (r) => {
    const m = /\/api\/([\w.]+)/.exec(r.url());
    if (m) calls.push({ method: m[1]!, sent: Date.now() - t0, done: null });
  });
  page.on('requestfinished', (r) => {
    const m = /\/api\/([\w.]+)/.exec(r.url());
    const call = m ? calls.find((c) => c.method === m[1] && c.done === null) : undefined;
    if (call) call.done = Date.now() - t0;
  });
  return calls;
}

async function seedGraph(s: E2EServer) {
  const entity = async (name: string) => (await callApi<{ entity: { id: string } }>(s, 'entities.create', { type: 'person', name, aliases: [] })).entity.id;
  const a = await entity('Ada');
  const b = await entity('Bo');
  await callApi(s, 'relationships.create', { fromId: a, toId: b, type: 'knows' });
  await callApi(s, 'claims.create', { statement: 'Ada knows Bo.', grade: 'B2' }).catch(() => undefined);
}

test('the graph screen fetches no claim list, and the relationship list only once the graph is in', async ({ page }) => {
  server = await startServer();
  await seedGraph(server);
  await openApp(page, server);
  const calls = recordApi(page);
  await page.getByTestId('nav-graph').click();
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-nodes', '2');
  // Requests a screen makes right after it appears are sent by then.
  await page.waitForTimeout(1500);
  const graph = calls.find((c) => c.method === 'graph.get');
  expect(graph?.done, JSON.stringify(calls)).not.toBeNull();
  expect(calls.map((c) => c.method)).not.toContain('claims.list');
  for (const c of calls.filter((x) => x.method === 'relationships.list')) expect(c.sent, JSON.stringify(calls)).toBeGreaterThanOrEqual(graph!.done!);
});

test('opening a source fetches no claim list until a claim is to be picked', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  const calls = recordApi(page);
  await page.getByTestId('library-row').first().click();
  await expect(page.getByTestId('reader-title')).toContainText('Türkiye will continue');
  await page.waitForTimeout(1500);
  expect(calls.map((c) => c.method), JSON.stringify(calls)).not.toContain('claims.list');
});
