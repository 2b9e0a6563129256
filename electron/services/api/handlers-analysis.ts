/** Serves the entity, claim, relationship and graph methods of the contract. */
import { ok } from '../../../shared/domain/result';
import type { HandlersOf } from '../../../shared/contract/define';
import type { analysisApi } from '../../../shared/contract/api-analysis';
import type { Workbench } from '../workbench/workbench';
import { fail } from '../workbench/workbench';
import { createEntity, deleteEntity, listEntities, mergeEntities, setHighlightEntities, updateEntity } from '../workbench/entities';
import { getEntityPage } from '../workbench/entity-page';
import { dismissSuggestion, suggestForSource } from '../workbench/entity-suggestions';
import { highlightDependents } from '../workbench/dependents';
import { createClaim, deleteClaim, getClaim, linkClaims, listClaims, updateClaim } from '../workbench/claims';
import {
  createRelationship, deleteRelationship, getRelationship, listRelationships, updateRelationship,
} from '../workbench/relationships';
import { getGraphWire, saveGraphLayout } from '../workbench/graph';

export function createAnalysisHandlers(wb: Workbench): HandlersOf<typeof analysisApi> {
  return {
    'entities.list': async () => ok(listEntities(wb)),
    'entities.get': async ({ id }) => getEntityPage(wb, id),
    'entities.create': async (req) => createEntity(wb, req),
    'entities.update': async (req) => updateEntity(wb, req),
    'entities.merge': async ({ fromId, intoId }) => mergeEntities(wb, fromId, intoId),
    'entities.delete': async ({ id }) => deleteEntity(wb, id),
    'entities.suggest': async ({ sourceId }) => suggestForSource(wb, sourceId),
    'entities.dismissSuggestion': async ({ sourceId, name }) => dismissSuggestion(wb, sourceId, name),

    'highlights.setEntities': async ({ id, entityIds }) => setHighlightEntities(wb, id, entityIds),
    'highlights.dependents': async ({ id }) => (wb.state.get('highlights', id)
      ? ok(highlightDependents(wb.state, id))
      : fail('not_found', `No highlight with id ${id}.`)),

    'claims.list': async (q) => ok(listClaims(wb, q)),
    'claims.get': async ({ id }) => getClaim(wb, id),
    'claims.create': async (req) => createClaim(wb, req),
    'claims.update': async (req) => updateClaim(wb, req),
    'claims.link': async ({ fromId, toId, relation }) => linkClaims(wb, fromId, toId, relation),
    'claims.delete': async ({ id }) => deleteClaim(wb, id),

    'relationships.list': async ({ entityId }) => ok(listRelationships(wb, entityId)),
    'relationships.get': async ({ id }) => getRelationship(wb, id),
    'relationships.create': async (req) => createRelationship(wb, req),
    'relationships.update': async (req) => updateRelationship(wb, req),
    'relationships.delete': async ({ id }) => deleteRelationship(wb, id),

    'graph.get': async () => ok(getGraphWire(wb)),
    'graph.saveLayout': async ({ positions }) => saveGraphLayout(wb, positions),
  };
}
