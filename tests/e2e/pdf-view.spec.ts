/**
 * Issue 16, the page view's shell in Chromium: a generated 12-page PDF opens as pages (page 1 drawn with its text
 * layer), go-to-page 3 draws page 3 without drawing every page, zoom changes the page size, search counts matches
 * and goes to their page, the outline goes to its page, and Pages → Text → Pages keeps the place.
 * Screenshots light and dark go to /tmp/pdf-view-{light,dark}.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';
import { buildMultiPagePdf, multiPageContent, outlineTitle } from '../support/pdf-fixtures';

const PAGES = 12;

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const pageEl = (page: Page, n: number) => page.locator(`[data-testid="pdf-page"][data-page="${n}"]`);
const view = (page: Page) => page.getByTestId('pdf-view');

async function gotoPage(page: Page, n: number): Promise<void> {
  await page.getByTestId('pdf-goto').fill(String(n));
  await page.getByTestId('pdf-goto').press('Enter');
  await expect(view(page)).toHaveAttribute('data-current-page', String(n));
  await expect(pageEl(page, n)).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
}

/** The text of the paragraph at the top edge of the text view. */
const topParagraph = (page: Page) => page.evaluate(() => {
  const text = document.querySelector('[data-testid="reader-text"]');
  const top = text?.parentElement?.getBoundingClientRect().top ?? 0;
  const p = [...(text?.querySelectorAll('p[data-start]') ?? [])].find((el) => el.getBoundingClientRect().bottom > top + 1);
  return p?.textContent ?? '';
});

