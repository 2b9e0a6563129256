/** Dossiers in Chromium: auto-draft from two entities, reorder by keyboard, button and drag, add a highlight from the reader, export a PDF. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';
const SOURCE_TITLE = "Türkiye will continue to support Kazakhstan's territorial integrity, stability and peace";

interface Block { id: string; kind: string; refId: string | null }
interface Section { id: string; title: string; blocks: Block[] }
interface DossierReply { dossier: { id: string; sections: Section[] }; html: string }

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Entities, a highlight on the sentence, a claim citing it, and "Türkiye supports Kazakhstan" backed by both. */
async function arrange(s: E2EServer) {
  const [source] = await callApi<Array<{ id: string }>>(s, 'sources.list', {});
  const { text } = await callApi<{ text: string }>(s, 'sources.open', { id: source!.id });
  const start = text.indexOf(SENTENCE);
  expect(start).toBeGreaterThan(0);
  const entity = async (type: string, name: string, aliases: string[] = []) =>
    (await callApi<{ entity: { id: string } }>(s, 'entities.create', { type, name, aliases })).entity.id;
  const turkiye = await entity('place', 'Türkiye', ['Turkey']);
  const kazakhstan = await entity('place', 'Kazakhstan');
  const erdogan = await entity('person', 'Recep Tayyip Erdoğan', ['Erdoğan']);
  const highlight = await callApi<{ id: string }>(s, 'highlights.create', { sourceId: source!.id, start, end: start + SENTENCE.length, color: 'yellow' });
  await callApi(s, 'highlights.setEntities', { id: highlight.id, entityIds: [turkiye, kazakhstan, erdogan] });
  const claim = await callApi<{ id: string }>(s, 'claims.create', {
    claimantId: erdogan, statement: 'Türkiye will keep supporting the territorial integrity of Kazakhstan.', type: 'intention',
    claimedAt: '', credibility: 2, evidenceHighlightIds: [highlight.id], aboutEntityIds: [turkiye, kazakhstan], tagIds: [],
  });
  await callApi(s, 'relationships.create', { fromId: turkiye, toId: kazakhstan, type: 'supports', evidenceHighlightIds: [highlight.id], evidenceClaimIds: [claim.id] });
  return { highlightId: highlight.id };
}

async function pickEntity(page: Page, testId: string, typed: string, name: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.getByRole('option').filter({ hasText: name }).first().click();
  await expect(page.getByTestId(testId)).toHaveValue(''); // the typed search clears once picked
}

const sectionsOf = async (s: E2EServer, id: string) => (await callApi<DossierReply>(s, 'dossiers.get', { id })).dossier.sections;
const layout = (sections: Section[]) => sections.map((x) => `${x.title}[${x.blocks.map((b) => b.kind).join(',')}]`).join(' ');

