/** Search in Chromium: claims found by their claimant's name (folded, and after a rename), hits that say why they matched
 *  without a bare score, a header box that follows the current search, and a fresh workspace with nothing to undo. */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** The statement avoids the claimant's name, so only the claimant can make the claim match. */
const STATEMENT = 'Ankara will keep mediating between Moscow and Kyiv';

interface Entity { id: string; name: string }

async function arrangeClaim(s: E2EServer): Promise<{ erdogan: Entity; claimId: string }> {
  const { entity: erdogan } = await callApi<{ entity: Entity }>(s, 'entities.create', { type: 'person', name: 'Recep Tayyip Erdoğan', aliases: ['Erdoğan'] });
  const claim = await callApi<{ id: string }>(s, 'claims.create', {
    claimantId: erdogan.id, statement: STATEMENT, type: 'intention', claimedAt: '', credibility: 6,
    evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [],
  });
  return { erdogan, claimId: claim.id };
}

async function searchFor(page: Page, q: string) {
  await page.getByTestId('search-input').fill(q);
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-count')).toContainText(`for “${q}”`);
}

test('Erdogan finds the claim Erdoğan made, and after a rename the new name finds it', async ({ page }) => {
  server = await startServer();
  const { erdogan, claimId } = await arrangeClaim(server);
  await openApp(page, server);

  await searchFor(page, 'Erdogan');
  const claimHit = page.locator('[data-testid="search-result"][data-kind="claim"]');
  await expect(claimHit).toHaveCount(1);
  await expect(claimHit).toContainText(STATEMENT);
  // The hit says why it matched: the claimant, with the name as written.
  await expect(claimHit.getByTestId('hit-matched-in')).toHaveText('claimant: Recep Tayyip Erdoğan');
  await expect(claimHit.getByTestId('hit-matched-in').locator('mark')).toHaveText('Erdoğan');

  // No result carries a bare relevance number such as "3.8".
  const results = page.getByTestId('search-result');
  for (const text of await results.allInnerTexts()) expect(text).not.toMatch(/(^|\s)\d\.\d(\s|$)/);

  // Screenshots (checked by eye) with the claim hit on screen.
  await claimHit.scrollIntoViewIfNeeded();
  for (const theme of ['light', 'dark'] as const) {
    const current = await page.locator('html').getAttribute('data-mantine-color-scheme');
    if (current !== theme) await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
    await page.screenshot({ path: `/tmp/search-claims-${theme}.png` });
  }

  // Partial words are announced once, in words rather than a number per hit.
  await searchFor(page, 'Erdo');
  await expect(page.getByTestId('search-match-divider')).toHaveText('Partial-word matches');
  await expect(claimHit).toHaveAttribute('data-match', 'prefix');
  await expect(claimHit.getByTestId('hit-matched-in').locator('mark')).toHaveText('Erdoğan');
  await page.getByTestId('search-ranking').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/search-claims-prefix-dark.png' });

  await callApi(server, 'entities.update', { id: erdogan.id, name: 'Tayyip Erdoğan Bey', aliases: [] });
  await searchFor(page, 'Bey');
  await expect(claimHit).toHaveCount(1);
  await expect(claimHit.getByTestId('hit-matched-in')).toHaveText('claimant: Tayyip Erdoğan Bey');
  await claimHit.click();
  await expect(page).toHaveURL(new RegExp(claimId));
});

test('the header box shows the current search: palette, results screen, and after leaving search', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  const header = page.getByTestId('search-input');

  await searchFor(page, 'Kazakhstan');
  await expect(header).toHaveValue('Kazakhstan');
  // No result carries a bare relevance number such as "3.8".
  for (const text of await page.getByTestId('search-result').allInnerTexts()) expect(text).not.toMatch(/(^|\s)\d\.\d(\s|$)/);

  // A search from the palette replaces the header's query.
  await page.keyboard.press('Control+k');
  await page.getByTestId('spotlight').fill('Türkiye');
  await page.getByTestId('palette-all-results').click();
  await expect(page.getByTestId('search-count')).toContainText('for “Türkiye”');
  await expect(header).toHaveValue('Türkiye');

  // Typing on the results screen is the current search too.
  await page.getByTestId('search-results-query').fill('peace');
  await expect(page).toHaveURL(/q=peace/);
  await expect(header).toHaveValue('peace');

  // Back to the previous search, then away from search altogether.
  await page.goBack();
  await expect(page.getByTestId('search-count')).toContainText('for “Kazakhstan”');
  await expect(header).toHaveValue('Kazakhstan');
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library-table')).toBeVisible();
  await expect(header).toHaveValue('');
});

test('a brand-new workspace has the sample article and nothing to undo', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row').first()).toContainText('Türkiye will continue');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('undo')).toHaveAttribute('aria-label', 'Nothing to undo');
  expect(await callApi(server, 'history.state', {})).toMatchObject({ canUndo: false, undoLabel: null });
});
