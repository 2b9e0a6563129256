/** Issue 17 in Chromium: an ACH matrix built, rated, ranked, undone and exported; the co-occurrence table opening its passages.
 *  Screenshots (light and dark) of both go to /tmp and docs/screenshots. */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

const REPORT = `Kazakh leader Tokayev hosts Erdogan in Astana
President Erdoğan and President Tokayev signed agreements on trade and energy in Astana on Wednesday.
Kazakhstan supports Türkiye's initiatives, Tokayev said, according to the Kazakh presidency.`;
const SHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Src { id: string; meta: { title: string } }
interface Hl { id: string }

/** The sample (B) and a second report (C), tagged passages (Energy and Trade meet in one line of each), a B2 claim. */
async function arrange(s: E2EServer) {
  const [sample] = await callApi<Src[]>(s, 'sources.list', {});
  const report = (await callApi<{ source: Src }>(s, 'sources.importText', { text: REPORT, title: 'Tokayev hosts Erdogan' })).source;
  await callApi(s, 'sources.updateMeta', { id: sample!.id, patch: {}, reliability: 'B' });
  await callApi(s, 'sources.updateMeta', { id: report.id, patch: {}, reliability: 'C' });
  const tag = async (name: string) => (await callApi<{ id: string }>(s, 'tags.create', { name })).id;
  const [energy, trade, security, stability] = [await tag('Energy'), await tag('Trade'), await tag('Security'), await tag('Stability')];
  const text = async (id: string) => (await callApi<{ text: string }>(s, 'sources.open', { id })).text;
  const texts = { [sample!.id]: await text(sample!.id), [report.id]: await text(report.id) };
  const mark = async (sourceId: string, phrase: string, tagIds: string[]) => {
    const start = texts[sourceId]!.indexOf(phrase);
    expect(start, phrase).toBeGreaterThanOrEqual(0);
    return callApi<Hl>(s, 'highlights.create', { sourceId, start, end: start + phrase.length, tagIds });
  };
  await mark(sample!.id, 'transportation and energy', [energy]);
  await mark(sample!.id, 'raise bilateral trade volume', [trade]);
  await mark(sample!.id, 'development of the Middle Corridor', [stability]);
  await mark(sample!.id, 'stability, peace, sovereignty', [security, stability]);
  await mark(sample!.id, 'attach great importance to the security', [security]);
  await mark(sample!.id, 'prosperity of Kazakhstan', [stability]);
  const closest = await mark(sample!.id, 'closest and most reliable', []);
  const signed = await mark(report.id, 'signed agreements on trade and energy', [energy, trade]);
  const tokayev = (await callApi<{ entity: { id: string } }>(s, 'entities.create', { type: 'person', name: 'Kassym-Jomart Tokayev' })).entity;
  const erdogan = (await callApi<{ entity: { id: string } }>(s, 'entities.create', { type: 'person', name: 'Recep Tayyip Erdoğan' })).entity;
  await callApi(s, 'highlights.setEntities', { id: signed.id, entityIds: [tokayev.id, erdogan.id] });
  await callApi(s, 'claims.create', {
    claimantId: tokayev.id, statement: 'Türkiye is Kazakhstan’s closest and most reliable partner', type: 'assessment',
    claimedAt: '', credibility: 2, evidenceHighlightIds: [closest.id], aboutEntityIds: [], tagIds: [],
  });
  return { sample: sample!, report, signed };
}

