/** Undo/redo that removes the record a screen shows: the screen goes back to its list quietly, and the toast offers Redo. */
import { expect, test, type Page } from '@playwright/test';
import { callApi, openApp } from './helpers';
import { startServer, type E2EServer } from './server';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const redNotifications = (page: Page) => page.locator('.mantine-Notification-root[style*="color-red"]');

async function undoAndRedo(page: Page, list: string, shownAgain: string): Promise<void> {
  await page.getByTestId('undo').click();
  await expect(page.getByTestId(list)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /could not be (opened|loaded)/ })).toHaveCount(0);
  await expect(redNotifications(page)).toHaveCount(0);
  await page.getByTestId('history-toast-redo').click();
  await expect(page.getByTestId(list)).toBeVisible();
  await expect(page.getByText(shownAgain).first()).toBeVisible();
}

test('undoing the import of the source open in the reader returns to the library', async ({ page }) => {
  server = await startServer();
  const imported = await callApi<{ source: { id: string } }>(server, 'sources.importText', { text: 'A short field note about Astana.\n\nSecond paragraph.', title: 'Field note' });
  await openApp(page, server);
  await page.goto(`${server.origin}/#/reader/${imported.source.id}`);
  await expect(page.getByTestId('reader-text')).toContainText('A short field note about Astana.');
  await undoAndRedo(page, 'library-table', 'Field note');
});

test('undoing the creation of the entity whose page is open returns to the entities list', async ({ page }) => {
  server = await startServer();
  const created = await callApi<{ entity: { id: string } }>(server, 'entities.create', { type: 'place', name: 'Astana', aliases: [] });
  await openApp(page, server);
  await page.goto(`${server.origin}/#/entity/${created.entity.id}`);
  await expect(page.getByRole('heading', { name: 'Astana' })).toBeVisible();
  await undoAndRedo(page, 'entities-screen', 'Astana');
});
