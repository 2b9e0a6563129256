/** The browser-mode equivalents of the desktop menus: the reader's selection menu (right-click) and the application menu's commands in the palette. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, highlightText, openApp, selectInReader } from './helpers';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function openReader(page: Page) {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('library-row').first().click();
  await expect(page.getByTestId('reader-title')).toBeVisible();
}

/** Right-clicks in the middle of the current selection, where a user would (so the selection stays). */
async function rightClickSelection(page: Page) {
  const box = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getClientRects()[0]!;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
}

const menu = (page: Page) => page.getByTestId('reader-context-menu');

test('right-click on a selection offers Highlight, Highlight and tag…, Copy with citation; Highlight creates the mark', async ({ page }) => {
  await openReader(page);
  // Without a selection the page's own menu is left alone.
  await page.getByTestId('reader-text').click({ button: 'right', position: { x: 20, y: 20 } });
  await expect(menu(page)).toHaveCount(0);

  await selectInReader(page, SENTENCE);
  await rightClickSelection(page);
  await expect(menu(page)).toBeVisible();
  await expect(menu(page).getByRole('menuitem')).toHaveText(['Highlight', 'Highlight and tag…', 'Copy with citation', 'Copy']);
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-mantine-color-scheme', t), theme);
    await page.screenshot({ path: `/tmp/reader-context-menu-${theme}.png` });
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));

  await page.getByTestId('reader-menu-highlight').click();
  await expect(menu(page)).toHaveCount(0);
  const mark = page.getByTestId('highlight').first();
  await expect(mark).toBeVisible();
  expect(await highlightText(page, (await mark.getAttribute('data-highlight-id'))!)).toBe(SENTENCE);
  // The new highlight is selected in the side panel, as after the toolbar's Highlight.
  await expect(page.getByTestId('panel-quote')).toContainText('brotherly Kazakhstan');
});

test('Highlight and tag… creates the highlight and opens its tag picker', async ({ page }) => {
  await openReader(page);
  await selectInReader(page, SENTENCE);
  await rightClickSelection(page);
  await page.getByTestId('reader-menu-highlight-tag').click();
  await expect(page.getByTestId('highlight').first()).toBeVisible();
  const tags = page.getByTestId('side-panel').getByTestId('panel-tags');
  await expect(tags).toBeFocused();
  await page.keyboard.type('kazakhstan');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('side-panel')).toContainText('kazakhstan');
});

test('Copy with citation puts the quote and its source on the clipboard, and creates nothing', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openReader(page);
  const title = (await page.getByTestId('reader-title').textContent())!.trim();
  await selectInReader(page, SENTENCE);
  await rightClickSelection(page);
  await page.getByTestId('reader-menu-cite').click();
  await expect(page.getByText('Copied with citation')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith(`“${SENTENCE}”\n— ${title}`)).toBe(true);
  expect(copied).toMatch(/\(¶ \d+, characters \d+–\d+\)$/);
  await expect(page.getByTestId('highlight')).toHaveCount(0);
});

test('the palette lists the application menu’s commands, and Import… opens the file picker and imports', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('nav-graph').click();
  await page.keyboard.press('Control+k');
  const commands = page.getByTestId('palette-command');
  await expect(commands.first()).toBeVisible();
  const ids = await commands.evaluateAll((els) => els.map((e) => e.getAttribute('data-command')));
  expect(ids).toEqual(expect.arrayContaining(['import', 'paste', 'export-dossier', 'backup', 'undo', 'redo', 'go-library', 'go-dossiers']));
  await page.screenshot({ path: '/tmp/palette-menu-commands.png' });

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-import-')), 'menu-import.txt');
  fs.writeFileSync(file, 'Menu import\n\nA note imported from the palette’s Import… command.');
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-command="import"]').click();
  await (await chooser).setFiles(file);
  // Imported into the library, which it opens.
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  await expect(page.getByTestId('library')).toContainText('Menu import');
});

test('Export dossier… from the palette goes to the dossiers when none is open', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.keyboard.press('Control+k');
  await page.getByTestId('spotlight').fill('export dossier');
  await page.locator('[data-command="export-dossier"]').click();
  await expect(page).toHaveURL(/#\/dossiers$/);
});