async function shoot(page: Page, name: string) {
  // No tooltip or toast over the screen: the mouse leaves, notifications are closed.
  await page.mouse.move(700, 880);
  for (const close of await page.locator('.mantine-Notification-root button.mantine-Notification-closeButton').all()) await close.click();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await page.addStyleTag({ content: '*,*::before,*::after{transition:none!important;animation:none!important}' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `/tmp/${name}-${scheme}.png`, fullPage: false });
    // Rating and heat colours must stay legible in both schemes: no serious or critical WCAG A/AA finding.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${scheme} ${v.id}: ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`));
    expect(serious).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Rates a cell through its menu. */
async function rate(page: Page, row: number, column: number, rating: string) {
  const cell = page.getByTestId('ach-evidence').nth(row).getByTestId('ach-cell').nth(column);
  await cell.click();
  await page.getByTestId('ach-rating-menu').locator(`[data-testid="ach-rate"][data-rating="${rating}"]`).click();
  await expect(cell).toHaveAttribute('data-rating', rating);
  await expect(page.getByTestId('ach-rating-menu')).toHaveCount(0);
}

test('an ACH matrix ranks two hypotheses, marks a non-diagnostic row, undoes a rating and exports CSV', async ({ page }) => {
  server = await startServer();
  const { signed } = await arrange(server);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, server);

  await page.getByTestId('nav-ach').click();
  await page.getByTestId('ach-new-title').fill('Why the Astana summit?');
  await page.getByTestId('ach-new-question').fill('What drives the Türkiye–Kazakhstan partnership?');
  await page.getByTestId('ach-create').click();
  await expect(page.getByTestId('ach-title')).toHaveText('Why the Astana summit?');
  // The second is typed while the first is still being saved, and added once that save is back: neither is lost.
  await page.route('**/api/ach.addHypothesis', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  const firstSaved = page.waitForResponse('**/api/ach.addHypothesis');
  await page.getByTestId('ach-hypothesis-new').fill('Trade and energy');
  await page.getByTestId('ach-hypothesis-add').click();
  await page.getByTestId('ach-hypothesis-new').fill('Security');
  await firstSaved;
  await expect(page.getByTestId('ach-hypothesis')).toHaveCount(1);
  await expect(page.getByTestId('ach-hypothesis-new')).toHaveValue('Security');
  await page.getByTestId('ach-hypothesis-add').click();
  await expect(page.getByTestId('ach-hypothesis')).toHaveCount(2);
  await expect(page.getByTestId('ach-hypothesis-new')).toHaveValue('');
  await page.unroute('**/api/ach.addHypothesis');

  // Evidence through the record picker: the claim, then the report's passage.
  await page.getByTestId('ach-evidence-add').click();
  await page.getByTestId('ach-add-claim').click();
  await page.getByTestId('record-picker-filter').fill('closest');
  await page.getByTestId('record-option').first().click();
  await page.getByTestId('ach-evidence-add').click();
  await page.getByTestId('ach-add-highlight').click();
  await page.getByTestId('record-picker-filter').fill('signed agreements');
  await page.locator(`[data-testid="record-option"][data-record-id="${signed.id}"]`).click();
  const rows = page.getByTestId('ach-evidence');
  await expect(rows).toHaveCount(2);
  // Each row shows its Admiralty grade and weight: the claim B2 (0.85 × 0.85), the report's passage C6 (0.7 × 0.6).
  await expect(rows.nth(0).getByTestId('claim-grade')).toHaveText('B2');
  await expect(rows.nth(0).getByTestId('ach-weight')).toHaveText('×0.72');
  await expect(rows.nth(1).getByTestId('claim-grade')).toHaveText('C6');
  await expect(rows.nth(1).getByTestId('ach-weight')).toHaveText('×0.42');

  // The claim is consistent with both (non-diagnostic); the passage fits trade and weighs against security.
  await rate(page, 0, 0, 'C');
  await rate(page, 0, 1, 'C');
  await rate(page, 1, 0, 'CC');
  await rate(page, 1, 1, 'II');
  await expect(rows.nth(0)).toHaveAttribute('data-diagnostic', 'false');
  await expect(rows.nth(0).getByTestId('ach-nondiagnostic')).toBeVisible();
  await expect(rows.nth(1)).toHaveAttribute('data-diagnostic', 'true');
  const scores = page.getByTestId('ach-score');
  await expect(scores.nth(0)).toHaveAttribute('data-rank', '1');
  await expect(scores.nth(1)).toHaveAttribute('data-rank', '2');
  await expect(scores.nth(1)).toContainText('0.84');
  await expect(page.getByTestId('ach-leader')).toHaveCount(1);
  await expect(page.getByTestId('ach-hypothesis').nth(0)).toHaveAttribute('data-leads', 'true');
  // The lead hangs on the passage: without it the two tie.
  await expect(page.getByTestId('ach-sensitive-item')).toHaveCount(1);
  await expect(page.getByTestId('ach-sensitivity')).toContainText('If removed: “Trade and energy” and “Security” would tie');

  // Undo the last rating: the tie comes back; the keyboard rates it again (focus, then "i").
  await page.getByTestId('undo').click();
  await expect(rows.nth(1).getByTestId('ach-cell').nth(1)).toHaveAttribute('data-rating', '');
  await expect(scores.nth(1)).toHaveAttribute('data-rank', '1');
  await expect(page.getByTestId('ach-leader')).toHaveCount(0);
  await rows.nth(1).getByTestId('ach-cell').nth(1).focus();
  await page.keyboard.press('i');
  await expect(rows.nth(1).getByTestId('ach-cell').nth(1)).toHaveAttribute('data-rating', 'I');
  await expect(scores.nth(1)).toHaveAttribute('data-rank', '2');
  await shoot(page, 'ach-matrix');

  // CSV: one line per row and the scores; the claim's row says it is not diagnostic.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ach-export-csv').click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(csv[0]).toBe('Evidence,Grade,Weight,Diagnostic,Trade and energy,Security');
  expect(csv[1]).toMatch(/^Türkiye is Kazakhstan’s closest and most reliable partner,B2,0\.72\d,no,C,C$/);
  expect(csv[2]).toBe('signed agreements on trade and energy,C6,0.420,yes,CC,I');
  expect(csv[4]).toBe('Rank,,,,1,2');

  // A row opens its passages, and a passage the reader at it.
  await rows.nth(1).getByTestId('ach-evidence-label').click();
  const passage = page.getByTestId('ach-passages').getByTestId('ach-passage');
  await expect(passage).toContainText('signed agreements on trade and energy');
  await passage.click();
  await expect(page).toHaveURL(new RegExp(`#/reader/[^?]+\\?h=${signed.id}`));
  await expect(page.getByTestId('reader-title')).toContainText('Tokayev hosts Erdogan');
});

test('the co-occurrence table counts tags per paragraph and highlight, and a cell opens its passages', async ({ page }) => {
  server = await startServer();
  await arrange(server);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, server);
  await page.getByTestId('nav-cooccurrence').click();

  const tags = await callApi<{ id: string; name: string }[]>(server, 'tags.list', {});
  const id = (name: string) => `tag:${tags.find((t) => t.name === name)!.id}`;
  const energyTrade = page.locator(`[data-testid="cooccurrence-cell"][data-row="${id('Energy')}"][data-column="${id('Trade')}"]`);
  // Per paragraph: the sample's line 4 and the report's line 2.
  await expect(energyTrade).toHaveAttribute('data-count', '2');
  // Security and Stability meet on one highlight and, in another line, in two: two paragraphs.
  const securityStability = page.locator(`[data-testid="cooccurrence-cell"][data-row="${id('Security')}"][data-column="${id('Stability')}"]`);
  await expect(securityStability).toHaveAttribute('data-count', '2');
  await expect(page.locator(`[data-testid="cooccurrence-cell"][data-row="${id('Energy')}"][data-column="${id('Security')}"]`)).toHaveCount(0);
  await shoot(page, 'cooccurrence');

  await page.getByTestId('cooccurrence-unit').getByText('Same highlight').click();
  await expect(energyTrade).toHaveAttribute('data-count', '1');
  await expect(securityStability).toHaveAttribute('data-count', '1');
  await page.getByTestId('cooccurrence-measure').getByText('c-coefficient').click();
  // Energy and Trade each on two highlights, together on one: c = 1 / (2 + 2 − 1).
  await expect(energyTrade).toHaveText('0.33');

  await page.getByTestId('cooccurrence-pairing').getByText('Tags × entities').click();
  await expect(page.getByTestId('cooccurrence-table').locator('thead')).toContainText('Kassym-Jomart Tokayev');
  await page.getByTestId('cooccurrence-pairing').getByText('Tags × tags').click();
  await page.getByTestId('cooccurrence-unit').getByText('Same paragraph').click();
  await energyTrade.click();
  const passages = page.getByTestId('cooccurrence-passages').getByTestId('cooccurrence-passage');
  await expect(passages).toHaveCount(3);
  await expect(passages.first()).toContainText('transportation and energy');
  await passages.first().click();
  await expect(page).toHaveURL(/#\/reader\/[^?]+\?h=/);
  await expect(page.getByTestId('reader-title')).toContainText('Türkiye will continue');
});