test('a PDF opens as pages: drawn near the view only, go to page, zoom, search, outline, and the view switch keeps the place', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startServer();
  const bytes = await buildMultiPagePdf({ pages: PAGES, outline: true, title: 'Page view report' });
  const imported = await callApi<{ source: { id: string; pdf?: unknown } }>(server, 'sources.importFile', {
    fileName: 'page-view-report.pdf', dataBase64: Buffer.from(bytes).toString('base64'),
  });
  expect(imported.source.pdf, 'the import kept the PDF with its pages').toBeTruthy();
  await openApp(page, server);
  await page.goto(`${server.url}#/reader/${encodeURIComponent(imported.source.id)}`);

  // Pages is the default view of a source with pages; page 1 is drawn with a text layer holding its words.
  await expect(page.getByTestId('reader-view-pages')).toBeVisible();
  await expect(pageEl(page, 1)).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 });
  await expect(pageEl(page, 1).locator('.textLayer')).toContainText('Page 1');
  await expect(page.locator('[data-testid="pdf-page"]')).toHaveCount(PAGES);
  await expect(page.locator('[data-testid="pdf-thumb"]')).toHaveCount(PAGES);
  await expect(page.locator('[data-testid="pdf-thumb"][data-page="1"]')).toHaveAttribute('data-drawn', 'true', { timeout: 15_000 });

  // Go to page 3: drawn, and the far pages are not.
  await gotoPage(page, 3);
  await expect(pageEl(page, 3).locator('.textLayer')).toContainText('Page 3');
  await expect(pageEl(page, PAGES)).toHaveAttribute('data-rendered', 'false');
  expect(await page.locator('[data-testid="pdf-page"][data-rendered="true"]').count()).toBeLessThan(PAGES);

  // Zoom in: the page grows, the percentage changes, and the view stays on page 3.
  const before = (await pageEl(page, 3).boundingBox())!;
  const label = await page.getByTestId('pdf-zoom-value').textContent();
  // Three steps up from fit width (the first step may be small: fit width sits between steps).
  for (let i = 0; i < 3; i++) await page.getByTestId('pdf-zoom-in').click();
  await expect(page.getByTestId('pdf-zoom-value')).not.toHaveText(label!);
  await expect.poll(async () => (await pageEl(page, 3).boundingBox())!.width).toBeGreaterThan(before.width * 1.15);
  await expect(view(page)).toHaveAttribute('data-current-page', '3');
  const zoomed = (await pageEl(page, 3).boundingBox())!.width;
  await page.getByTestId('pdf-zoom-out').click();
  await expect.poll(async () => (await pageEl(page, 3).boundingBox())!.width).toBeLessThan(zoomed * 0.97);
  // Ctrl + in the focused view zooms too; Ctrl 0 goes back to fit width.
  await view(page).focus();
  await page.keyboard.press('Control+Equal');
  await expect.poll(async () => (await pageEl(page, 3).boundingBox())!.width).toBeGreaterThan(zoomed * 0.99);
  await page.keyboard.press('Control+Digit0');
  await expect(page.getByTestId('pdf-zoom-value')).toHaveText(label!);

  // Search: every match of a Unicode word, counted; Enter goes to the first match's page.
  const word = 'Қазақстан';
  const expected = Array.from({ length: PAGES }, (_, i) => multiPageContent(i + 1).sentences)
    .flat().filter((s) => s.includes(word)).length;
  expect(expected).toBeGreaterThan(1);
  await page.getByTestId('pdf-search').fill(word);
  await expect(page.getByTestId('pdf-search-count')).toHaveText(`${expected} found`);
  await page.getByTestId('pdf-search').fill('ref 7.');
  await expect(page.getByTestId('pdf-search-count')).toHaveText('4 found');
  await page.getByTestId('pdf-search').press('Enter');
  await expect(page.getByTestId('pdf-search-count')).toHaveText('1 of 4');
  await expect(view(page)).toHaveAttribute('data-current-page', '7');
  // The match is marked on its page, over the words (its box lies inside page 7).
  await expect(page.getByTestId('pdf-search-hit').first()).toBeVisible({ timeout: 15_000 });
  const hitBox = (await page.getByTestId('pdf-search-hit').first().boundingBox())!;
  const p7 = (await pageEl(page, 7).boundingBox())!;
  expect(hitBox.y).toBeGreaterThan(p7.y);
  expect(hitBox.y + hitBox.height).toBeLessThan(p7.y + p7.height);
  await page.getByTestId('pdf-search-next').click();
  await expect(page.getByTestId('pdf-search-count')).toHaveText('2 of 4');

  // The outline: one entry a page; an entry goes to its page.
  await page.getByTestId('pdf-outline').click();
  await expect(page.getByTestId('pdf-outline-entry')).toHaveCount(PAGES);
  await page.getByTestId('pdf-outline-entry').filter({ hasText: outlineTitle(9) }).click();
  await expect(view(page)).toHaveAttribute('data-current-page', '9');
  await expect(pageEl(page, 9)).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });

  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme);
    await page.screenshot({ path: `/tmp/pdf-view-${scheme}.png` });
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));

  // Pages → Text: the text view opens at page 9's text; Text → Pages: back on page 9.
  await page.getByTestId('reader-view-text').click();
  await expect(page.getByTestId('reader-text')).toBeVisible();
  await expect.poll(() => topParagraph(page)).toMatch(/Page 9|ref 9\./);
  await page.getByTestId('reader-view-pages').click();
  await expect(view(page)).toHaveAttribute('data-current-page', '9');
});

test('a source without pages opens in the text view, with no Pages | Text switch', async ({ page }) => {
  server = await startServer();
  const imported = await callApi<{ source: { id: string } }>(server, 'sources.importText', { text: 'Plain note.', title: 'Plain note' });
  await openApp(page, server);
  await page.goto(`${server.url}#/reader/${encodeURIComponent(imported.source.id)}`);
  await expect(page.getByTestId('reader-text')).toBeVisible();
  // No pages: no switch (and a text source is not a PDF, so no re-import hint either).
  await expect(page.getByTestId('reader-view-pages')).toHaveCount(0);
  await expect(page.getByTestId('reader-pdf-hint')).toHaveCount(0);
});
