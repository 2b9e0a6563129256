/** The accessibility tour: seeds one workspace with every kind of record, then visits each screen and opens each dialog. */
import { expect, type Page } from '@playwright/test';
import type { E2EServer } from './server';
import { callApi } from './helpers';

export const SENTENCE = 'We will continue to support the stability, peace, sovereignty and territorial integrity of brotherly Kazakhstan';

export interface Seeded {
  sourceId: string;
  highlightId: string;
  tagId: string;
  entityId: string;
  claimId: string;
  dossierId: string;
  matrixId: string;
  /** A relationship dated "~2015" to "<2019": a qualified item on the timeline. */
  datedRelationshipId: string;
}

type Id = { id: string };

/** Every record kind the screens show: highlights, tags, entities, a claim, relationships (one with qualified dates), an ACH matrix, a dossier and a backup. */
export async function seed(server: E2EServer): Promise<Seeded> {
  const [source] = await callApi<Id[]>(server, 'sources.list', {});
  const sourceId = source!.id;
  const { text } = await callApi<{ text: string }>(server, 'sources.open', { id: sourceId });
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const tag = await callApi<Id>(server, 'tags.create', { name: 'Security' });
  const h1 = await callApi<Id>(server, 'highlights.create', { sourceId, ...at(SENTENCE), tagIds: [tag.id], note: 'Key commitment' });
  const diplomacy = await callApi<Id>(server, 'tags.create', { name: 'Diplomacy' });
  // Two tags and an entity on one passage: the co-occurrence table has a cell to show.
  const h2 = await callApi<Id>(server, 'highlights.create', { sourceId, ...at('Türkiye'), color: 'blue', tagIds: [tag.id, diplomacy.id] });
  const entity = async (type: string, name: string) => (await callApi<{ entity: Id }>(server, 'entities.create', { type, name })).entity.id;
  const erdogan = await entity('person', 'Recep Tayyip Erdoğan');
  const turkiye = await entity('place', 'Türkiye');
  const kazakhstan = await entity('place', 'Kazakhstan');
  await entity('organisation', 'Turkic Council');
  const claim = await callApi<Id>(server, 'claims.create', {
    claimantId: erdogan, statement: SENTENCE, type: 'intention', claimedAt: '2022-10-12', credibility: 2,
    evidenceHighlightIds: [h1.id], aboutEntityIds: [kazakhstan], tagIds: [tag.id],
  });
  await callApi(server, 'relationships.create', { fromId: turkiye, toId: kazakhstan, type: 'supports', evidenceHighlightIds: [h1.id] });
  await callApi(server, 'highlights.setEntities', { id: h2.id, entityIds: [turkiye] });
  const dated = await callApi<Id>(server, 'relationships.create', {
    fromId: erdogan, toId: kazakhstan, type: 'meets_with', startDate: '~2015', endDate: '<2019', evidenceHighlightIds: [h1.id],
  });
  type Matrix = { matrix: { id: string; hypotheses: Id[]; evidence: Id[] } };
  const matrix = (await callApi<Matrix>(server, 'ach.create', { title: 'Why the support?', question: 'What drives it?' })).matrix;
  await callApi(server, 'ach.addHypothesis', { matrixId: matrix.id, label: 'Security interests' });
  await callApi(server, 'ach.addHypothesis', { matrixId: matrix.id, label: 'Trade' });
  const rated = (await callApi<Matrix>(server, 'ach.addEvidence', { matrixId: matrix.id, kind: 'claim', refId: claim.id })).matrix;
  await callApi(server, 'ach.rate', { matrixId: matrix.id, evidenceId: rated.evidence[0]!.id, hypothesisId: rated.hypotheses[0]!.id, rating: 'II' });
  const dossier = await callApi<Id>(server, 'dossiers.draft', { subjectIds: [kazakhstan] });
  await callApi(server, 'backups.create', {});
  return { sourceId, highlightId: h1.id, tagId: tag.id, entityId: kazakhstan, claimId: claim.id, dossierId: dossier.id, matrixId: matrix.id, datedRelationshipId: dated.id };
}

/** A screen or dialog to check: how to get there, and what shows it is ready. */
export interface Stop {
  name: string;
  open: (page: Page) => Promise<void>;
  /** Closes a dialog again (screens need nothing). */
  close?: (page: Page) => Promise<void>;
}

const go = async (page: Page, hash: string, ready: string) => {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await expect(page.getByTestId(ready).first()).toBeVisible();
};
const dialog = (trigger: string) => async (page: Page) => {
  await page.getByTestId(trigger).first().click();
  await expect(page.getByRole('dialog').last()).toBeVisible();
};
const escape = async (page: Page) => {
  await page.keyboard.press('Escape');
  // A first Escape may only close an open list inside the dialog.
  if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
};

