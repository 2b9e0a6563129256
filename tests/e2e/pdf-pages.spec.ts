/**
 * Issue 16 in Chromium: import a generated Unicode PDF, drag-select words on page 2 of the page view, highlight them,
 * find the same highlight in the text view, put it in a dossier and read "p. 2" back from the exported PDF.
 * Screenshots of the page view with the highlight, light and dark, go to /tmp/pdf-pages-{light,dark}.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, highlightText, openApp } from './helpers';
import { buildMultiPagePdf, multiPageContent } from '../support/pdf-fixtures';

const TITLE = 'Unicode page report';
// Page 2's first sentence is "President Erdoğan … under ref 2.1."; the words between carry the non-Latin-1 letter.
const SENTENCE = multiPageContent(2).sentences[0]!;
const WORDS = SENTENCE.slice(SENTENCE.indexOf('Erdoğan'), SENTENCE.indexOf(' under ref'));

interface StoredHighlight { id: string; quote: { exact: string }; pdf?: { page: number; rects: unknown[] } }

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const pageEl = (page: Page, n: number) => page.locator(`[data-testid="pdf-page"][data-page="${n}"]`);

/** Drags the mouse from the first to the last character of `words` inside page `n`'s text layer, as a user would. */
async function dragSelect(page: Page, n: number, words: string): Promise<void> {
  const span = pageEl(page, n).locator('.textLayer span').filter({ hasText: words }).first();
  await expect(span).toBeVisible();
  await span.scrollIntoViewIfNeeded();
  const ends = await span.evaluate((el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const box = (i: number) => {
        const r = document.createRange();
        r.setStart(node!, i);
        r.setEnd(node!, i + 1);
        return r.getBoundingClientRect();
      };
      const first = box(at);
      const last = box(at + needle.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  expect(ends, `"${words}" is not inside one text-layer span of page ${n}`).not.toBeNull();
  await page.mouse.move(ends!.x1, ends!.y1);
  await page.mouse.down();
  await page.mouse.move((ends!.x1 + ends!.x2) / 2, ends!.y1, { steps: 5 });
  await page.mouse.move(ends!.x2, ends!.y2, { steps: 5 });
  await page.mouse.up();
}

test('a highlight drawn on page 2 shows on the page and in the text view, and its dossier endnote cites p. 2', async ({ page }) => {
  test.setTimeout(120_000);
  server = await startServer();
  const dossier = await callApi<{ id: string }>(server, 'dossiers.create', { title: 'Page citations', subjectIds: [], author: '' });
  await callApi(server, 'dossiers.update', {
    id: dossier.id, sections: [{ id: crypto.randomUUID(), title: 'Evidence', blocks: [] }],
  });
  // Browser errors go into the failure messages below (a page that never draws says why).
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await openApp(page, server);
  let sourceId = '';

  await test.step('import the PDF through the library file input', async () => {
    const bytes = await buildMultiPagePdf({ pages: 3, title: TITLE });
    await page.getByTestId('import-input').setInputFiles({ name: 'unicode-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
    const row = page.getByTestId('library-row').filter({ hasText: TITLE });
    await expect(row).toBeVisible({ timeout: 30_000 });
    const sources = await callApi<Array<{ id: string; meta: { title: string } }>>(server!, 'sources.list', {});
    sourceId = sources.find((s) => s.meta.title === TITLE)!.id;
    await row.click();
  });

  await test.step('open the page view: page 2 renders with a text layer', async () => {
    await page.getByTestId('reader-view-pages').click();
    await expect(page.getByTestId('pdf-view')).toBeVisible();
    await expect(page.getByTestId('pdf-page')).toHaveCount(3);
    await page.getByTestId('pdf-goto').fill('2');
    await page.getByTestId('pdf-goto').press('Enter');
    await expect(pageEl(page, 2), `browser errors: ${errors.join(' | ')}`).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
    await expect(pageEl(page, 2).locator('.textLayer')).toContainText('Erdoğan');
  });

  let highlightId = '';
  await test.step('drag-select words on page 2 and highlight them', async () => {
    await dragSelect(page, 2, WORDS);
    expect(await page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ' ').trim())).toBe(WORDS);
    await expect(page.getByTestId('selection-toolbar')).toBeVisible();
    await page.getByTestId('hl-color-yellow').click();
    const overlay = pageEl(page, 2).getByTestId('pdf-highlight').first();
    await expect(overlay).toBeVisible();
    highlightId = (await overlay.getAttribute('data-highlight-id'))!;
    const stored = await callApi<StoredHighlight[]>(server!, 'highlights.list', { sourceId });
    const made = stored.find((h) => h.id === highlightId);
    expect(made?.quote.exact.replace(/\s+/g, ' ')).toBe(WORDS);
    expect(made?.pdf?.page).toBe(2);
    expect(made?.pdf?.rects.length).toBeGreaterThan(0);
    // Drawn on page 2 only.
    const elsewhere = page.locator(`[data-testid="pdf-page"]:not([data-page="2"]) [data-highlight-id="${highlightId}"]`);
    await expect(elsewhere).toHaveCount(0);
  });

  await test.step('screenshots of the page view with the highlights, light and dark', async () => {
    // A second highlight in another colour, so the pictures show how several look.
    const third = multiPageContent(2).sentences[2]!;
    await dragSelect(page, 2, third.slice(0, third.indexOf(' under ref')));
    await page.getByTestId('hl-color-green').click();
    await expect(pageEl(page, 2).getByTestId('pdf-highlight')).toHaveCount(2);
    // Toasts ("Highlighted", undo offers) come and go on their own timers: hidden for the pictures rather than raced.
    const hideToasts = await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-mantine-color-scheme', t), scheme);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `/tmp/pdf-pages-${scheme}.png` });
    }
    await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
    await hideToasts.evaluate((el) => (el as HTMLElement).remove());
  });

  await test.step('the text view shows the same words highlighted', async () => {
    await page.getByTestId('reader-view-text').click();
    await expect(page.getByTestId('reader-text')).toBeVisible();
    await expect.poll(async () => (await highlightText(page, highlightId)).replace(/\s+/g, ' ')).toBe(WORDS);
  });

  await test.step('add the highlight to the dossier from the reader', async () => {
    await page.locator(`[data-testid="highlight"][data-highlight-id="${highlightId}"]`).first().click();
    await page.getByTestId('side-panel').getByTestId('add-to-dossier').click();
    const dialog = page.getByTestId('add-to-dossier-modal');
    await expect(dialog.getByTestId('add-to-dossier-dossier')).toHaveValue('Page citations');
    // The only section, "Evidence", is where the block goes ("At the end (Evidence)" is preselected).
    await dialog.getByTestId('add-to-dossier-submit').click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => {
      const got = await callApi<{ dossier: { sections: Array<{ blocks: Array<{ refId: string | null }> }> } }>(server!, 'dossiers.get', { id: dossier.id });
      return got.dossier.sections.flatMap((s) => s.blocks.map((b) => b.refId));
    }).toContain(highlightId);
  });

  await test.step('export the PDF dossier: the endnote cites p. 2 beside the words', async () => {
    await page.goto(`${server!.url}#/dossier/${dossier.id}`);
    await expect(page.getByTestId('dossier-builder')).toBeVisible();
    const downloaded = page.waitForEvent('download', { timeout: 45_000 });
    await page.getByTestId('dossier-export').click();
    await page.getByTestId('export-pdf').click();
    const download = await downloaded;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-pdf-pages-')), download.suggestedFilename());
    await download.saveAs(file);
    fs.copyFileSync(file, '/tmp/pdf-pages-dossier.pdf'); // kept for a look at the endnote
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(WORDS);
    // The endnote cites the page before the quoted words ("… p. 2, ¶ 4, characters 270–304: “Erdoğan …”") and names
    // the source just before that.
    const cite = new RegExp(`\\bp\\. 2\\b[^“]{0,80}“${WORDS}”`).exec(text);
    expect(cite, `no "p. 2 … “${WORDS}”" in: ${text.slice(-900)}`).not.toBeNull();
    expect(text.slice(Math.max(0, cite!.index - 200), cite!.index)).toContain(TITLE);
  });
});
