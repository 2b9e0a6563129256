/** Search in Chromium: the Ctrl+K palette finds names without their accents and exact phrases, opens the passage, and the results screen filters by kind. */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('spotlight')).toBeVisible();
  await expect(page.getByTestId('spotlight')).toBeFocused();
}

test('palette: Erdogan finds Erdoğan, turkiye finds Türkiye, a quoted phrase opens the flashing passage', async ({ page }) => {
  server = await startServer();
  await callApi(server, 'entities.create', { type: 'person', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'] });
  await openApp(page, server);

  await openPalette(page);
  const input = page.getByTestId('spotlight');
  const results = page.getByTestId('palette-result');
  await input.fill('Erdogan');
  await expect(results.first()).toContainText('Erdoğan');
  // The matched word is marked inside the snippet, with its accent as the text has it.
  await expect(results.first().locator('mark').first()).toHaveText('Erdoğan');
  await expect(page.locator('[data-testid="palette-result"][data-kind="entity"]')).toContainText('Recep Tayyip Erdoğan');

  await input.fill('turkiye');
  await expect(results.first()).toContainText('Türkiye');
  await expect(results.locator('mark', { hasText: 'Türkiye' }).first()).toBeVisible();

  await input.fill('"just peace"');
  const phraseHit = results.filter({ hasText: 'just peace' }).first();
  await expect(phraseHit).toBeVisible();
  await expect(phraseHit.locator('mark')).toHaveText(['just peace']);
  await expect(phraseHit).toHaveAttribute('data-selected', 'true');
  await input.press('Enter');

  // The reader opens at the passage: the URL names the range, and the range is flashed and on screen.
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(page).toHaveURL(/#\/reader\/[^?]+\?s=\d+&e=\d+$/);
  const [, s, e] = /s=(\d+)&e=(\d+)/.exec(page.url())!;
  const text = page.getByTestId('reader-text');
  await expect(text).toHaveAttribute('data-flash-range', `${s}-${e}`);
  await expect(text.getByText('called for a "just peace"')).toBeInViewport();
});

test('results screen: every kind, then filtered to entities; a result opens its page', async ({ page }) => {
  server = await startServer();
  const erdogan = await callApi<{ entity: { id: string } }>(server, 'entities.create', { type: 'person', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'] });
  await openApp(page, server);

  await page.getByTestId('search-input').fill('Erdogan');
  await page.getByTestId('search-input').press('Enter');
  const results = page.getByTestId('search-result');
  await expect(page.getByTestId('search-results')).toBeVisible();
  await expect(results.first()).toBeVisible();
  await expect(page.locator('[data-testid="search-result"][data-kind="source"]').first()).toContainText('Erdoğan');
  await expect(page.locator('[data-testid="search-result"][data-kind="entity"]')).toHaveCount(1);
  expect(await results.count()).toBeGreaterThan(5);

  await page.getByTestId('filter-kind-entity').click();
  await expect(page).toHaveURL(/kinds=entity/);
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAttribute('data-kind', 'entity');
  await expect(results.first().locator('mark').first()).toHaveText('Erdoğan');

  await results.first().click();
  await expect(page).toHaveURL(new RegExp(`#/entity/${erdogan.entity.id}$`));
});
