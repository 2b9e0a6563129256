/** Dossier flow in Chromium: undoing a draft while it is open goes back to the list quietly (with Redo), and the draft dialog's subject list leaves the title visible. */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function arrangeEntities(s: E2EServer): Promise<void> {
  for (const [type, name] of [['place', 'Türkiye'], ['place', 'Kazakhstan'], ['person', 'Recep Tayyip Erdoğan'], ['person', 'Kassym-Jomart Tokayev']]) {
    await callApi(s, 'entities.create', { type, name, aliases: [] });
  }
}

async function openDraftDialog(page: Page): Promise<void> {
  await page.getByTestId('nav-dossiers').click();
  await page.getByTestId('dossier-draft-open').click();
  await expect(page.getByRole('heading', { name: 'Auto-draft a dossier' })).toBeVisible();
}

async function pickEntity(page: Page, typed: string, name: string): Promise<void> {
  await page.getByTestId('draft-subjects').click();
  await page.keyboard.type(typed);
  await page.getByRole('option').filter({ hasText: name }).first().click();
}

const redNotifications = (page: Page) => page.locator('.mantine-Notification-root[style*="color-red"]');

test('undoing "Draft dossier" while it is open returns to the list quietly; the toast offers Redo, which brings it back', async ({ page }) => {
  server = await startServer();
  await arrangeEntities(server);
  await openApp(page, server);
  await openDraftDialog(page);
  await pickEntity(page, 'Türk', 'Türkiye');
  await page.getByRole('heading', { name: 'Auto-draft a dossier' }).click(); // closes the option list
  await page.getByTestId('draft-submit').click();
  const builder = page.getByTestId('dossier-builder');
  await expect(builder).toBeVisible();
  const dossierId = (await builder.getAttribute('data-dossier-id'))!;

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('dossiers')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/dossiers');
  const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Undone' });
  await expect(toast).toContainText('Draft dossier');
  // Let any late reload of the vanished dossier settle before checking nothing red appeared.
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/dossier-undo-draft.png' });
  await expect(page.getByTestId('dossier-error')).toHaveCount(0);
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Could not' })).toHaveCount(0);
  await expect(redNotifications(page)).toHaveCount(0);

  await toast.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: 'Redone' })).toBeVisible();
  await expect(page.getByTestId('dossiers')).toContainText('Türkiye');
  const list = await callApi<Array<{ id: string }>>(server, 'dossiers.list', {});
  expect(list.map((d) => d.id)).toEqual([dossierId]);
});

test('the auto-draft dialog with the Subjects list open leaves the Title field uncovered', async ({ page }) => {
  server = await startServer();
  await arrangeEntities(server);
  await openApp(page, server);
  await openDraftDialog(page);
  await page.getByTestId('draft-subjects').click();
  const dropdown = page.getByRole('listbox');
  await expect(dropdown).toBeVisible();
  await page.screenshot({ path: '/tmp/dossier-draft-dialog.png' });
  const list = (await dropdown.boundingBox())!;
  const title = (await page.getByTestId('draft-title').boundingBox())!;
  const overlaps = list.x < title.x + title.width && title.x < list.x + list.width && list.y < title.y + title.height && title.y < list.y + list.height;
  expect(overlaps, `subjects list ${JSON.stringify(list)} covers the title ${JSON.stringify(title)}`).toBe(false);
  // And the title can still be typed into while the analyst is choosing.
  await page.getByTestId('draft-title').click();
  await page.keyboard.type('Neighbours');
  await expect(page.getByTestId('draft-title')).toHaveValue('Neighbours');
});

test('"Start each section on a new page" is saved, shown in the preview, and undone like any edit', async ({ page }) => {
  server = await startServer();
  const created = await callApi<{ id: string }>(server, 'dossiers.create', { title: 'Page breaks', subjectIds: [], author: '' });
  const text = (t: string) => ({ id: crypto.randomUUID(), kind: 'text', text: t, refId: null });
  await callApi(server, 'dossiers.update', { id: created.id, sections: [
    { id: crypto.randomUUID(), title: 'Background', blocks: [text('A short first section.')] },
    { id: crypto.randomUUID(), title: 'Assessment', blocks: [text('A short second section.')] },
  ] });
  await openApp(page, server);
  await page.goto(`${server.url}#/dossier/${created.id}`);
  const option = page.getByTestId('dossier-new-page-per-section');
  const preview = page.frameLocator('[data-testid="dossier-preview"]');
  await expect(option).not.toBeChecked();
  await expect(preview.locator('body')).toHaveClass('flowing');
  await page.screenshot({ path: '/tmp/dossier-builder-flowing.png' });

  await option.check();
  await expect(preview.locator('body')).toHaveClass('page-per-section');
  const stored = await callApi<{ dossier: { newPagePerSection?: boolean } }>(server, 'dossiers.get', { id: created.id });
  expect(stored.dossier.newPagePerSection).toBe(true);
  await page.screenshot({ path: '/tmp/dossier-builder-page-per-section.png' });

  await page.getByTestId('undo').click();
  await expect(option).not.toBeChecked();
  await expect(preview.locator('body')).toHaveClass('flowing');
});
