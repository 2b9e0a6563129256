/** The foundation loop in Chromium against browser mode: seed, highlight, tag, note, kill, restart, find it again. */
import { expect, test } from '@playwright/test';
import { newWorkspace, startServer, type E2EServer } from './server';
import { highlightText, openApp, selectInReader } from './helpers';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

test('highlight, tag and note survive a kill of the server right after they are acknowledged', async ({ page }) => {
  const workspace = newWorkspace();
  server = await startServer(workspace);
  await openApp(page, server);
  const rows = page.getByTestId('library-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Türkiye will continue to support');
  await rows.first().click();
  await expect(page.getByTestId('reader-title')).toContainText('Türkiye will continue');

  await selectInReader(page, SENTENCE);
  await page.getByTestId('toolbar-tag').click();
  const panel = page.getByTestId('side-panel');
  await expect(panel).toBeVisible();
  const mark = page.getByTestId('highlight').first();
  await expect(mark).toBeVisible();
  const highlightId = (await mark.getAttribute('data-highlight-id'))!;
  expect(await highlightText(page, highlightId)).toBe(SENTENCE);

  // Each wait matches its own request: leaving the tags field can send another tag update, which must not be
  // mistaken for the note's acknowledgement (the kill would then come before the note was saved).
  const updateWith = (field: string) => (r: { url(): string; request(): { postData(): string | null } }) =>
    r.url().includes('/api/highlights.update') && (r.request().postData() ?? '').includes(`"${field}"`);
  const tagged = page.waitForResponse(updateWith('tagIds'));
  const tagsInput = panel.getByTestId('panel-tags');
  await tagsInput.click();
  await page.keyboard.type('claim');
  await page.keyboard.press('Enter');
  expect((await (await tagged).json()).ok).toBe(true);
  // The tag is shown and its field is empty before the note is written: typing must not race the tag field.
  await expect(panel).toContainText('claim');
  await expect(tagsInput).toHaveValue('');

  // Listening before the note is written: a save that answers quickly must not slip past the wait.
  const saved = page.waitForResponse(updateWith('note'));
  const note = panel.getByTestId('panel-note');
  await note.fill('Erdoğan commits to Kazakhstan’s territorial integrity.');
  await expect(note).toHaveValue('Erdoğan commits to Kazakhstan’s territorial integrity.');
  await panel.getByTestId('panel-note-save').click();
  expect((await (await saved).json()).ok).toBe(true);

  // Acknowledged means durable: kill without any chance to flush, then start again on the same folder.
  await server.stop('SIGKILL');
  server = await startServer(workspace);
  await openApp(page, server);
  await page.getByTestId('library-row').first().click();
  await expect(page.getByTestId('highlight').first()).toBeVisible();
  expect(await highlightText(page, highlightId)).toBe(SENTENCE);
  await page.getByTestId('highlight').first().click();
  await expect(page.getByTestId('side-panel')).toContainText('claim');
  await expect(page.getByTestId('panel-note')).toHaveValue('Erdoğan commits to Kazakhstan’s territorial integrity.');
});

test('after a tag is chosen, moving the focus to the note keeps it there: typing lands in the note, not the tags', async ({ page }) => {
  server = await startServer(newWorkspace());
  await openApp(page, server);
  await page.getByTestId('library-row').first().click();
  await selectInReader(page, SENTENCE);
  await page.getByTestId('toolbar-tag').click();
  const panel = page.getByTestId('side-panel');
  const tagsInput = panel.getByTestId('panel-tags');
  const tagged = page.waitForResponse((r) => r.url().includes('/api/highlights.update'));
  await tagsInput.click();
  await page.keyboard.type('claim');
  await page.keyboard.press('Enter');
  expect((await (await tagged).json()).ok).toBe(true);
  await expect(panel).toContainText('claim');

  // Focus moved without a press (a screen reader, voice control, the app's own focus()): the tag list's dropdown
  // then closes on the blur and, as a popover returning focus, used to hand it back to the tags field 10 ms later,
  // so what the analyst typed next became a tag. (A mouse press closes it first, so a click was never affected.)
  const note = panel.getByTestId('panel-note');
  await note.focus();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await expect(note).toBeFocused();
  await page.keyboard.type('Why it matters');
  await expect(note).toHaveValue('Why it matters');
  await expect(tagsInput).toHaveValue('');
});

test('paste a source, import HTML without running its script, refuse a binary file', async ({ page }) => {
  server = await startServer();
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await openApp(page, server);

  await page.getByTestId('paste-open').click();
  await page.getByTestId('paste-title').fill('Field note from Astana');
  await page.getByTestId('paste-text').fill('Putin and Erdoğan met in Astana.\n\nThe talks covered Ukraine.');
  await page.getByTestId('paste-submit').click();
  await expect(page.getByTestId('library-row').filter({ hasText: 'Field note from Astana' })).toBeVisible();

  const html = `<!doctype html><html><head><title>Summit report</title><script>window.__pwned = 1; alert('x')</script></head>
    <body><article><h1>Summit report</h1><p>Leaders of the Organization of Turkic States met in Samarkand.</p>
    <p onclick="window.__pwned=2">Second paragraph with <img src=x onerror="window.__pwned=3"> an image.</p></article></body></html>`;
  await page.getByTestId('import-input').setInputFiles({ name: 'summit.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  const row = page.getByTestId('library-row').filter({ hasText: 'Summit report' });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId('reader-text')).toContainText('Organization of Turkic States met in Samarkand');
  await expect(page.getByTestId('reader-text')).not.toContainText('__pwned');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  await page.getByTestId('nav-library').click();
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await page.getByTestId('import-input').setInputFiles({ name: 'scan.txt', mimeType: 'text/plain', buffer: bytes });
  await expect(page.getByText(/scan\.txt: the file is binary/)).toBeVisible();
  await expect(page.getByTestId('library-row')).toHaveCount(3);
});
