/** Issue 17 in Chromium: an ACH matrix put in a dossier from the dossier's "Add block" menu and from the ACH screen. */
import { expect, test } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Block { kind: string; refId: string | null }
interface DossierReply { dossier: { sections: Array<{ title: string; blocks: Block[] }> } }

/** A matrix on the sample: two hypotheses, one passage rated I against the first, and an empty dossier with one section. */
async function arrange(s: E2EServer) {
  const [sample] = await callApi<Array<{ id: string }>>(s, 'sources.list', {});
  const text = (await callApi<{ text: string }>(s, 'sources.open', { id: sample!.id })).text;
  const phrase = 'closest and most reliable';
  const start = text.indexOf(phrase);
  const h = await callApi<{ id: string }>(s, 'highlights.create', { sourceId: sample!.id, start, end: start + phrase.length, tagIds: [] });
  let m = await callApi<{ matrix: { id: string; hypotheses: Array<{ id: string }>; evidence: Array<{ id: string }> } }>(
    s, 'ach.create', { title: 'Why the summit?', question: 'What drives the partnership?' });
  const matrixId = m.matrix.id;
  await callApi(s, 'ach.addHypothesis', { matrixId, label: 'Trade' });
  m = await callApi(s, 'ach.addHypothesis', { matrixId, label: 'Security' });
  m = await callApi(s, 'ach.addEvidence', { matrixId, kind: 'highlight', refId: h.id });
  await callApi(s, 'ach.rate', { matrixId, evidenceId: m.matrix.evidence[0]!.id, hypothesisId: m.matrix.hypotheses[0]!.id, rating: 'I' });
  const dossier = await callApi<{ id: string }>(s, 'dossiers.create', { title: 'Summit dossier', subjectIds: [], author: '' });
  await callApi(s, 'dossiers.update', { id: dossier.id, sections: [{ id: 'sec-1', title: 'Hypotheses', blocks: [] }] });
  return { matrixId, dossierId: dossier.id };
}

const blocksOf = async (s: E2EServer, id: string) =>
  (await callApi<DossierReply>(s, 'dossiers.get', { id })).dossier.sections.flatMap((x) => x.blocks.map((b) => `${b.kind}:${b.refId ?? ''}`));

test('adds an ACH matrix to a dossier from "Add block" and from the ACH screen; the preview prints its table and leader', async ({ page }) => {
  server = await startServer();
  const { matrixId, dossierId } = await arrange(server);
  await openApp(page, server);

  await page.goto(`${server.url}#/dossier/${dossierId}`);
  await expect(page.getByTestId('dossier-builder')).toBeVisible();
  await page.getByTestId('add-block').click();
  await page.getByTestId('add-block-ach').click();
  const picker = page.getByTestId('record-picker');
  await expect(picker.getByTestId('record-option')).toHaveCount(1);
  await expect(picker.getByTestId('record-option')).toContainText('Why the summit?');
  await picker.getByTestId('record-option').click();
  await expect.poll(() => blocksOf(server!, dossierId)).toEqual([`ach:${matrixId}`]);

  const card = page.locator('[data-testid="block-card"][data-kind="ach"]');
  await expect(card).toContainText('Why the summit?');
  await expect(card).toContainText('2 hypotheses × 1 item of evidence');
  const preview = page.frameLocator('[data-testid="dossier-preview"]');
  await expect(preview.locator('table.ach-matrix thead')).toContainText('H1 Trade');
  await expect(preview.locator('table.ach-matrix td.r-I')).toHaveText('I');
  await expect(preview.locator('.ach .leader')).toHaveText(/^Leading: H2 “Security” is the least inconsistent with the evidence/);
  await preview.locator('.ach').scrollIntoViewIfNeeded();
  await page.mouse.move(700, 880);
  await page.screenshot({ path: '/tmp/ach-dossier-builder.png' });

  // From the matrix itself: "Add to dossier…" into the same dossier.
  await page.goto(`${server.url}#/ach/${matrixId}`);
  await expect(page.getByTestId('ach-matrix')).toBeVisible();
  await page.getByTestId('add-to-dossier').click();
  const dialog = page.getByTestId('add-to-dossier-modal');
  await expect(dialog.getByTestId('add-to-dossier-dossier')).toHaveValue('Summit dossier');
  await page.screenshot({ path: '/tmp/ach-add-to-dossier.png' });
  await dialog.getByTestId('add-to-dossier-submit').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => blocksOf(server!, dossierId)).toEqual([`ach:${matrixId}`, `ach:${matrixId}`]);
});