export function tour(s: Seeded): Stop[] {
  const reader = `#/reader/${s.sourceId}?h=${s.highlightId}`;
  return [
    { name: 'library', open: (p) => go(p, '#/library', 'library-table') },
    { name: 'paste text dialog', open: dialog('paste-open'), close: escape },
    { name: 'reader with the highlight panel', open: async (p) => {
      await go(p, reader, 'highlight-editor');
      await expect(p.getByTestId('panel-cited-by')).toBeVisible();
    } },
    { name: 'source details dialog', open: dialog('reader-edit-details'), close: escape },
    { name: 'claim dialog', open: dialog('panel-claim'), close: escape },
    { name: 'relationship dialog', open: dialog('panel-relate'), close: escape },
    { name: 'add-to-dossier dialog', open: dialog('add-to-dossier'), close: escape },
    { name: 'confirm dialog', open: dialog('panel-delete'), close: escape },
    { name: 'evidence-for-a-claim picker', open: async (p) => {
      await p.getByTestId('panel-add-evidence').click();
      await expect(p.getByTestId('panel-add-evidence-claim').or(p.getByText('No other claim yet.'))).toBeVisible();
    }, close: async (p) => {
      await p.keyboard.press('Escape');
      await expect(p.getByTestId('panel-add-evidence-claim')).toHaveCount(0);
    } },
    { name: 'suggestions drawer', open: async (p) => {
      await p.getByTestId('suggest-entities').click();
      await expect(p.getByTestId('suggestion-row').first()).toBeVisible();
    }, close: async (p) => {
      await p.getByTestId('suggestions').getByRole('button', { name: 'Close' }).click();
      await expect(p.getByTestId('suggestion-row')).toHaveCount(0);
    } },
    { name: 'tags', open: (p) => go(p, `#/tags/${s.tagId}`, 'tag-details') },
    { name: 'tag form dialog', open: dialog('tag-create'), close: escape },
    { name: 'tag rename dialog', open: dialog('tag-rename'), close: escape },
    { name: 'tag merge dialog', open: dialog('tag-merge'), close: escape },
    { name: 'entities list', open: (p) => go(p, '#/entities', 'entity-row') },
    { name: 'entity form dialog', open: dialog('entity-create'), close: escape },
    { name: 'entity page', open: (p) => go(p, `#/entity/${s.entityId}`, 'entity-name') },
    { name: 'entity merge dialog', open: dialog('entity-merge'), close: escape },
    { name: 'claims list', open: (p) => go(p, '#/claims', 'claim-row') },
    { name: 'claim drawer', open: (p) => go(p, `#/claims/${s.claimId}`, 'claim-details') },
    { name: 'graph', open: (p) => go(p, '#/graph', 'graph-canvas') },
    { name: 'ACH list', open: (p) => go(p, '#/ach', 'ach-row') },
    { name: 'ACH matrix', open: (p) => go(p, `#/ach/${s.matrixId}`, 'ach-table') },
    { name: 'ACH rating menu', open: async (p) => {
      await p.getByTestId('ach-cell').first().click();
      await expect(p.getByTestId('ach-rating-menu')).toBeVisible();
    }, close: async (p) => {
      await p.keyboard.press('Escape');
      await expect(p.getByTestId('ach-rating-menu')).toHaveCount(0);
    } },
    { name: 'co-occurrence', open: (p) => go(p, '#/cooccurrence', 'cooccurrence-cell') },
    { name: 'co-occurrence passages', open: async (p) => {
      await p.getByTestId('cooccurrence-cell').first().click();
      await expect(p.getByRole('dialog').last()).toBeVisible();
    }, close: escape },
    { name: 'timeline', open: async (p) => {
      await go(p, '#/timeline', 'timeline-canvas');
      await expect(p.locator('.vis-item.tl-qualified')).toBeVisible();
    } },
    { name: 'timeline item details', open: async (p) => {
      await p.locator('.vis-item.tl-qualified').click();
      await expect(p.getByTestId('timeline-details')).toHaveAttribute('data-item-id', `relationship:${s.datedRelationshipId}`);
    }, close: async (p) => {
      await p.getByTestId('timeline-details-close').click();
      await expect(p.getByTestId('timeline-details')).toHaveCount(0);
    } },
    { name: 'dossiers list', open: (p) => go(p, '#/dossiers', 'dossier-row') },
    { name: 'create dossier dialog', open: dialog('dossier-new'), close: escape },
    { name: 'draft dossier dialog', open: dialog('dossier-draft-open'), close: escape },
    { name: 'dossier builder', open: (p) => go(p, `#/dossier/${s.dossierId}`, 'block-card') },
    { name: 'search results', open: (p) => go(p, '#/search?q=Kazakhstan', 'search-result') },
    { name: 'maintenance', open: (p) => go(p, '#/maintenance', 'backup-row') },
    { name: 'restore backup dialog', open: dialog('backup-restore'), close: escape },
    { name: 'command palette', open: async (p) => {
      await p.keyboard.press('Control+k');
      await expect(p.getByTestId('spotlight-root').getByRole('dialog')).toBeVisible();
    }, close: async (p) => {
      await p.keyboard.press('Escape');
      await expect(p.getByRole('dialog')).toHaveCount(0);
    } },
  ];
}
