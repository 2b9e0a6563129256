/**
 * Scanned (OCR'd) pages in the page view: the import keeps tesseract's word boxes, and the page view lays an
 * invisible text layer of those words over the page image. A highlight made in the text view is drawn over its words
 * on the scanned page, and drag-selecting a word on the image makes a highlight with that word's text, its page and
 * its rectangle. Screenshot (light): /tmp/pdf-ocr-layer-light.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';
import { buildScannedPdf } from '../support/pdf-fixtures';

const TITLE = 'Scanned memorandum';
/** Two short lines in a large font: tesseract reads them in a few seconds (a dense page takes 15–20 s). */
const LINES = ['HARBOUR MEMO', 'The committee approved the budget.'];
const WORD = 'committee';
const TEXT_VIEW_WORDS = 'approved the budget';
/**
 * The fixture draws line i with its baseline at 200 + 60·i pixels of a 150 dpi Letter page (1650 px high) in a 34 px
 * font: line 2's ink spans about 234–268 px, i.e. these fractions of the page height (with some slack).
 */
const LINE2 = { top: 225 / 1650, bottom: 275 / 1650 };

interface StoredHighlight {
  id: string;
  quote: { exact: string };
  pdf?: { page: number; rects: Array<{ x: number; y: number; w: number; h: number }> };
}

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const page1 = (page: Page) => page.locator('[data-testid="pdf-page"][data-page="1"]');

/** Where a client box sits on page 1, as fractions of the page. */
async function pageFractions(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const p = (await page1(page).boundingBox())!;
  return { x: (box.x - p.x) / p.width, y: (box.y - p.y) / p.height, w: box.width / p.width, h: box.height / p.height };
}

test('a scanned page gets a text layer from its OCR words: text-view highlights drawn on it, a drag on the image highlights a word', async ({ page }) => {
  test.setTimeout(60_000);
  server = await startServer();
  await openApp(page, server);
  let sourceId = '';
  let textViewId = '';

  await test.step('import the scanned PDF and highlight words in the text (no page placement)', async () => {
    const bytes = await buildScannedPdf({ lines: LINES });
    await page.getByTestId('import-input').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
    await expect(page.getByTestId('library-row').filter({ hasText: TITLE })).toBeVisible({ timeout: 30_000 });
    const sources = await callApi<Array<{ id: string; meta: { title: string } }>>(server!, 'sources.list', {});
    sourceId = sources.find((s) => s.meta.title === TITLE)!.id;
    const opened = await callApi<{ text: string; source: { pdf?: { pages: Array<{ ocr?: boolean }> } } }>(server!, 'sources.open', { id: sourceId });
    expect(opened.source.pdf?.pages[0]?.ocr).toBe(true);
    const start = opened.text.indexOf(TEXT_VIEW_WORDS);
    expect(start, `OCR text: ${opened.text}`).toBeGreaterThan(0);
    textViewId = (await callApi<{ id: string }>(server!, 'highlights.create', {
      sourceId, start, end: start + TEXT_VIEW_WORDS.length, color: 'green',
    })).id;
    await page.getByTestId('library-row').filter({ hasText: TITLE }).click();
    await page.getByTestId('reader-view-pages').click();
    await expect(page1(page)).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
  });

  await test.step('the text-view highlight is drawn over its words on the scanned page', async () => {
    const drawn = page1(page).locator(`[data-testid="pdf-highlight"][data-highlight-id="${textViewId}"]`);
    await expect(drawn).toHaveCount(1);
    const r = await pageFractions(page, (await drawn.boundingBox())!);
    const middle = r.y + r.h / 2;
    expect(middle).toBeGreaterThan(LINE2.top);
    expect(middle).toBeLessThan(LINE2.bottom);
    // "approved the budget" is the right half of the line, which starts at 150 px of 1275.
    expect(r.x).toBeGreaterThan(0.3);
    expect(r.w).toBeGreaterThan(0.15);
  });

  await test.step('drag over a word on the page image: a highlight with its text, page 1 and its rectangle', async () => {
    const span = page1(page).locator('.textLayer span').filter({ hasText: new RegExp(`^${WORD}$`) });
    await expect(span).toHaveCount(1);
    const b = (await span.boundingBox())!;
    const onImage = await pageFractions(page, b);
    expect(onImage.y + onImage.h / 2).toBeGreaterThan(LINE2.top);
    expect(onImage.y + onImage.h / 2).toBeLessThan(LINE2.bottom);
    const y = b.y + b.height / 2;
    await page.mouse.move(b.x + 1, y);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, y, { steps: 5 });
    await page.mouse.move(b.x + b.width - 1, y, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('selection-toolbar')).toHaveCount(1);
    await page.getByTestId('hl-color-blue').click();
    const made = page1(page).locator('[data-testid="pdf-highlight"]').and(page.locator(`:not([data-highlight-id="${textViewId}"])`));
    await expect(made).toHaveCount(1);
    const id = (await made.getAttribute('data-highlight-id'))!;
    const stored = (await callApi<StoredHighlight[]>(server!, 'highlights.list', { sourceId })).find((h) => h.id === id)!;
    expect(stored.quote.exact).toBe(WORD);
    expect(stored.pdf?.page).toBe(1);
    expect(stored.pdf?.rects).toHaveLength(1);
    const rect = stored.pdf!.rects[0]!;
    expect(Math.abs(rect.x - onImage.x)).toBeLessThan(0.01);
    expect(Math.abs(rect.y + rect.h / 2 - (onImage.y + onImage.h / 2))).toBeLessThan(0.01);
  });

  await test.step('zoomed in, the word layer and the highlight stay on the word', async () => {
    await page.getByTestId('pdf-zoom-in').click();
    await expect(page1(page)).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
    const span = page1(page).locator('.textLayer span').filter({ hasText: new RegExp(`^${WORD}$`) });
    const made = page1(page).locator('[data-testid="pdf-highlight"]').and(page.locator(`:not([data-highlight-id="${textViewId}"])`));
    await expect.poll(async () => {
      const a = (await span.boundingBox())!;
      const b = (await made.boundingBox())!;
      return Math.abs(a.x - b.x) < 4 && Math.abs(a.x + a.width - b.x - b.width) < 4 && Math.abs(a.y + a.height / 2 - b.y - b.height / 2) < 4;
    }).toBe(true);
    await page.getByTestId('pdf-zoom-out').click();
  });

  await test.step('screenshot (light)', async () => {
    await page.mouse.click(5, 5);
    // Away from the toolbar, so no tooltip covers the header.
    await page.mouse.move(700, 700);
    await page.waitForTimeout(400);
    await page.screenshot({ path: '/tmp/pdf-ocr-layer-light.png' });
  });
});
