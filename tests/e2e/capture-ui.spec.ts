/**
 * Issue 15 (web capture) in Chromium, browser mode: import a news page by URL through the dialog (a 404 beside it
 * fails with the service's message), read its provenance, verify it, re-capture after the page changed, and read the
 * diff between the versions. Screenshots of the dialog, the provenance and the diff, light and dark, go to /tmp.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../support/http-fixtures';
import { callApi, openApp } from './helpers';
import { startServer, type E2EServer } from './server';

let server: E2EServer | null = null;
let fixtures: FixtureServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  await fixtures?.close();
  server = null;
  fixtures = null;
});

const KEPT = 'The harbour authority suspended night sailings on Tuesday after two collisions in the outer channel.';
const CHANGED = 'Officials said the ban would last at least a week.';
const REPLACEMENT = 'Officials said the ban would be reviewed on Friday, after pilots objected.';

/** Long enough that the diff elides it (unchanged between the versions). */
const BACKGROUND = ['The outer channel was dredged in 2019 to take larger tankers, and traffic has doubled since then.',
  'Local fishermen have long complained that the channel markers are hard to see in fog, and a report by the regional',
  'maritime office last spring recommended new lit buoys, radar coverage of the approaches and a second pilot boat.',
  'None of the recommendations has been funded so far, according to the harbour board’s published minutes, which',
  'also record a dispute between the board and the city council over who should pay for the work.'].join(' ');

