/**
 * Issue 16, the page view's finishing gaps in Chromium: scrolling within a page re-renders nothing of the view's
 * shell; the reader's context menu (Copy with citation naming the page) on a page selection; Ctrl+F and
 * PageDown/PageUp; axe on the page view light and dark; and a text-only PDF source (made before pages existed) that
 * hints to re-import and, re-imported from the library, gets its pages with its highlight and says so.
 * Screenshots go to /tmp/pdf-gaps-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { newWorkspace, startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';
import { buildMultiPagePdf, multiPageContent } from '../support/pdf-fixtures';
import { writeTextOnlyPdfSource } from '../support/text-only-pdf';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const pageEl = (page: Page, n: number) => page.locator(`[data-testid="pdf-page"][data-page="${n}"]`);
const view = (page: Page) => page.getByTestId('pdf-view');

/** Counts function components run per commit through React's DevTools hook (as reader-render-scope.spec.ts does). */
const RENDER_COUNTER = `(() => {
  const counts = {};
  window.__renderCounts = counts;
  window.__resetRenderCounts = () => { for (const k of Object.keys(counts)) delete counts[k]; };
  const FUNCTION_TAGS = new Set([0, 11, 15]);
  const nameOf = (f) => (f.type && (f.type.displayName || f.type.name)) || '?';
  const visit = (fiber) => {
    const stack = [fiber];
    while (stack.length) {
      const f = stack.pop();
      if (FUNCTION_TAGS.has(f.tag) && (f.flags & 1)) counts[nameOf(f)] = (counts[nameOf(f)] || 0) + 1;
      if (f.alternate && f.child === f.alternate.child) { if (f.sibling) stack.push(f.sibling); continue; }
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false, supportsFiber: true, renderers: new Map(),
    inject() { return 1; },
    onCommitFiberRoot(_id, root) { if (root.current.child) visit(root.current.child); },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, onScheduleFiberRoot() {}, checkDCE() {},
  };
})();`;

async function openPdf(page: Page, pages = 6, title = 'Gaps report', before?: (sourceId: string) => Promise<void>): Promise<string> {
  server = await startServer();
  const bytes = await buildMultiPagePdf({ pages, outline: true, title });
  const imported = await callApi<{ source: { id: string } }>(server, 'sources.importFile', {
    fileName: 'gaps-report.pdf', dataBase64: Buffer.from(bytes).toString('base64'),
  });
  await before?.(imported.source.id);
  await openApp(page, server);
  await page.goto(`${server.url}#/reader/${encodeURIComponent(imported.source.id)}`);
  await expect(pageEl(page, 1)).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 });
  return imported.source.id;
}

/** Selects `words` inside page `n`'s text layer with a DOM range (they must sit in one span). */
async function selectOnPage(page: Page, n: number, words: string): Promise<{ x: number; y: number }> {
  await page.getByTestId('pdf-goto').fill(String(n));
  await page.getByTestId('pdf-goto').press('Enter');
  await expect(pageEl(page, n)).toHaveAttribute('data-rendered', 'true', { timeout: 15_000 });
  const span = pageEl(page, n).locator('.textLayer span').filter({ hasText: words }).first();
  await expect(span).toBeVisible();
  const at = await span.evaluate((el, needle) => {
    const node = el.firstChild as Text;
    const i = node.data.indexOf(needle);
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + needle.length);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, words);
  return at;
}

test('scrolling within a page re-renders neither the page view, its toolbar, its sidebar nor its pages', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(RENDER_COUNTER);
  await openPdf(page, 12);
  await page.waitForTimeout(1000);
  await page.evaluate(() => (window as unknown as { __resetRenderCounts: () => void }).__resetRenderCounts());
  // Twelve small steps, one per frame or so, all within page 1 (a page is far taller than 240 px at fit width).
  for (let i = 0; i < 12; i++) {
    await view(page).evaluate((el) => { el.scrollTop += 20; });
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(300);
  const counts = await page.evaluate(() => ({ ...(window as unknown as { __renderCounts: Record<string, number> }).__renderCounts }));
  const n = (name: string) => counts[name] ?? 0;
  const shown = JSON.stringify(counts);
  // A page entering or leaving the drawn window may re-render the view once or twice; not once per scroll frame.
  expect(n('PdfView'), shown).toBeLessThanOrEqual(2);
  expect(n('PdfToolbar'), shown).toBeLessThanOrEqual(2);
  expect(n('PageList'), shown).toBeLessThanOrEqual(2);
});

test('right-click on a page selection offers the reader menu; Copy with citation names the page; Highlight places it there', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const sourceId = await openPdf(page);
  const sentence = multiPageContent(2).sentences[0]!;
  const words = sentence.slice(0, sentence.indexOf(' under ref'));
  const at = await selectOnPage(page, 2, words);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await expect(page.getByTestId('reader-context-menu')).toBeVisible();
  await page.screenshot({ path: '/tmp/pdf-gaps-context-menu.png' });
  await page.getByTestId('reader-menu-cite').click();
  await expect(page.getByText('Copied with citation')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith(`“${words}”\n— Gaps report`), copied).toBe(true);
  expect(copied).toMatch(/\(p\. 2, /);

  await selectOnPage(page, 2, words);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.getByTestId('reader-menu-highlight').click();
  await expect(pageEl(page, 2).getByTestId('pdf-highlight').first()).toBeVisible();
  const stored = await callApi<Array<{ quote: { exact: string }; pdf?: { page: number } }>>(server!, 'highlights.list', { sourceId });
  expect(stored.map((h) => [h.quote.exact, h.pdf?.page])).toEqual([[words, 2]]);
});

