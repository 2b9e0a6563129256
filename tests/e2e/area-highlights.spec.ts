/** Issue 16: highlights of a PDF with pages outside the page view — the side panel list (area thumbnail, "p. N"), claim
 *  evidence, search results and the dossier editor and preview — in Chromium, light and dark. */
import { expect, test, type Page } from '@playwright/test';
import { buildPagedWorkspace } from '../support/paged-workspace';
import { newWorkspace, startServer, type E2EServer } from './server';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** The workspace is written in Node first (source with a page map, an area highlight with its crop) and then served. */
async function serve(): Promise<E2EServer> {
  const dir = newWorkspace();
  const ws = await buildPagedWorkspace(dir);
  await ws.wb.close();
  return startServer(dir);
}

async function go(page: Page, s: E2EServer, hash: string): Promise<void> {
  await page.goto(`${s.url}${hash}`);
}

/** The reader's text view, whichever view a PDF opens in. */
async function textView(page: Page): Promise<void> {
  const toggle = page.getByTestId('reader-view-text');
  if (await toggle.isVisible().catch(() => false)) await toggle.click();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`area and page highlights show as "Area on p. N" with the crop and "p. N" outside the page view (${scheme})`, async ({ page }) => {
    server = await serve();
    await page.emulateMedia({ colorScheme: scheme });
    await go(page, server, '#/reader/src-pdf');
    await textView(page);

    // Side panel: the area row has its label and the crop loaded; the page-made text highlight says its page.
    const areaRow = page.locator('[data-testid="highlight-list-item"][data-highlight-id="h-area"]');
    await expect(areaRow.getByTestId('highlight-area-label')).toHaveText('Area on p. 3');
    const thumb = areaRow.getByTestId('highlight-area-thumb').locator('img');
    await expect(thumb).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    await expect(page.locator('[data-testid="highlight-list-item"][data-highlight-id="h-page2"]').getByTestId('highlight-page')).toHaveText('p. 2');
    await expect(page.locator('[data-testid="highlight-list-item"][data-highlight-id="h-page1"]').getByTestId('highlight-page')).toHaveCount(0);
    await page.getByTestId('side-panel').screenshot({ path: `/tmp/area-list-${scheme}.png` });
    // Selected, the editor shows the crop above the label.
    await areaRow.click();
    await expect(page.getByTestId('panel-quote')).toContainText('Area on p. 3');
    await expect.poll(() => page.getByTestId('panel-area-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    await page.getByTestId('side-panel').screenshot({ path: `/tmp/area-editor-${scheme}.png` });

    // Claim evidence: the area is named by its page where the quote would be; the text passage gives its page.
    await go(page, server, '#/claims/c-pdf');
    const details = page.getByTestId('claim-details');
    await expect(details.locator('[data-testid="evidence-passage"][data-highlight-id="h-area"]').getByTestId('passage-area')).toHaveText('Area on p. 3');
    await expect(details.locator('[data-testid="evidence-passage"][data-highlight-id="h-page2"]').getByTestId('passage-source'))
      .toHaveText('— Regional energy report, p. 2');
    await page.screenshot({ path: `/tmp/area-claim-${scheme}.png` });

    // Search by the area's note: the result says what it is instead of an empty quote.
    await go(page, server, '#/search?q=gas%20flow%20chart');
    const hit = page.locator('[data-testid="search-result"][data-kind="highlight"]');
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText('Area on p. 3');
    await page.screenshot({ path: `/tmp/area-search-${scheme}.png` });

    // Dossier editor and its printed preview: the block names the area, the preview shows the crop.
    await go(page, server, '#/dossier/d-pdf');
    await expect(page.locator('[data-testid="block-card"][data-block-id="b3"]')).toContainText('Area on p. 3');
    const preview = page.frameLocator('[data-testid="dossier-preview"]');
    await expect(preview.locator('img[alt="Area on p. 3"]')).toHaveCount(2);
    await expect.poll(() => preview.locator('img[alt="Area on p. 3"]').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    await expect(preview.locator('body')).toContainText('p. 2, ¶ 2, characters');
    await page.screenshot({ path: `/tmp/area-dossier-${scheme}.png` });
  });
}