test('auto-draft, reorder by keyboard, button and drag, add a highlight from the reader, export the PDF', async ({ page }) => {
  server = await startServer();
  const { highlightId } = await arrange(server);
  await openApp(page, server);

  await page.getByTestId('nav-dossiers').click();
  await page.getByTestId('dossier-draft-open').click();
  await pickEntity(page, 'draft-subjects', 'Türk', 'Türkiye');
  await pickEntity(page, 'draft-subjects', 'Kazak', 'Kazakhstan');
  await page.getByRole('heading', { name: 'Auto-draft a dossier' }).click(); // closes the option list
  await page.getByTestId('draft-submit').click();
  const builder = page.getByTestId('dossier-builder');
  await expect(builder).toBeVisible();
  const dossierId = (await builder.getAttribute('data-dossier-id'))!;
  await expect(page.getByTestId('dossier-title')).toHaveValue('Türkiye–Kazakhstan relations');
  const preview = page.frameLocator('[data-testid="dossier-preview"]');
  await expect(preview.locator('h1')).toHaveText('Türkiye–Kazakhstan relations');
  expect(layout(await sectionsOf(server, dossierId))).toBe(
    'Summary[text] Key claims[claim] Relationships[relationship] Evidence[quote] Graph[graph] Entities[entity,entity]');

  // Keyboard: Alt+ArrowDown on the first entity block swaps the two entity profiles.
  const entitiesBefore = (await sectionsOf(server, dossierId)).find((x) => x.title === 'Entities')!.blocks.map((b) => b.id);
  await page.locator(`[data-testid="block-card"][data-block-id="${entitiesBefore[0]}"]`).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(async () => (await sectionsOf(server!, dossierId)).find((x) => x.title === 'Entities')!.blocks.map((b) => b.id))
    .toEqual([entitiesBefore[1], entitiesBefore[0]]);
  // The moved card keeps the keyboard focus.
  await expect(page.locator(`[data-testid="block-card"][data-block-id="${entitiesBefore[0]}"]`)).toBeFocused();

  // Button: "Move down" on the claim (last of its section) carries it to the top of the next section.
  await page.locator('[data-testid="block-card"][data-kind="claim"]').getByTestId('block-move-down').click();
  await expect.poll(async () => layout(await sectionsOf(server!, dossierId))).toBe(
    'Summary[text] Key claims[] Relationships[claim,relationship] Evidence[quote] Graph[graph] Entities[entity,entity]');

  // Drag and drop: the "Key claims" section onto the top half of "Summary".
  const sections = page.getByTestId('section-card');
  await sections.nth(1).getByTestId('section-drag').dragTo(sections.nth(0), { targetPosition: { x: 120, y: 12 } });
  await expect.poll(async () => (await sectionsOf(server!, dossierId)).map((x) => x.title)).toEqual(
    ['Key claims', 'Summary', 'Relationships', 'Evidence', 'Graph', 'Entities']);
  await expect(preview.locator('h2').nth(1)).toHaveText('1 Key claims');

  // "Add to dossier…" from the reader's highlight panel, into the Summary section.
  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-row').first().click();
  await page.locator(`[data-testid="highlight"][data-highlight-id="${highlightId}"]`).first().click();
  await page.getByTestId('side-panel').getByTestId('add-to-dossier').click();
  const dialog = page.getByTestId('add-to-dossier-modal');
  await expect(dialog.getByTestId('add-to-dossier-dossier')).toHaveValue('Türkiye–Kazakhstan relations');
  await dialog.getByTestId('add-to-dossier-section').click();
  await page.getByRole('option', { name: /Summary/ }).click();
  await dialog.getByTestId('add-to-dossier-submit').click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await sectionsOf(server!, dossierId)).find((x) => x.title === 'Summary')!.blocks.map((b) => `${b.kind}:${b.refId ?? ''}`))
    .toEqual(['text:', `quote:${highlightId}`]);

  // Export the PDF through the UI and read it back.
  await page.getByTestId('nav-dossiers').click();
  await page.getByTestId('dossier-row').first().click();
  await expect(page.getByTestId('dossier-builder')).toBeVisible();
  const downloaded = page.waitForEvent('download', { timeout: 45_000 });
  // A failed export shows a notification instead: fail with its message rather than a bare timeout.
  const failed = page.getByText('Could not export the dossier (PDF)').waitFor({ timeout: 45_000 }).then(() => null, () => null);
  await page.getByTestId('dossier-export').click();
  await page.getByTestId('export-pdf').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  const download = await Promise.race([downloaded, failed]);
  if (!download) throw new Error(`The PDF export failed: ${await page.locator('.mantine-Notification-description').last().textContent()}`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-pdf-')), download.suggestedFilename());
  expect(file.endsWith('.pdf')).toBe(true);
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(SENTENCE);
  expect(text).toContain('Türkiye');
  expect(text).toContain('Erdoğan');
  expect(text).toContain(SOURCE_TITLE);
});
