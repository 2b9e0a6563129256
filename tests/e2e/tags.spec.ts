/** Tags in Chromium: rename and merge apply to every highlight at once, and undo takes them back. */
import { expect, test } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Tag { id: string; name: string; count?: number }
interface Highlight { id: string; tagIds: string[] }

test('rename and merge tags across all highlights; undo restores', async ({ page }) => {
  server = await startServer();
  const [source] = await callApi<Array<{ id: string }>>(server, 'sources.list', {});
  const claim = await callApi<Tag>(server, 'tags.create', { name: 'claim', parentId: null });
  const dup = await callApi<Tag>(server, 'tags.create', { name: 'claims', parentId: null });
  for (const [start, tagIds] of [[0, [claim.id]], [40, [dup.id]], [80, [claim.id, dup.id]]] as const) {
    await callApi(server, 'highlights.create', { sourceId: source!.id, start, end: start + 20, color: 'yellow', tagIds, note: '' });
  }
  await openApp(page, server);
  await page.getByTestId('nav-tags').click();
  const rowOf = (name: string) => page.getByTestId('tag-row').filter({ has: page.getByTestId('tag-row-name').getByText(name, { exact: true }) });

  await rowOf('claim').click();
  await page.getByTestId('tag-rename').click();
  await page.getByTestId('tag-rename-input').fill('assertion');
  await page.getByTestId('tag-rename-submit').click();
  await expect(rowOf('assertion')).toBeVisible();
  await expect(rowOf('claim')).toHaveCount(0);

  await rowOf('claims').click();
  await page.getByTestId('tag-merge').click();
  await page.getByTestId('tag-merge-target').click();
  await page.getByRole('option', { name: 'assertion' }).click();
  await page.getByTestId('tag-merge-submit').click();
  await expect(rowOf('claims')).toHaveCount(0);
  await expect(rowOf('assertion').getByTestId('tag-row-count')).toHaveText('3');
  const hs = await callApi<Highlight[]>(server, 'highlights.list', {});
  expect(hs.every((h) => h.tagIds.length === 1 && h.tagIds[0] === claim.id)).toBe(true);

  await rowOf('assertion').click();
  await expect(page.getByTestId('tag-highlight')).toHaveCount(3);

  // Undo the merge with the keyboard: the second tag and its highlights come back.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(rowOf('claims')).toBeVisible();
  await expect(rowOf('assertion').getByTestId('tag-row-count')).toHaveText('2');
});
