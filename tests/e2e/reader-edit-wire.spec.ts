/** A highlight edit in the reader updates the page from its reply: no `sources.open` (the whole text) is resent, and each edit stays small on the wire. */
import { expect, test, type Page, type Request } from '@playwright/test';
import { highlightText, openApp, selectInReader } from './helpers';
import { startServer, type E2EServer } from './server';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';
const MAX_BYTES_PER_EDIT = 10 * 1024;

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Call { method: string; bytes: number }

/** Records every API call the page makes (request + response body bytes) from `start()` until the calls settle. */
function wireLog(page: Page) {
  let calls: Call[] = [];
  let pending = 0;
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/');
  page.on('request', (r) => { if (isApi(r)) pending += 1; });
  const done = async (r: Request) => {
    if (!isApi(r)) return;
    const sizes = await r.sizes().catch(() => ({ requestBodySize: 0, responseBodySize: 0 }));
    calls.push({ method: new URL(r.url()).pathname.slice('/api/'.length), bytes: sizes.requestBodySize + sizes.responseBodySize });
    pending -= 1;
  };
  page.on('requestfinished', (r) => void done(r));
  page.on('requestfailed', (r) => void done(r));
  return {
    start: () => { calls = []; },
    /** Waits until no API call has been in flight for 400 ms, then returns what the edit cost. */
    async settle(): Promise<{ calls: Call[]; bytes: number; methods: string[] }> {
      let quietSince = Date.now();
      while (Date.now() - quietSince < 400) {
        if (pending > 0) quietSince = Date.now();
        await page.waitForTimeout(50);
      }
      return { calls, bytes: calls.reduce((s, c) => s + c.bytes, 0), methods: calls.map((c) => c.method) };
    },
  };
}

function expectSmallEdit(edit: { bytes: number; methods: string[] }, what: string): void {
  expect(edit.methods, `${what}: the reader refetched the whole source`).not.toContain('sources.open');
  expect(edit.bytes, `${what}: ${edit.bytes} bytes over the wire (${edit.methods.join(', ')})`).toBeLessThan(MAX_BYTES_PER_EDIT);
}

test('creating, recolouring, tagging, deleting and undoing a highlight never resends the source text', async ({ page }) => {
  server = await startServer();
  const wire = wireLog(page);
  await openApp(page, server);
  await page.getByTestId('library-row').first().click();
  await expect(page.getByTestId('reader-text')).toBeVisible();

  // Create: the mark appears with the exact text, from the reply.
  await selectInReader(page, SENTENCE);
  wire.start();
  await page.getByTestId('hl-color-yellow').click();
  const mark = page.getByTestId('highlight').first();
  await expect(mark).toBeVisible();
  const id = (await mark.getAttribute('data-highlight-id'))!;
  expect(await highlightText(page, id)).toBe(SENTENCE);
  expectSmallEdit(await wire.settle(), 'create');
  const marks = page.locator(`[data-testid="highlight"][data-highlight-ids~="${id}"]`);

  // Update: the colour changes in place.
  wire.start();
  await page.getByTestId('panel-color-green').click();
  await expect(marks.first()).toHaveAttribute('data-color', 'green');
  expectSmallEdit(await wire.settle(), 'recolour');

  // Tag (a new tag: tags.create + highlights.update): the side panel shows it.
  const panel = page.getByTestId('side-panel');
  wire.start();
  await panel.getByTestId('panel-tags').click();
  await page.keyboard.type('evidence');
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('evidence');
  expectSmallEdit(await wire.settle(), 'tag');

  // The cache matched the server: after a reload the same mark, colour and tag come back.
  await page.reload();
  await expect(marks.first()).toHaveAttribute('data-color', 'green');
  expect(await highlightText(page, id)).toBe(SENTENCE);
  await marks.first().click();
  await expect(panel).toContainText('evidence');

  // Delete: the mark goes away.
  wire.start();
  await panel.getByTestId('panel-delete').click();
  await page.getByTestId('confirm-submit').click();
  await expect(marks).toHaveCount(0);
  expectSmallEdit(await wire.settle(), 'delete');

  // Undo brings it back (with its colour), redo removes it again; neither resends the text.
  wire.start();
  await page.getByTestId('undo').click();
  await expect(marks.first()).toHaveAttribute('data-color', 'green');
  expectSmallEdit(await wire.settle(), 'undo');
  wire.start();
  await page.getByTestId('redo').click();
  await expect(marks).toHaveCount(0);
  expectSmallEdit(await wire.settle(), 'redo');

  await page.reload();
  await expect(page.getByTestId('reader-text')).toContainText(SENTENCE.slice(0, 40));
  await expect(marks).toHaveCount(0);
});

test('an edit made in another tab shows up when this tab gets the focus again', async ({ browser }) => {
  server = await startServer();
  const context = await browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await openApp(p, server);
    await p.getByTestId('library-row').first().click();
    await expect(p.getByTestId('reader-text')).toBeVisible();
  }
  await a.bringToFront();
  await selectInReader(a, SENTENCE);
  await a.getByTestId('hl-color-blue').click();
  await expect(a.getByTestId('highlight').first()).toBeVisible();
  const id = (await a.getByTestId('highlight').first().getAttribute('data-highlight-id'))!;

  await b.bringToFront();
  await b.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(b.locator(`[data-testid="highlight"][data-highlight-ids~="${id}"]`).first()).toHaveAttribute('data-color', 'blue');
  await context.close();
});