test('in the page view Ctrl+F goes to the document search', async ({ page }) => {
  test.setTimeout(90_000);
  await openPdf(page);
  await view(page).focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('pdf-search')).toBeFocused();
});

test('with the pages focused, PageDown and PageUp move by a whole page, its top at the top of the view', async ({ page }) => {
  test.setTimeout(90_000);
  await openPdf(page);
  await view(page).focus();
  const pageTopInView = (n: number) => page.evaluate((k) => {
    const v = document.querySelector('[data-testid="pdf-view"]')!.getBoundingClientRect();
    return document.querySelector(`[data-testid="pdf-page"][data-page="${k}"]`)!.getBoundingClientRect().top - v.top;
  }, n);
  await page.keyboard.press('PageDown');
  await expect(view(page)).toHaveAttribute('data-current-page', '2');
  await expect.poll(() => pageTopInView(2)).toBeGreaterThanOrEqual(0);
  expect(await pageTopInView(2)).toBeLessThanOrEqual(16);
  await page.keyboard.press('PageDown');
  await expect(view(page)).toHaveAttribute('data-current-page', '3');
  await page.keyboard.press('PageUp');
  await expect(view(page)).toHaveAttribute('data-current-page', '2');
  await expect.poll(() => pageTopInView(2)).toBeLessThanOrEqual(16);
  expect(await pageTopInView(2)).toBeGreaterThanOrEqual(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the page view passes axe WCAG 2.1 AA: toolbar, thumbnails, outline, pages (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openPdf(page, 6, 'Gaps report', async (sourceId) => {
      const sentence = multiPageContent(1).sentences[1]!;
      const { text } = await callApi<{ text: string }>(server!, 'sources.open', { id: sourceId });
      const start = text.indexOf(sentence);
      await callApi(server!, 'highlights.create', { sourceId, start, end: start + sentence.length, color: 'green' });
    });
    await expect(pageEl(page, 1).getByTestId('pdf-highlight').first()).toBeVisible();
    await expect(page.locator('[data-testid="pdf-thumb"][data-page="1"]')).toHaveAttribute('data-drawn', 'true', { timeout: 15_000 });
    await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
    const audit = async (stop: string) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((nd) => `${stop} | ${v.id} | ${nd.target.join(' ')} | ${nd.failureSummary?.split('\n')[1] ?? ''}`));
    };
    const found = await audit('pages');
    await page.screenshot({ path: `/tmp/pdf-gaps-axe-${scheme}.png` });
    await page.getByTestId('pdf-outline').click();
    await expect(page.getByTestId('pdf-sidebar')).toContainText('1');
    found.push(...(await audit('outline')));
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('a text-only PDF source hints to re-import; re-importing the file gives it pages, keeps its highlight and says so', async ({ page }) => {
  test.setTimeout(120_000);
  const bytes = await buildMultiPagePdf({ pages: 3, title: 'Harbour report' });
  const workspace = newWorkspace();
  const words = multiPageContent(2).sentences[1]!.replace(/\.$/, '');
  const old = await writeTextOnlyPdfSource(workspace, { title: 'Harbour report', fileName: 'harbour-report.pdf', pages: 3, highlight: words });
  server = await startServer(workspace);
  await openApp(page, server);
  await page.goto(`${server.url}#/reader/${encodeURIComponent(old.sourceId)}`);
  await expect(page.getByTestId('reader-pdf-hint')).toBeVisible();
  await expect(page.getByTestId('reader-view-pages')).toHaveCount(0);
  await expect(page.getByTestId('highlight')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/pdf-gaps-text-only.png' });

  await page.getByTestId('reader-back').click();
  await expect(page.getByTestId('library-table')).toBeVisible();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-reimport-')), 'harbour-report.pdf');
  fs.writeFileSync(file, bytes);
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByText('Gave “Harbour report” its pages; 1 highlight carried, 0 orphaned.')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: '/tmp/pdf-gaps-upgraded-note.png' });

  await page.goto(`${server.url}#/reader/${encodeURIComponent(old.sourceId)}`);
  await expect(page.getByTestId('reader-view-pages')).toBeVisible();
  await expect(page.getByTestId('reader-pdf-hint')).toHaveCount(0);
  await expect(pageEl(page, 2).getByTestId('pdf-highlight')).not.toHaveCount(0, { timeout: 20_000 });
  const stored = await callApi<Array<{ quote: { exact: string } }>>(server, 'highlights.list', { sourceId: old.sourceId });
  expect(stored.map((h) => h.quote.exact)).toEqual([words]);
});
