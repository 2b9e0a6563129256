/** Suggested claims in Chromium: the review list next to the entity suggestions; accept creates highlight, claimant and claim
 *  in one undoable step; dismiss hides a suggestion; nothing is stored before accepting. */
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Claim { id: string; claimantName: string | null; type: string; evidenceHighlightIds: string[] }
interface Highlight { id: string; quote: { exact: string } }

async function shoot(page: Page, name: string) {
  await page.mouse.move(5, 5);
  await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `/tmp/${name}-${scheme}.png` });
    const axe = await new AxeBuilder({ page }).include('[data-testid="suggestions"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme} ${v.id}`);
    expect(serious).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  fs.mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

test('suggested claims: review, accept (one undoable step) and dismiss (stored on the source, undoable)', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('library-row').first().click();
  await page.getByTestId('suggest-entities').click();
  const drawer = page.getByTestId('suggestions');
  await drawer.getByTestId('suggestions-view').getByText('Claims').click();
  const rows = drawer.getByTestId('claim-suggestion-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(2);
  expect(await callApi<Claim[]>(server, 'claims.list', {})).toEqual([]);
  await shoot(page, 'suggested-claims');

  // Accept the first suggestion whose claimant is named: highlight, claimant entity and claim appear together.
  const named = rows.filter({ hasNot: page.getByText('Unnamed source') }).first();
  const claimant = (await named.getByTestId('claim-suggestion-claimant').textContent())!;
  const evidence = (await named.getByTestId('claim-suggestion-evidence').textContent())!;
  await named.getByTestId('claim-suggestion-accept').click();
  await expect(rows).toHaveCount(count - 1);
  const claims = await callApi<Claim[]>(server, 'claims.list', {});
  expect(claims).toHaveLength(1);
  expect(claims[0]!.claimantName).toBe(claimant);
  const highlights = await callApi<Highlight[]>(server, 'highlights.list', {});
  expect(highlights.find((h) => h.id === claims[0]!.evidenceHighlightIds[0])?.quote.exact).toBe(evidence);

  // One undo removes the claim, its highlight and the new claimant (the drawer is closed: it covers the toolbar).
  await drawer.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByTestId('undo').click();
  await expect.poll(async () => (await callApi<Claim[]>(server!, 'claims.list', {})).length).toBe(0);
  expect((await callApi<Highlight[]>(server, 'highlights.list', {})).find((h) => h.quote.exact === evidence)).toBeUndefined();

  // Dismiss hides a suggestion for good: stored on the source (no claim), still hidden after a reload, back after undo.
  const openClaims = async () => {
    await page.getByTestId('suggest-entities').click();
    await drawer.getByTestId('suggestions-view').getByText('Claims').click();
    await expect(rows.first()).toBeVisible();
  };
  await openClaims();
  const before = await rows.count();
  const key = await rows.first().getAttribute('data-key');
  await rows.first().getByTestId('claim-suggestion-dismiss').click();
  await expect(rows).toHaveCount(before - 1);
  expect(await callApi<Claim[]>(server, 'claims.list', {})).toEqual([]);
  const sources = await callApi<Array<{ dismissedClaimSuggestions?: string[] }>>(server, 'sources.list', {});
  expect(sources.flatMap((s) => s.dismissedClaimSuggestions ?? [])).toEqual([key]);
  await page.reload(); // the reader stays open (its route is in the address)
  await openClaims();
  await expect(rows).toHaveCount(before - 1);
  await expect(drawer.locator(`[data-key="${key}"]`)).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByTestId('undo').click();
  await openClaims();
  await expect(rows).toHaveCount(before);
});
