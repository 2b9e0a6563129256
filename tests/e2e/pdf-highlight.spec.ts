/**
 * Issue 16, the highlight layer of the page view in Chromium: a highlight made in the text view shows on its page;
 * drag-selecting words on page 2 makes a highlight placed on page 2 that the text view shows too; clicking it on the
 * page opens it in the side panel; a side-panel click scrolls the pages to it; an area highlight (Escape cancels a
 * drag) is drawn and listed. Screenshots light and dark go to /tmp/pdf-highlight-{light,dark}.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, highlightText, openApp } from './helpers';
import { buildMultiPagePdf, multiPageContent } from '../support/pdf-fixtures';

const TITLE = 'Highlight layer report';
const P2 = multiPageContent(2).sentences[0]!;
const WORDS = P2.slice(P2.indexOf('Erdoğan'), P2.indexOf(' under ref'));
const P3 = multiPageContent(3).sentences[1]!;
const TEXT_VIEW_WORDS = P3.slice(0, P3.indexOf(' under ref'));

interface StoredHighlight {
  id: string;
  quote: { exact: string };
  pdf?: { page: number; rects: Array<{ x: number; y: number; w: number; h: number }> };
  area?: { page: number; rect: { x: number; y: number; w: number; h: number }; image: unknown };
}

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const pageEl = (page: Page, n: number) => page.locator(`[data-testid="pdf-page"][data-page="${n}"]`);

async function gotoPage(page: Page, n: number): Promise<void> {
  await page.getByTestId('pdf-goto').fill(String(n));
  await page.getByTestId('pdf-goto').press('Enter');
  await expect(pageEl(page, n)).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
}

/** The client box of `words` inside page `n`'s text layer (they must sit in one span). */
async function wordsBox(page: Page, n: number, words: string) {
  const span = pageEl(page, n).locator('.textLayer span').filter({ hasText: words }).first();
  await expect(span).toBeVisible();
  await span.scrollIntoViewIfNeeded();
  const box = await span.evaluate((el, needle) => {
    const node = el.firstChild as Text;
    const at = node.data.indexOf(needle);
    if (at < 0) return null;
    const r = document.createRange();
    r.setStart(node, at);
    r.setEnd(node, at + needle.length);
    const b = r.getBoundingClientRect();
    return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
  }, words);
  expect(box, `"${words}" is not inside one text-layer span of page ${n}`).not.toBeNull();
  return box!;
}

/** Drags the mouse over `words` on page `n`, as a user selects text. */
async function dragSelect(page: Page, n: number, words: string): Promise<void> {
  const b = await wordsBox(page, n, words);
  const y = (b.top + b.bottom) / 2;
  await page.mouse.move(b.left + 1, y);
  await page.mouse.down();
  await page.mouse.move((b.left + b.right) / 2, y, { steps: 5 });
  await page.mouse.move(b.right - 1, y, { steps: 5 });
  await page.mouse.up();
}

/** Drags from one point to another given as fractions of page `n`. */
async function dragOnPage(page: Page, n: number, from: [number, number], to: [number, number], beforeUp?: () => Promise<void>) {
  const box = (await pageEl(page, n).boundingBox())!;
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 8 });
  if (beforeUp) await beforeUp();
  await page.mouse.up();
}

