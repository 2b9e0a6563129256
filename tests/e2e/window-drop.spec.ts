/** Files dropped anywhere on the window are imported: from any screen the app goes to the Library with the new source. */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { startServer, type E2EServer } from './server';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** A real drag of files as the OS delivers it: dragenter, dragover, drop on one element, with one DataTransfer. */
async function dropFiles(page: Page, selector: string, files: { name: string; text: string }[], finish: 'drop' | 'leave' = 'drop'): Promise<void> {
  await page.evaluate(([sel, list, end]) => {
    const target = document.querySelector(sel)!;
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    const fire = (type: string) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    fire('dragenter');
    fire('dragover');
    if (end === 'drop') fire('drop');
  }, [selector, files, finish] as const);
}

test('a file dropped on the Tags screen is imported and shown in the Library', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('nav-tags').click();
  await expect(page).toHaveURL(/#\/tags$/);

  await dropFiles(page, '[data-testid="nav-tags"]', [{ name: 'field-note.txt', text: 'Field note from Almaty.\n\nThe convoy left at dawn.' }], 'leave');
  await expect(page.getByTestId('window-drop-overlay')).toBeVisible();
  await page.screenshot({ path: '/tmp/window-drop-overlay.png' });

  await dropFiles(page, 'main', [{ name: 'field-note.txt', text: 'Field note from Almaty.\n\nThe convoy left at dawn.' }]);
  await expect(page).toHaveURL(/#\/library$/);
  await expect(page.getByTestId('window-drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('library-row').filter({ hasText: 'Field note from Almaty' })).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toHaveCount(2);
});

test('on the Library a dragged file shows the Library\'s own overlay, not the window\'s', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await dropFiles(page, '[data-testid="library"]', [{ name: 'note.txt', text: 'A note.' }], 'leave');
  await expect(page.getByText('Drop files to import them', { exact: true })).toBeVisible();
  await expect(page.getByTestId('window-drop-overlay')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/library-drop-overlay.png' });
});

test('dragging the app\'s own items (no files) neither shows the overlay nor imports anything', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('nav-tags').click();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'a dossier block');
    for (const type of ['dragenter', 'dragover', 'drop']) document.querySelector('main')!.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await expect(page.getByTestId('window-drop-overlay')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/tags$/);
});