test('Export dossier… with a dossier open opens its export menu to pick the format', async ({ page }) => {
  server = await startServer();
  const dossier = await callApi<{ id: string }>(server, 'dossiers.create', { title: 'Menu export', subjectIds: [], author: '' });
  await openApp(page, server);
  await page.goto(`${server.url.split('#')[0]}#/dossier/${dossier.id}`);
  await expect(page.getByTestId('dossier-export')).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.getByTestId('spotlight').fill('export dossier');
  await page.locator('[data-command="export-dossier"]').click();
  await expect(page.getByTestId('export-pdf')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/dossier/${dossier.id}$`));
});

/** The preload's bridge as the desktop app exposes it, faked in the page: menu commands in, the native reader menu answering `answer`. */
async function fakeDesktopBridge(page: Page, answer: string | null) {
  await page.addInitScript((chosen) => {
    const w = window as unknown as Record<string, unknown>;
    const listeners = new Set<(c: string) => void>();
    w.__menuRequests = [];
    w.__sendMenuCommand = (c: string) => listeners.forEach((l) => l(c));
    w.workbenchDesktop = {
      platform: 'linux',
      onCommand: (l: (c: string) => void) => { listeners.add(l); return () => listeners.delete(l); },
      readerMenu: async (req: unknown) => { (w.__menuRequests as unknown[]).push(req); return { ok: true, value: { command: chosen } }; },
      saveExport: async () => ({ ok: true, value: { cancelled: true } }),
    };
  }, answer);
}
const sendMenuCommand = (page: Page, command: string) => page.evaluate((c) => (window as unknown as { __sendMenuCommand(c: string): void }).__sendMenuCommand(c), command);

test('desktop app: the reader asks for the native menu at the pointer and applies the command chosen', async ({ page }) => {
  await fakeDesktopBridge(page, 'highlight');
  await openReader(page);
  await selectInReader(page, SENTENCE);
  await rightClickSelection(page);
  const mark = page.getByTestId('highlight').first();
  await expect(mark).toBeVisible();
  expect(await highlightText(page, (await mark.getAttribute('data-highlight-id'))!)).toBe(SENTENCE);
  // The native menu, not the page's: nothing drawn in the page, one request with whole pixel coordinates.
  await expect(menu(page)).toHaveCount(0);
  const requests = await page.evaluate(() => (window as unknown as { __menuRequests: Array<{ x: number; y: number }> }).__menuRequests);
  expect(requests).toHaveLength(1);
  expect(Number.isInteger(requests[0]!.x) && requests[0]!.x > 0 && Number.isInteger(requests[0]!.y)).toBe(true);
});

test('desktop app: application menu commands navigate, open Find, and Undo undoes in the focused field first, else the workbench', async ({ page }) => {
  await fakeDesktopBridge(page, null);
  server = await startServer();
  await openApp(page, server);
  await sendMenuCommand(page, 'goGraph');
  await expect(page).toHaveURL(/#\/graph$/);
  await sendMenuCommand(page, 'goAnalysis');
  await expect(page).toHaveURL(/#\/claims$/);
  await sendMenuCommand(page, 'find');
  await expect(page.getByTestId('spotlight')).toBeVisible();
  await page.keyboard.press('Escape');

  // Focus in a text field: Edit › Undo takes back the typing, not a workbench change.
  await sendMenuCommand(page, 'goLibrary');
  const filter = page.getByTestId('library-filter');
  await filter.click();
  await page.keyboard.type('abc');
  await sendMenuCommand(page, 'undo');
  await expect(filter).toHaveValue('');
  await sendMenuCommand(page, 'redo');
  await expect(filter).toHaveValue('abc');
  await filter.fill('');

  // Focus elsewhere: the workbench’s undo (here: the highlight just made goes, then comes back).
  await page.getByTestId('library-row').first().click();
  await selectInReader(page, SENTENCE);
  await page.keyboard.press('h');
  await expect(page.getByTestId('highlight')).toHaveCount(1);
  await page.getByTestId('reader-title').click();
  await sendMenuCommand(page, 'undo');
  await expect(page.getByTestId('highlight')).toHaveCount(0);
  await sendMenuCommand(page, 'redo');
  await expect(page.getByTestId('highlight')).toHaveCount(1);
});
