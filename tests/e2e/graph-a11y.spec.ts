/** The graph without a mouse: keyboard focus along nodes and edges with spoken names, and the table view of the same filtered graph. */
import { expect, test, type Page } from '@playwright/test';
import { startServer, type E2EServer } from './server';
import { callApi, openApp } from './helpers';

const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

let server: E2EServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/**
 * Türkiye (0,0) and Kazakhstan (300,0) side by side, Erdoğan (0,250) below Türkiye; "Türkiye supports
 * Kazakhstan" backed by the sentence, "Erdoğan leads Türkiye" with no evidence. Saved positions make the
 * arrow-key moves predictable.
 */
async function arrange(s: E2EServer) {
  const [source] = await callApi<Array<{ id: string }>>(s, 'sources.list', {});
  const { text } = await callApi<{ text: string }>(s, 'sources.open', { id: source!.id });
  const start = text.indexOf(SENTENCE);
  expect(start).toBeGreaterThan(0);
  const entity = async (type: string, name: string) =>
    (await callApi<{ entity: { id: string } }>(s, 'entities.create', { type, name, aliases: [] })).entity.id;
  const turkiye = await entity('place', 'Türkiye');
  const kazakhstan = await entity('place', 'Kazakhstan');
  const erdogan = await entity('person', 'Recep Tayyip Erdoğan');
  const highlight = await callApi<{ id: string }>(s, 'highlights.create', { sourceId: source!.id, start, end: start + SENTENCE.length, color: 'yellow' });
  await callApi(s, 'relationships.create', { fromId: turkiye, toId: kazakhstan, type: 'supports', startDate: '2022-10', evidenceHighlightIds: [highlight.id] });
  await callApi(s, 'relationships.create', { fromId: erdogan, toId: turkiye, type: 'leads' });
  await callApi(s, 'graph.saveLayout', { positions: { [turkiye]: { x: 0, y: 0 }, [kazakhstan]: { x: 300, y: 0 }, [erdogan]: { x: 0, y: 250 } } });
  return { turkiye };
}

async function openGraph(page: Page, s: E2EServer) {
  await openApp(page, s);
  await page.getByTestId('nav-graph').click();
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-nodes', '3');
}

const focusedOnCanvas = (page: Page) =>
  page.evaluate(() => (window as unknown as { __graph: { focusedIds(): string[] } }).__graph.focusedIds());

test('the graph is navigable by keyboard: arrows between entities, brackets along relationships, Enter opens', async ({ page }) => {
  server = await startServer();
  const { turkiye } = await arrange(server);
  await openGraph(page, server);

  const canvas = page.getByRole('application', { name: 'Relationship graph: 3 entities, 2 relationships' });
  await expect(canvas).toHaveAttribute('aria-roledescription', 'graph');
  await expect(canvas).toHaveAccessibleDescription(/Arrow keys/);
  const live = page.getByTestId('graph-announcer');
  await expect(live).toHaveAttribute('aria-live', 'polite');

  await canvas.focus();
  await expect(canvas).toBeFocused();
  await expect(live).toHaveText('Türkiye, place, 2 relationships');
  expect(await focusedOnCanvas(page)).toEqual([turkiye]);
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('Kazakhstan, place, 1 relationship');
  await page.keyboard.press('ArrowLeft');
  await expect(live).toHaveText('Türkiye, place, 2 relationships');
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText('Recep Tayyip Erdoğan, person, 1 relationship');
  await page.keyboard.press('ArrowUp');
  await expect(live).toHaveText('Türkiye, place, 2 relationships');

  // Along Türkiye's relationships, in order of the other entity's name, both ways round.
  await page.keyboard.press(']');
  await expect(live).toHaveText('Türkiye supports Kazakhstan, evidenced by 1 passage');
  await page.keyboard.press(']');
  await expect(live).toHaveText('Recep Tayyip Erdoğan leads Türkiye, unevidenced');
  await page.keyboard.press('[');
  await expect(live).toHaveText('Türkiye supports Kazakhstan, evidenced by 1 passage');

  // Enter on a relationship opens its evidence; Escape closes it and keeps the focus on the graph.
  await page.keyboard.press('Enter');
  const edgePanel = page.getByTestId('edge-panel');
  await expect(edgePanel.getByTestId('evidence-passage')).toHaveCount(1);
  await expect(edgePanel.getByTestId('evidence-passage')).toContainText(SENTENCE);
  await page.keyboard.press('Escape');
  await expect(edgePanel).toBeHidden();
  await expect(canvas).toBeFocused();
  // Escape from inside the panel closes it too and gives the focus back to the graph.
  await page.keyboard.press('Enter');
  await edgePanel.getByTestId('graph-panel-close').focus();
  await page.keyboard.press('Escape');
  await expect(edgePanel).toBeHidden();
  await expect(canvas).toBeFocused();

  // "." follows the relationship to its other end.
  await page.keyboard.press('.');
  await expect(live).toHaveText('Kazakhstan, place, 1 relationship');
  await page.keyboard.press('Escape');
  await expect(live).toHaveText('No entity focused');
  expect(await focusedOnCanvas(page)).toEqual([]);

  await page.keyboard.press('Home');
  await expect(live).toHaveText('Türkiye, place, 2 relationships');
  // Space shows the entity in the side panel (as a click does); Enter opens its page.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('node-panel')).toHaveAttribute('data-entity-id', turkiye);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entity-name')).toHaveText('Türkiye');
});