test('highlights live on the pages: from the text view, from a page selection, clicked, revealed, and as areas', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startServer();
  await openApp(page, server);
  let sourceId = '';
  let textViewId = '';

  await test.step('import the PDF and make one highlight the text-view way (no page placement)', async () => {
    const bytes = await buildMultiPagePdf({ pages: 3, title: TITLE });
    await page.getByTestId('import-input').setInputFiles({ name: 'layer-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
    await expect(page.getByTestId('library-row').filter({ hasText: TITLE })).toBeVisible({ timeout: 30_000 });
    const sources = await callApi<Array<{ id: string; meta: { title: string } }>>(server!, 'sources.list', {});
    sourceId = sources.find((s) => s.meta.title === TITLE)!.id;
    const opened = await callApi<{ text: string; source: { pdf?: unknown } }>(server!, 'sources.open', { id: sourceId });
    expect(opened.source.pdf, 'the import keeps the page map').toBeTruthy();
    const start = opened.text.indexOf(TEXT_VIEW_WORDS);
    expect(start).toBeGreaterThan(0);
    textViewId = (await callApi<{ id: string }>(server!, 'highlights.create', {
      sourceId, start, end: start + TEXT_VIEW_WORDS.length, color: 'green',
    })).id;
    await page.getByTestId('library-row').filter({ hasText: TITLE }).click();
    await page.getByTestId('reader-view-pages').click();
    await expect(page.getByTestId('pdf-view')).toBeVisible();
  });

  await test.step('the text-view highlight is drawn over its words on page 3', async () => {
    await gotoPage(page, 3);
    const drawn = pageEl(page, 3).locator(`[data-testid="pdf-highlight"][data-highlight-id="${textViewId}"]`).first();
    await expect(drawn).toBeVisible();
    const words = await wordsBox(page, 3, TEXT_VIEW_WORDS);
    const box = (await drawn.boundingBox())!;
    // Same line, same extent (within a few pixels).
    expect(Math.abs(box.x - words.left)).toBeLessThan(4);
    expect(Math.abs(box.x + box.width - words.right)).toBeLessThan(4);
    expect(Math.abs(box.y + box.height / 2 - (words.top + words.bottom) / 2)).toBeLessThan(4);
  });

  let pageId = '';
  await test.step('drag-select words on page 2 and highlight them: stored with page 2 and its rectangles', async () => {
    await gotoPage(page, 2);
    await dragSelect(page, 2, WORDS);
    await expect(page.getByTestId('selection-toolbar')).toHaveCount(1);
    await page.getByTestId('hl-color-blue').click();
    const overlay = pageEl(page, 2).getByTestId('pdf-highlight');
    await expect(overlay).toHaveCount(1);
    pageId = (await overlay.getAttribute('data-highlight-id'))!;
    const stored = await callApi<StoredHighlight[]>(server!, 'highlights.list', { sourceId });
    const made = stored.find((h) => h.id === pageId)!;
    expect(made.quote.exact).toBe(WORDS);
    expect(made.pdf?.page).toBe(2);
    expect(made.pdf?.rects).toHaveLength(1); // one line of words, merged into one rectangle
  });

  await test.step('clicking it on the page opens it in the side panel and outlines it', async () => {
    // The new highlight opened in the panel: go back to the list, so the click is what selects it.
    await page.getByTestId('panel-back').click();
    const overlay = pageEl(page, 2).locator(`[data-highlight-id="${pageId}"]`);
    await expect(overlay).not.toHaveAttribute('data-selected', 'true');
    // The overlay takes no pointer events (text selection goes through it): click where it is drawn.
    const box = (await overlay.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('highlight-editor')).toHaveAttribute('data-highlight-id', pageId);
    await expect(overlay).toHaveAttribute('data-selected', 'true');
  });

  await test.step('an area highlight: Escape cancels a drag, a finished drag is drawn and listed', async () => {
    await page.getByTestId('panel-back').click();
    await gotoPage(page, 1);
    await page.getByTestId('pdf-area-tool').click();
    await dragOnPage(page, 1, [0.2, 0.5], [0.6, 0.7], () => page.keyboard.press('Escape'));
    await expect(pageEl(page, 1).locator('[data-area="true"]')).toHaveCount(0);
    await dragOnPage(page, 1, [0.1, 0.05], [0.5, 0.15]);
    const area = pageEl(page, 1).locator('[data-testid="pdf-highlight"][data-area="true"]');
    await expect(area).toHaveCount(1);
    const areaId = (await area.getAttribute('data-highlight-id'))!;
    const stored = (await callApi<StoredHighlight[]>(server!, 'highlights.list', { sourceId })).find((h) => h.id === areaId)!;
    expect(stored.area?.page).toBe(1);
    expect(stored.area?.rect.x).toBeCloseTo(0.1, 2);
    expect(stored.area?.rect.h).toBeCloseTo(0.1, 2);
    await page.getByTestId('pdf-area-tool').click();
    if (await page.getByTestId('panel-back').isVisible()) await page.getByTestId('panel-back').click();
    await expect(page.locator(`[data-testid="highlight-list-item"][data-highlight-id="${areaId}"]`)).toBeVisible();
  });

  await test.step('zoomed out, the highlights stay on their words; screenshots light and dark', async () => {
    await page.getByTestId('pdf-zoom-out').click();
    await page.getByTestId('pdf-zoom-out').click();
    await gotoPage(page, 1);
    await expect(pageEl(page, 2)).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
    const words = await wordsBox(page, 2, WORDS);
    await expect.poll(async () => {
      const box = (await pageEl(page, 2).locator(`[data-highlight-id="${pageId}"]`).boundingBox())!;
      return Math.abs(box.x - words.left) < 4 && Math.abs(box.x + box.width - words.right) < 4;
    }).toBe(true);
    await gotoPage(page, 1);
    await page.mouse.click(5, 5);
    for (const scheme of ['light', 'dark'] as const) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-mantine-color-scheme', t), scheme);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `/tmp/pdf-highlight-${scheme}.png` });
    }
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
  });

  await test.step('a selection over the page break: the whole passage, placed on page 1 and drawn on both pages', async () => {
    const from = 'reviewed the port lease';
    await page.evaluate((needle) => {
      const spanWith = (n: number, text: string) => [...document.querySelectorAll(`[data-testid="pdf-page"][data-page="${n}"] .textLayer span`)]
        .find((el) => el.textContent?.includes(text))!;
      const a = spanWith(1, needle).firstChild as Text;
      const b = spanWith(2, 'Page 2').firstChild as Text;
      window.getSelection()!.setBaseAndExtent(a, a.data.indexOf(needle), b, b.data.indexOf('Page 2') + 'Page 2'.length);
    }, from);
    await expect(page.getByTestId('selection-toolbar')).toHaveCount(1);
    await page.getByTestId('hl-color-pink').click();
    const opened = await callApi<{ text: string }>(server!, 'sources.open', { id: sourceId });
    const expected = opened.text.slice(opened.text.indexOf(from), opened.text.indexOf('Page 2') + 'Page 2'.length);
    await expect.poll(async () => (await callApi<StoredHighlight[]>(server!, 'highlights.list', { sourceId }))
      .find((h) => h.quote.exact === expected)?.pdf?.page).toBe(1);
    const made = (await callApi<StoredHighlight[]>(server!, 'highlights.list', { sourceId })).find((h) => h.quote.exact === expected)!;
    await expect(pageEl(page, 1).locator(`[data-highlight-id="${made.id}"]`)).toHaveCount(1);
    await expect(pageEl(page, 2).locator(`[data-highlight-id="${made.id}"]`)).toHaveCount(1);
    await page.getByTestId('panel-back').click();
  });

  await test.step('clicking the text-view highlight in the side panel scrolls the pages to page 3', async () => {
    await page.getByTestId('pdf-zoom-in').click();
    await page.getByTestId('pdf-zoom-in').click();
    await gotoPage(page, 1);
    await page.locator(`[data-testid="highlight-list-item"][data-highlight-id="${textViewId}"]`).click();
    await expect.poll(async () => {
      const view = (await page.getByTestId('pdf-view').boundingBox())!;
      const drawn = await pageEl(page, 3).locator(`[data-highlight-id="${textViewId}"]`).first().boundingBox();
      return drawn !== null && drawn.y >= view.y && drawn.y + drawn.height <= view.y + view.height;
    }, { timeout: 10_000 }).toBe(true);
  });

  await test.step('the text view shows the page-2 highlight over the same words', async () => {
    await page.getByTestId('reader-view-text').click();
    await expect(page.getByTestId('reader-text')).toBeVisible();
    await expect.poll(async () => highlightText(page, pageId)).toBe(WORDS);
  });
});
