/** Analysis in Chromium: accept suggested entities, add an alias, grade a claim B2, relate two entities from a passage,
 *  then follow the graph edge's evidence back to the exact sentence in the reader. */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, highlightText, openApp, selectInReader } from './helpers';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Entity { id: string; name: string; aliases: string[] }
interface Claim { id: string; grade: string; claimantId: string | null; evidenceHighlightIds: string[] }
interface Relationship { id: string; fromName: string; toName: string; type: string; evidenceHighlightIds: string[]; unevidenced: boolean }

/** Picks an option in a searchable entity select by typing part of a name or alias. */
async function pickEntity(page: Page, testId: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

test('suggested entities, a B2 claim and an evidenced relationship lead from the graph back to the passage', async ({ page }) => {
  server = await startServer();
  await openApp(page, server);
  await page.getByTestId('library-row').first().click();
  await expect(page.getByTestId('reader-title')).toContainText('Türkiye will continue');

  // Accept three suggestions; each row then shows it is known.
  await page.getByTestId('suggest-entities').click();
  const drawer = page.getByTestId('suggestions');
  for (const name of ['Recep Tayyip Erdoğan', 'Türkiye', 'Kazakhstan']) {
    const row = drawer.locator(`[data-testid="suggestion-row"][data-name="${name}"]`);
    await row.getByTestId('suggestion-accept').click();
    await expect(row.getByTestId('suggestion-known')).toBeVisible();
  }
  const entities = await callApi<Entity[]>(server, 'entities.list', {});
  expect(entities.map((e) => e.name).sort()).toEqual(['Kazakhstan', 'Recep Tayyip Erdoğan', 'Türkiye']);
  const erdogan = entities.find((e) => e.name === 'Recep Tayyip Erdoğan')!;
  expect(erdogan.aliases).toContain('Erdoğan');

  // Add another alias on the entity page; "Erdoğan" and the new alias resolve to the same entity.
  await drawer.locator('[data-testid="suggestion-row"][data-name="Recep Tayyip Erdoğan"]').getByTestId('suggestion-known').click();
  await expect(page.getByTestId('entity-name')).toHaveText('Recep Tayyip Erdoğan');
  const saved = page.waitForResponse((r) => r.url().includes('/api/entities.update'));
  await page.getByTestId('entity-aliases').click();
  await page.keyboard.type('President Erdoğan');
  await page.keyboard.press('Enter');
  expect((await (await saved).json()).ok).toBe(true);
  for (const alias of ['Erdoğan', 'president erdogan']) {
    const found = await callApi<{ entity: Entity; existed: boolean }>(server, 'entities.create', { type: 'person', name: alias });
    expect(found).toMatchObject({ existed: true, entity: { id: erdogan.id } });
  }

  // A claim by Erdoğan from the sentence, graded B (source) 2 (credibility).
  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-row').first().click();
  await selectInReader(page, SENTENCE);
  await page.getByTestId('toolbar-claim').click();
  const claimDialog = page.getByTestId('claim-dialog');
  await expect(claimDialog).toBeVisible();
  await expect(page.getByTestId('claim-statement')).toHaveValue(SENTENCE);
  await pickEntity(page, 'claim-claimant', 'Erdoğan', /^Recep Tayyip Erdoğan/);
  await page.getByTestId('claim-type').click();
  await page.getByRole('option', { name: 'Intention / commitment' }).click();
  await page.getByTestId('claim-date').fill('2022-10-12');
  await page.getByTestId('claim-reliability').getByText('B', { exact: true }).click();
  await page.getByTestId('claim-credibility').getByText('2', { exact: true }).click();
  await expect(claimDialog.getByTestId('claim-grade')).toHaveText('B2');
  await page.getByTestId('claim-submit').click();
  await expect(claimDialog).toBeHidden();
  const highlightId = (await page.getByTestId('highlight-editor').getAttribute('data-highlight-id'))!;
  expect(await highlightText(page, highlightId)).toBe(SENTENCE);
  const [claim] = await callApi<Claim[]>(server, 'claims.list', {});
  expect(claim).toMatchObject({ grade: 'B2', claimantId: erdogan.id, evidenceHighlightIds: [highlightId] });

  // "Türkiye supports Kazakhstan", with the same highlight as evidence.
  await page.getByTestId('panel-relate').click();
  const relDialog = page.getByTestId('relationship-dialog');
  await expect(relDialog).toBeVisible();
  await expect(relDialog.getByTestId('evidence-draft')).toHaveText(new RegExp(SENTENCE));
  await pickEntity(page, 'rel-from', 'Türk', /^Türkiye/);
  await page.getByTestId('rel-type').fill('supports');
  await pickEntity(page, 'rel-to', 'Kazak', /^Kazakhstan/);
  await page.getByTestId('rel-submit').click();
  await expect(relDialog).toBeHidden();
  const [relationship] = await callApi<Relationship[]>(server, 'relationships.list', {});
  expect(relationship).toMatchObject({ fromName: 'Türkiye', toName: 'Kazakhstan', type: 'supports', evidenceHighlightIds: [highlightId], unevidenced: false });

  // The claims list shows the grade.
  await page.getByTestId('nav-claims').click();
  const claimRow = page.getByTestId('claim-row');
  await expect(claimRow).toHaveCount(1);
  await expect(claimRow.getByTestId('claim-grade')).toHaveText('B2');
  await expect(claimRow).toContainText('Recep Tayyip Erdoğan');
  await expect(claimRow).toContainText('Intention / commitment');

  // The graph: tap the edge, see its evidence, follow it back to the reader.
  await page.getByTestId('nav-graph').click();
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await page.waitForFunction((id) => (window as unknown as { __graph?: { edgeIds(): string[] } }).__graph?.edgeIds().includes(id), relationship!.id);
  expect(await page.evaluate((id) => (window as unknown as { __graph: { tapEdge(id: string): boolean } }).__graph.tapEdge(id), relationship!.id)).toBe(true);
  const edgePanel = page.getByTestId('edge-panel');
  await expect(edgePanel).toContainText('Türkiye');
  await expect(edgePanel.getByTestId('relationship-label')).toHaveText('supports');
  await expect(edgePanel).toContainText('Kazakhstan');
  await expect(edgePanel.getByTestId('unevidenced')).toHaveCount(0);
  const passage = edgePanel.getByTestId('evidence-passage');
  await expect(passage).toHaveCount(1);
  await expect(passage).toContainText(SENTENCE);
  await passage.click();

  await expect(page.getByTestId('reader')).toBeVisible();
  expect(page.url()).toContain(`?h=${highlightId}`);
  const flashing = page.locator(`[data-testid="highlight"][data-flash][data-highlight-ids~="${highlightId}"]`);
  await expect(flashing.first()).toBeVisible();
  expect(await highlightText(page, highlightId)).toBe(SENTENCE);
  expect(await flashing.evaluateAll((marks) => marks.map((m) => m.textContent).join(''))).toBe(SENTENCE);
});
