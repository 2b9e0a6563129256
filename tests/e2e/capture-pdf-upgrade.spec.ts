/**
 * Issue 16 by URL, in Chromium (browser mode): capturing a PDF whose older text-only source is in the workspace gives
 * that source its pages (listed as "Upgraded" with its counts, no new source), and the reader then shows the pages
 * with the highlight kept. Screenshots of the dialog, light and dark, go to /tmp.
 */
import { expect, test, type Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../support/http-fixtures';
import { buildMultiPagePdf, multiPageContent } from '../support/pdf-fixtures';
import { writeTextOnlyPdfSource } from '../support/text-only-pdf';
import { callApi, openApp } from './helpers';
import { newWorkspace, startServer, type E2EServer } from './server';

let server: E2EServer | null = null;
let fixtures: FixtureServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  await fixtures?.close();
  server = null;
  fixtures = null;
});

async function screenshotBoth(page: Page, name: string): Promise<void> {
  await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme);
    await page.screenshot({ path: `/tmp/capture-pdf-upgrade-${name}-${scheme}.png` });
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
}

test('capturing a PDF by URL gives its older text-only source its pages, keeps the highlight and says so', async ({ page }) => {
  test.setTimeout(120_000);
  const bytes = await buildMultiPagePdf({ pages: 3, title: 'Harbour report' });
  fixtures = await startFixtureServer();
  fixtures.route('/reports/harbour-report.pdf', (_q, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(Buffer.from(bytes));
  });
  const workspace = newWorkspace();
  const words = multiPageContent(2).sentences[1]!.replace(/\.$/, '');
  const old = await writeTextOnlyPdfSource(workspace, { title: 'Harbour report', fileName: 'harbour-report.pdf', pages: 3, highlight: words });
  server = await startServer(workspace);
  await openApp(page, server);
  const before = (await callApi<unknown[]>(server, 'sources.list', {})).length;

  // Read once as text only, so the reader's cached view must be refreshed by the capture.
  await page.goto(`${server.url}#/reader/${encodeURIComponent(old.sourceId)}`);
  await expect(page.getByTestId('reader-pdf-hint')).toBeVisible();
  await page.getByTestId('reader-back').click();

  await page.getByTestId('import-url-open').click();
  await page.getByTestId('url-import-text').fill(fixtures.url('/reports/harbour-report.pdf'));
  await page.getByTestId('url-import-submit').click();
  const item = page.getByTestId('url-item');
  await expect(item).toHaveAttribute('data-status', 'upgraded', { timeout: 60_000 });
  await expect(item).toContainText('Upgraded');
  await expect(item.getByTestId('url-item-detail')).toHaveText('Gave Harbour report its pages: 1 highlight carried, 0 orphaned');
  await screenshotBoth(page, 'dialog');
  expect((await callApi<unknown[]>(server, 'sources.list', {})).length).toBe(before);

  await item.getByTestId('url-item-link').click();
  await expect(page.getByTestId('reader-view-pages')).toBeVisible();
  await expect(page.getByTestId('reader-pdf-hint')).toHaveCount(0);
  const stored = await callApi<Array<{ quote: { exact: string } }>>(server, 'highlights.list', { sourceId: old.sourceId });
  expect(stored.map((h) => h.quote.exact)).toEqual([words]);
  await expect(page.getByTestId('reader-capture-badge')).toContainText(/captured \d{4}-\d{2}-\d{2}/);
});