test('the table view lists the same filtered entities and relationships and opens evidence', async ({ page }) => {
  server = await startServer();
  await arrange(server);
  await openGraph(page, server);
  // The view switch is a radio group: reachable and operable from the keyboard.
  await page.getByRole('radio', { name: 'Graph' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Table' })).toBeChecked();
  const entities = page.getByRole('table', { name: /^Entities/ });
  const relationships = page.getByRole('table', { name: /^Relationships/ });
  await expect(entities.locator('tbody tr')).toHaveCount(3);
  await expect(relationships.locator('tbody tr')).toHaveCount(2);
  await expect(entities.getByRole('row', { name: /Türkiye/ })).toContainText('Place');
  await expect(entities.getByRole('row', { name: /Türkiye/ })).toContainText('2');
  const supports = relationships.getByRole('row', { name: /supports/ });
  await expect(supports).toContainText('Türkiye');
  await expect(supports).toContainText('Kazakhstan');
  await expect(supports).toContainText('2022-10');
  await expect(supports).toContainText('1 passage');
  await expect(relationships.getByRole('row', { name: /leads/ })).toContainText('Unevidenced');

  // Filters apply to the table as to the graph.
  await page.getByTestId('graph-type-person').uncheck();
  await expect(entities.locator('tbody tr')).toHaveCount(2);
  await expect(relationships.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('graph-counts')).toHaveText('2 entities · 1 relationship shown');
  await page.getByTestId('graph-type-person').check();
  await expect(relationships.locator('tbody tr')).toHaveCount(2);

  // The evidence button, pressed from the keyboard, opens the same panel as clicking the edge.
  const open = relationships.getByRole('button', { name: 'Open evidence for Türkiye supports Kazakhstan' });
  await open.focus();
  await page.keyboard.press('Enter');
  const edgePanel = page.getByTestId('edge-panel');
  await expect(edgePanel.getByTestId('evidence-passage')).toContainText(SENTENCE);

  // The entity name opens the entity page.
  await entities.getByRole('link', { name: 'Kazakhstan' }).click();
  await expect(page.getByTestId('entity-name')).toHaveText('Kazakhstan');
});

test('the counts line says "1 entity" and "1 relationship", and plurals otherwise', async ({ page }) => {
  server = await startServer();
  await arrange(server);
  await openGraph(page, server);
  const counts = page.getByTestId('graph-counts');
  await expect(counts).toHaveText('3 entities · 2 relationships shown');
  await page.getByTestId('graph-type-person').uncheck();
  await expect(counts).toHaveText('2 entities · 1 relationship shown');
  await page.getByTestId('graph-type-place').uncheck();
  await page.getByTestId('graph-type-person').check();
  await expect(counts).toHaveText('1 entity · 0 relationships shown');
});
