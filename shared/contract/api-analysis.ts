/** Contract methods for entities, claims, relationships and the graph. */
import { z } from 'zod';
import { method } from './define';
import { empty, id, qualifiedDate, text } from './schemas';
import { CLAIM_TYPES, CREDIBILITY, ENTITY_TYPES, type Claim, type Entity, type Relationship } from '../domain/types';
import type { ClaimView, EntitySuggestionView as EntitySuggestion, Dependents, EntityPage, EntitySummary, RelationshipView } from './views-analysis';
import type { GraphWire } from './graph-wire';

const name = z.string().trim().min(1).max(300);
const aliases = z.array(z.string().trim().min(1).max(300)).max(100);
const ids = z.array(id).max(500);
const credibility = z.union(CREDIBILITY.map((c) => z.literal(c)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>, z.ZodLiteral<5>, z.ZodLiteral<6>]);
const relType = z.string().trim().min(1).max(100);
const confidence = z.number().min(0).max(1);

const claimFields = {
  claimantId: id.nullable(),
  statement: z.string().trim().min(1).max(5000),
  type: z.enum(CLAIM_TYPES),
  claimedAt: qualifiedDate,
  credibility,
  evidenceHighlightIds: ids,
  aboutEntityIds: ids,
  tagIds: ids,
};

const relationshipFields = {
  fromId: id,
  toId: id,
  type: relType,
  startDate: qualifiedDate,
  endDate: qualifiedDate,
  confidence,
  note: text(20_000),
  evidenceHighlightIds: ids,
  evidenceClaimIds: ids,
};

export const analysisApi = {
  'entities.list': method<EntitySummary[]>()({ request: empty }),
  'entities.get': method<EntityPage>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'entities.create': method<{ entity: Entity; existed: boolean }>()({
    request: z.object({ type: z.enum(ENTITY_TYPES), name, aliases: aliases.default([]), description: text(5000).default('') }).strict(),
  }),
  'entities.update': method<Entity>()({
    request: z.object({ id, type: z.enum(ENTITY_TYPES).optional(), name: name.optional(), aliases: aliases.optional(), description: text(5000).optional() }).strict(),
    errors: ['not_found', 'duplicate'],
  }),
  'entities.merge': method<Entity>()({ request: z.object({ fromId: id, intoId: id }).strict(), errors: ['not_found', 'conflict'] }),
  'entities.delete': method<{ removedRelationships: number; updatedClaims: number }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'entities.suggest': method<EntitySuggestion[]>()({ request: z.object({ sourceId: id }).strict(), errors: ['not_found'] }),
  'entities.dismissSuggestion': method<{ dismissed: string[] }>()({ request: z.object({ sourceId: id, name }).strict(), errors: ['not_found'] }),

  'highlights.setEntities': method<{ id: string; entityIds: string[] }>()({
    request: z.object({ id, entityIds: ids }).strict(), errors: ['not_found'],
  }),
  'highlights.dependents': method<Dependents>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),

  'claims.list': method<ClaimView[]>()({
    request: z.object({
      claimantId: id.optional(), type: z.enum(CLAIM_TYPES).optional(), grade: z.string().regex(/^[A-F][1-6]?$|^[1-6]$/).optional(),
      tagId: id.optional(), sourceId: id.optional(), entityId: id.optional(),
      sort: z.enum(['date', 'grade', 'claimant', 'created']).default('created'),
    }).strict(),
  }),
  'claims.get': method<ClaimView>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'claims.create': method<Claim>()({ request: z.object(claimFields).strict(), errors: ['not_found'] }),
  'claims.update': method<Claim>()({
    request: z.object({ id, ...Object.fromEntries(Object.entries(claimFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof claimFields]: z.ZodOptional<(typeof claimFields)[K]> } }).strict(),
    errors: ['not_found'],
  }),
  'claims.link': method<Claim>()({
    request: z.object({ fromId: id, toId: id, relation: z.enum(['supports', 'contradicts', 'none']) }).strict(),
    errors: ['not_found', 'conflict'],
  }),
  'claims.delete': method<{ id: string; updatedRelationships: number }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),

  'relationships.list': method<RelationshipView[]>()({ request: z.object({ entityId: id.optional() }).strict() }),
  'relationships.get': method<RelationshipView>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),
  'relationships.create': method<Relationship>()({
    request: z.object({ ...relationshipFields, startDate: qualifiedDate.default(''), endDate: qualifiedDate.default(''), confidence: confidence.default(0.7), note: text(20_000).default(''), evidenceHighlightIds: ids.default([]), evidenceClaimIds: ids.default([]) }).strict(),
    errors: ['not_found', 'conflict'],
  }),
  'relationships.update': method<Relationship>()({
    request: z.object({ id, ...Object.fromEntries(Object.entries(relationshipFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof relationshipFields]: z.ZodOptional<(typeof relationshipFields)[K]> } }).strict(),
    errors: ['not_found', 'conflict'],
  }),
  'relationships.delete': method<{ id: string }>()({ request: z.object({ id }).strict(), errors: ['not_found'] }),

  'graph.get': method<GraphWire>()({ request: empty }),
  'graph.saveLayout': method<{ saved: number }>()({
    request: z.object({ positions: z.record(id, z.object({ x: z.number().finite(), y: z.number().finite() })) }).strict(),
  }),
};
