/** Analysis edits (entities, claims, relationships, suggestions, layout): call the contract, report failures, refresh. */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import type { Reliability } from '../../../shared/domain/types';
import { isAnalysisKey } from './analysisHooks';
import { callApi, queryCache } from './client';
import { anyOf, keys } from './queries';
import { applyHighlightEntities } from './highlightCache';

type Req<M extends keyof Api> = RequestOf<Api[M]>;
type KeyMatch = (key: string) => boolean;

/** Every edit may be an undo step and may change counts, grades and evidence shown anywhere in the analysis views. */
const ANALYSIS: KeyMatch = anyOf(keys.edited, isAnalysisKey);
/** Edits that also touch highlights or sources (passage links, reliability, dismissed suggestions). */
const WITH_SOURCES: KeyMatch = anyOf(ANALYSIS, keys.sources, keys.readers, keys.highlights);
/**
 * After deleting a record its own detail query is left alone: the view showing it is closing, and a refetch
 * would only report "not found".
 */
const except = (key: string, match: KeyMatch): KeyMatch => (k) => k !== key && match(k);

async function run<M extends keyof Api>(method: M, request: Req<M>, errorTitle: string, refresh: KeyMatch = ANALYSIS) {
  const reply = await callApi(method, request, errorTitle);
  if (reply.ok) await queryCache.invalidate(refresh);
  return reply.ok ? reply.value : null;
}

export const createEntity = (r: Req<'entities.create'>) => run('entities.create', r, `Could not add “${r.name}”`);
export const updateEntity = (r: Req<'entities.update'>) => run('entities.update', r, 'Could not save the entity');
export const mergeEntities = (r: Req<'entities.merge'>) =>
  run('entities.merge', r, 'Could not merge the entities', except(`entity:${r.fromId}`, WITH_SOURCES));
export const deleteEntity = (id: string) =>
  run('entities.delete', { id }, 'Could not delete the entity', except(`entity:${id}`, WITH_SOURCES));
export const dismissSuggestion = (r: Req<'entities.dismissSuggestion'>) =>
  run('entities.dismissSuggestion', r, `Could not dismiss “${r.name}”`, WITH_SOURCES);
/** The reader views showing the passage are patched from the reply (no refetch of the source text); analysis views reload. */
export async function setHighlightEntities(r: Req<'highlights.setEntities'>) {
  const reply = await callApi('highlights.setEntities', r, 'Could not link the passage to the entities');
  if (reply.ok) await queryCache.invalidate(anyOf(ANALYSIS, keys.highlights, applyHighlightEntities(reply.value.id, reply.value.entityIds)));
  return reply.ok ? reply.value : null;
}

export const createClaim = (r: Req<'claims.create'>) => run('claims.create', r, 'Could not create the claim');
export const updateClaim = (r: Req<'claims.update'>) => run('claims.update', r, 'Could not save the claim');
export const linkClaims = (r: Req<'claims.link'>) => run('claims.link', r, 'Could not link the claims');
export const deleteClaim = (id: string) => run('claims.delete', { id }, 'Could not delete the claim', except(`claim:${id}`, ANALYSIS));

export const createRelationship = (r: Req<'relationships.create'>) => run('relationships.create', r, 'Could not create the relationship');
export const updateRelationship = (r: Req<'relationships.update'>) => run('relationships.update', r, 'Could not save the relationship');
export const deleteRelationship = (id: string) =>
  run('relationships.delete', { id }, 'Could not delete the relationship', except(`relationship:${id}`, ANALYSIS));

/** The source reliability letter is part of every claim grade built on it. */
export const setSourceReliability = (id: string, reliability: Reliability) =>
  run('sources.updateMeta', { id, patch: {}, reliability }, 'Could not change the source reliability', WITH_SOURCES);

/**
 * Saves where nodes were left. Quiet on the server (not an undo step) and nothing to refresh here: the canvas
 * already shows the positions. A failure is reported; the next drag tries again.
 */
export async function saveGraphLayout(positions: Req<'graph.saveLayout'>['positions']): Promise<boolean> {
  const reply = await callApi('graph.saveLayout', { positions }, 'Could not save the graph layout');
  return reply.ok;
}