/** The fixture news page; version 2 rewrites one paragraph and adds another. */
function newsPage(version: 1 | 2): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour closes to night traffic | The Coastal Courier</title>
<meta property="og:title" content="Harbour closes to night traffic">
<meta property="og:site_name" content="The Coastal Courier">
<meta name="author" content="Mira Halvorsen">
<meta property="article:published_time" content="2026-12-04T08:00:00Z">
</head><body><header><nav><a href="/">Home</a></nav></header><main><article>
<h1>Harbour closes to night traffic</h1>
<p>${KEPT} Pilots were told to anchor outside the breakwater until dawn.</p>
<p>${version === 1 ? CHANGED : REPLACEMENT} Shipping agents warned of delays to grain and fuel deliveries across the region.</p>
<p>The port handles about forty vessels a night in the autumn season, most of them coastal tankers and ferries.</p>
<p>${BACKGROUND}</p>
${version === 2 ? '<p>A spokesman for the ferry operators said timetables would be published on Thursday.</p>' : ''}
</article></main><footer>© 2026 The Coastal Courier</footer></body></html>`;
}

/** Mantine's CSS follows this attribute; the header's toggle is behind an open dialog's overlay. */
async function screenshotBoth(page: Page, name: string): Promise<void> {
  // No transitions: a dialog still fading in would be photographed half transparent.
  await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme);
    await page.screenshot({ path: `/tmp/capture-${name}-${scheme}.png` });
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
}

test('a page imported by URL shows its provenance, verifies, and a changed re-capture makes a version with a diff', async ({ page }) => {
  test.setTimeout(180_000);
  let version: 1 | 2 = 1;
  fixtures = await startFixtureServer();
  fixtures.route('/news', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(newsPage(version));
  });
  server = await startServer();
  await openApp(page, server);

  // One good address (through a 301) and one that answers 404, one per line.
  const requested = fixtures.url('/redirect?to=/news&status=301');
  await page.getByTestId('import-url-open').click();
  await page.getByTestId('url-import-text').fill(`${requested}\n\n${fixtures.url('/status/404')}`);
  await page.getByTestId('url-import-submit').click();
  const items = page.getByTestId('url-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute('data-status', 'imported', { timeout: 60_000 });
  await expect(items.nth(1)).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(items.nth(1).getByTestId('url-item-detail')).toContainText('404');
  await expect(page.getByTestId('url-progress-summary')).toHaveText('2 of 2 done');

  // The same page again: already there, listed under the first results (they stay until the dialog is closed).
  await page.getByTestId('url-import-text').fill(requested);
  await page.getByTestId('url-import-submit').click();
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toHaveAttribute('data-status', 'duplicate', { timeout: 60_000 });
  await screenshotBoth(page, 'dialog');

  // The link opens the new source in the reader; its details carry the provenance.
  await items.nth(0).getByTestId('url-item-link').click();
  await expect(page.getByTestId('reader-title')).toContainText('Harbour closes to night traffic');
  await expect(page.getByRole('dialog', { name: 'Import from URL' })).toHaveCount(0);
  await expect(page.getByTestId('reader-capture-badge')).toContainText(/captured \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  const sourceId = (await page.getByTestId('reader').getAttribute('data-source-id'))!;

  // Two highlights: one on a sentence version 2 keeps, one on the sentence it rewrites.
  const view = await callApi<{ text: string }>(server, 'sources.open', { id: sourceId });
  const at = (s: string) => ({ start: view.text.indexOf(s), end: view.text.indexOf(s) + s.length });
  expect(at(KEPT).start).toBeGreaterThanOrEqual(0);
  expect(at(CHANGED).start).toBeGreaterThanOrEqual(0);
  await callApi(server, 'highlights.create', { sourceId, ...at(KEPT), color: 'yellow' });
  await callApi(server, 'highlights.create', { sourceId, ...at(CHANGED), color: 'blue' });

  await page.getByTestId('reader-capture-badge').click();
  const prov = page.getByTestId('capture-provenance');
  await expect(prov).toBeVisible();
  await expect(prov.getByTestId('capture-requested')).toHaveText(requested);
  await expect(prov.getByTestId('capture-final')).toHaveText(fixtures.url('/news'));
  await expect(prov.getByTestId('capture-redirects')).toContainText('301');
  await expect(prov.getByTestId('capture-status')).toHaveText('200');
  await expect(prov.getByTestId('capture-time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await expect(prov.getByTestId('capture-type')).toHaveText('text/html');
  await expect(prov.getByTestId('capture-charset')).toHaveText('utf-8 (from the HTTP Content-Type header)');
  // The raw bytes' hash is that of the page exactly as served.
  const servedSha = crypto.createHash('sha256').update(newsPage(1)).digest('hex');
  await expect(prov.getByTestId('capture-raw-sha')).toHaveText(servedSha);
  await expect(prov.getByTestId('capture-text-sha')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(prov.getByTestId('capture-found')).toContainText('opengraph');

  await prov.getByTestId('capture-verify').click();
  await expect(prov.getByTestId('capture-verify-ok')).toContainText('Hashes match');
  await prov.scrollIntoViewIfNeeded();
  await screenshotBoth(page, 'provenance');

  // "Save raw copy" downloads the stored bytes, unchanged.
  const [download] = await Promise.all([page.waitForEvent('download'), prov.getByTestId('capture-save-raw').click()]);
  const saved = fs.readFileSync(await download.path());
  expect(crypto.createHash('sha256').update(saved).digest('hex')).toBe(servedSha);

  // Unchanged page: said so, nothing made.
  await prov.getByTestId('capture-recapture').click();
  await expect(prov.getByTestId('capture-recapture-unchanged')).toBeVisible({ timeout: 60_000 });

  // The page changes: version 2, one highlight carried, the one on the rewritten sentence listed as an orphan.
  version = 2;
  await prov.getByTestId('capture-recapture').click();
  const changed = prov.getByTestId('capture-recapture-changed');
  await expect(changed).toBeVisible({ timeout: 60_000 });
  await expect(changed.getByTestId('capture-recapture-summary')).toHaveText('Version 2 made: 1 highlight carried, 1 orphan');
  await expect(changed.getByTestId('capture-orphans')).toContainText(CHANGED);
  await changed.getByTestId('capture-new-version-link').click();
  await expect(page.getByTestId('reader-capture-badge')).toContainText('v2 · captured');
  await expect(page.getByTestId('reader-text')).toContainText(REPLACEMENT);

  await page.getByTestId('reader-capture-badge').click();
  const rows = page.getByTestId('capture-version-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveAttribute('data-current', 'true');
  await rows.nth(1).getByTestId('capture-compare').click();
  const diff = page.getByTestId('capture-diff');
  await expect(diff.getByTestId('capture-diff-text')).toBeVisible();
  // Word level: the rewritten words are deleted and inserted, the new paragraph is inserted whole.
  await expect(diff.locator('ins').filter({ hasText: 'reviewed' })).toHaveCount(1);
  await expect(diff.locator('del').filter({ hasText: 'week' })).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: 'timetables would be published' })).toHaveCount(1);
  // The long unchanged paragraph between the changes is elided, with its size.
  await expect(diff.getByTestId('capture-diff-elided').first()).toHaveText(/^… [\d,]+ characters unchanged …$/);
  await screenshotBoth(page, 'diff');
});

test('the Browser extension panel shows a one-time pairing code with its expiry and the endpoint', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('nav-maintenance').click();
  const panel = page.getByTestId('extension-panel');
  await expect(panel.getByTestId('extension-none')).toBeVisible();
  await panel.getByTestId('extension-pair').click();
  await expect(panel.getByTestId('extension-code')).toHaveText(/\S{4,}/);
  await expect(panel.getByTestId('extension-expiry')).toHaveText(/^Expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(\d+:\d{2} left\)$/);
  await expect(panel.getByTestId('extension-endpoint')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+/);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/capture-extension-panel.png' });
});

test('a link dropped or pasted on the library, or the palette command, opens the URL dialog (prefilled with the link)', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  const dialog = page.getByRole('dialog', { name: 'Import from URL' });

  // A link dragged from a browser carries text/uri-list (with # comment lines) and no files.
  await page.getByTestId('library').evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData('text/uri-list', '# from the address bar\r\nhttps://news.example/a\r\nhttps://news.example/b');
    dt.setData('text/plain', 'https://news.example/a');
    for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('url-import-text')).toHaveValue('https://news.example/a\nhttps://news.example/b');
  await expect(page.getByTestId('url-import-submit')).toHaveText('Import 2 pages');
  await page.getByTestId('url-import-close').click();
  await expect(dialog).toHaveCount(0);

  // Ordinary text pasted on the library is left alone; a pasted address opens the dialog with it.
  const paste = (text: string) => page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await paste('not a link at all');
  await expect(dialog).toHaveCount(0);
  await paste('https://news.example/pasted');
  await expect(page.getByTestId('url-import-text')).toHaveValue('https://news.example/pasted');

  // A bad line is reported with its number, and nothing is started.
  await page.getByTestId('url-import-text').fill('https://news.example/ok\nnews.example/no-scheme');
  await page.getByTestId('url-import-submit').click();
  await expect(page.getByTestId('url-import-problems')).toContainText('Line 2');
  await expect(page.getByTestId('url-import-problems')).toContainText('add https:// in front');
  await expect(page.getByTestId('url-item')).toHaveCount(0);
  await page.getByTestId('url-import-close').click();

  // Browser mode has no menu bar: the palette's "Import from URL…" is the menu's entry.
  await page.keyboard.press('Control+k');
  await page.getByTestId('spotlight').fill('import from url');
  await page.locator('[data-command="import-url"]').click();
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('url-import-text')).toHaveValue('');
});
