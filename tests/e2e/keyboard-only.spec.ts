/** Issue 10: the whole highlight → tag → claim → relationship → dossier path with the keyboard alone (no mouse, no click()),
 *  then the records are checked to point at the exact passage chosen with the arrow keys. */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const EXPECTED = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan, which has a deep historical background and state experience';

/** Presses Tab (or Shift+Tab) until the focused element is inside `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.closest(s) != null, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}
const tid = (id: string) => `[data-testid="${id}"]`;
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** Types into a searchable select and takes the first matching option with ↓ and Enter. */
async function choose(page: Page, field: string, typed: string, name: string): Promise<void> {
  await tabTo(page, tid(field));
  await page.keyboard.type(typed);
  // Wait for the list to be filtered down to the typed name before moving into it: pressing ArrowDown while the
  // options are still being replaced can leave nothing selected, and Enter then picks nothing.
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: typed }).first()).toBeVisible();
  await expect.poll(async () => (await options.allTextContents()).every((t) => t.includes(typed))).toBe(true);
  await page.keyboard.press('ArrowDown');
  // Enter only once ArrowDown has marked an option (a list re-rendered in between drops the mark).
  await expect(page.locator('[role="option"][data-combobox-selected]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  // The whole name, not the typed letters: those stay in the box when Enter picked nothing, and vanish on Tab.
  await expect(page.locator(tid(field))).toHaveValue(name);
}

test('a passage is highlighted, tagged, claimed, related and put in a dossier with the keyboard only', async ({ page }) => {
  test.setTimeout(90_000);
  server = await startServer();
  const entity = async (type: string, name: string) => (await callApi<{ entity: { id: string } }>(server!, 'entities.create', { type, name })).entity.id;
  const erdogan = await entity('person', 'Recep Tayyip Erdoğan');
  const turkiye = await entity('place', 'Türkiye');
  const kazakhstan = await entity('place', 'Kazakhstan');
  const dossier = await callApi<{ id: string }>(server, 'dossiers.create', { title: 'Central Asia' });
  await callApi(server, 'tags.create', { name: 'Security' });

  await page.goto(server.url);
  await expect(page.getByTestId('library-table')).toBeVisible();
  await tabTo(page, tid('library-row'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toContainText('Türkiye will continue');

  // Select the passage: sentence by sentence to it, then trim its start and end by words.
  await tabTo(page, tid('reader-text'));
  for (let i = 0; i < 40 && !(await selected(page)).includes('We will continue to support'); i++) await page.keyboard.press('ArrowDown');
  expect(await selected(page)).toMatch(/^"?We will continue to support.*Erdoğan said\.$/);
  if ((await selected(page)).startsWith('"')) await page.keyboard.press('Alt+Shift+ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
  expect(await selected(page)).toBe(EXPECTED);
  await expect(page.getByTestId('selection-toolbar')).toBeVisible();
  await page.keyboard.press('h');
  const editor = page.getByTestId('highlight-editor');
  await expect(editor).toBeVisible();
  const highlightId = (await editor.getAttribute('data-highlight-id'))!;

  // Tag it from the side panel.
  await tabTo(page, tid('panel-tags'));
  await page.keyboard.type('Security');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await callApi<{ id: string; tagIds: string[] }[]>(server!, 'highlights.list', {})).find((h) => h.id === highlightId)?.tagIds.length).toBe(1);

  // A claim by Erdoğan, graded B2.
  await tabTo(page, tid('panel-claim'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('claim-dialog')).toBeVisible();
  await expect(page.getByTestId('claim-statement')).toHaveValue(EXPECTED);
  await choose(page, 'claim-claimant', 'Erdoğan', 'Recep Tayyip Erdoğan');
  await tabTo(page, `${tid('claim-reliability')} input`);
  await page.keyboard.press('ArrowRight'); // A → B
  await page.keyboard.press('ArrowRight');
  await tabTo(page, `${tid('claim-credibility')} input`);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('claim-dialog').getByTestId('claim-grade')).toHaveText(/^[A-F][1-6]$/);
  const grade = await page.getByTestId('claim-dialog').getByTestId('claim-grade').textContent();
  await tabTo(page, tid('claim-submit'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('claim-dialog')).toBeHidden();

  // Türkiye supports Kazakhstan, evidenced by the passage.
  await tabTo(page, tid('panel-relate'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('relationship-dialog')).toBeVisible();
  await choose(page, 'rel-from', 'Türk', 'Türkiye');
  await choose(page, 'rel-to', 'Kazak', 'Kazakhstan');
  await tabTo(page, tid('rel-type'));
  await page.keyboard.type('supports');
  await expect(page.getByTestId('rel-type')).toHaveValue('supports');
  await tabTo(page, tid('rel-submit'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('relationship-dialog')).toBeHidden();

  // Into the dossier.
  await tabTo(page, tid('add-to-dossier'));
  await page.keyboard.press('Enter');
  const addDialog = page.getByRole('dialog', { name: 'Add to dossier' });
  await expect(addDialog).toBeVisible();
  await tabTo(page, tid('add-to-dossier-submit'));
  await page.keyboard.press('Enter');
  await expect(addDialog).toBeHidden();

  // Every record points at the exact passage chosen with the arrows.
  const [source] = await callApi<{ id: string }[]>(server, 'sources.list', {});
  const { text } = await callApi<{ text: string }>(server, 'sources.open', { id: source!.id });
  const highlights = await callApi<{ id: string; quote: { exact: string } }[]>(server, 'highlights.list', {});
  const highlight = highlights.find((h) => h.id === highlightId)!;
  expect(highlight.quote.exact).toBe(EXPECTED);
  expect(text).toContain(EXPECTED);
  const [claim] = await callApi<{ claimantId: string; grade: string; evidenceHighlightIds: string[] }[]>(server, 'claims.list', {});
  expect(claim).toMatchObject({ claimantId: erdogan, grade, evidenceHighlightIds: [highlightId] });
  const [relationship] = await callApi<{ fromId: string; toId: string; type: string; evidenceHighlightIds: string[] }[]>(server, 'relationships.list', {});
  expect(relationship).toMatchObject({ fromId: turkiye, toId: kazakhstan, type: 'supports', evidenceHighlightIds: [highlightId] });
  const saved = await callApi<{ dossier: { sections: { blocks: { kind: string; refId: string | null }[] }[] } }>(server, 'dossiers.get', { id: dossier.id });
  expect(saved.dossier.sections.flatMap((s) => s.blocks)).toContainEqual(expect.objectContaining({ kind: 'quote', refId: highlightId }));
});
