/** The workspace as a STIX 2.1 bundle: entities as identities, locations and (where tagged so) threat actors, with notes, opinions and a report. */
import type { Claim, Entity, Highlight, Relationship, Source } from '../domain/types';
import { bestReliability } from '../domain/analysis/grading';
import { relationshipLabel } from '../domain/analysis/vocabulary';
import { sha1Hex, uuidV5 } from './sha1';
import { countryCodeOf, regionOf } from './places';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL, entitiesMarked, indexOf, shortTitle, type ExchangeSnapshot, type Index } from './snapshot';
import {
  ADMIRALTY_CREDIBILITY_TO_CONFIDENCE, CREDIBILITY_TO_OPINION, stixRelationshipType, stixTimestamp,
} from './stix-vocab';
import { claimedWhen, stixEarliest, stixLatestExclusive } from './qualified-bounds';

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle { type: 'bundle'; id: string; objects: StixObject[] }

/** Tag names (folded) that make an entity a threat actor or an intrusion set in the bundle. */
export const THREAT_ACTOR_TAG = 'threat actor';
export const INTRUSION_SET_TAG = 'intrusion set';

const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length > 0 ? xs : undefined);
const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
/** STIX forbids empty lists and our empty strings say nothing: leave both out. */
const compact = (o: Record<string, unknown>): StixObject =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as StixObject;
const isUri = (url: string): boolean => /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(url);

/** Builds the bundle; pure (ids come from the workspace id and record ids, the time from the snapshot). */
export function buildStixBundle(snapshot: ExchangeSnapshot): StixBundle {
  const ws = snapshot.workspaceId;
  const ix: Index = indexOf(snapshot);
  const at = snapshot.generatedAt;
  const idOf = (type: string, kind: string, recordId: string) => `${type}--${uuidV5(`${ws}/stix/${kind}/${recordId}`)}`;
  const reportId = idOf('report', 'report', 'workspace');
  const author = snapshot.records.dossiers.find((d) => d.author.trim() !== '')?.author.trim() ?? 'Workbench analyst';
  const producer = compact({
    type: 'identity', spec_version: '2.1', id: idOf('identity', 'producer', 'workspace'), created: stixTimestamp(at, at), modified: stixTimestamp(at, at),
    name: author, identity_class: 'individual', description: 'The analyst whose workspace this bundle was exported from.',
  });
  const common = (type: string, kind: string, rec: { id: string; createdAt: string; updatedAt?: string }) => ({
    type, spec_version: '2.1', id: idOf(type, kind, rec.id), created_by_ref: producer.id,
    created: stixTimestamp(rec.createdAt, at), modified: stixTimestamp(rec.updatedAt ?? rec.createdAt, at),
  });

  // Sources become external references (with the text's hashes), cited by the objects drawn from them.
  const sourceRef = new Map<string, Record<string, unknown>>();
  for (const s of snapshot.records.sources) sourceRef.set(s.id, externalReference(s, snapshot.textOf(s.contentHash)));
  const refsOf = (sourceIds: Iterable<string>) => uniq(sourceIds).map((id) => sourceRef.get(id)).filter((r) => r !== undefined);

  const threatActors = entitiesMarked(snapshot, THREAT_ACTOR_TAG);
  const intrusionSets = entitiesMarked(snapshot, INTRUSION_SET_TAG);
  const sdoOf = new Map<string, StixObject>();
  for (const e of snapshot.records.entities) {
    const sdo = entityObject(e, threatActors.has(e.id) ? 'threat-actor' : intrusionSets.has(e.id) ? 'intrusion-set' : null, common);
    if (sdo) sdoOf.set(e.id, sdo);
  }
  const ref = (entityId: string | null) => (entityId ? sdoOf.get(entityId)?.id : undefined);

  const relationships: StixObject[] = [];
  const evidencedBy = new Map<string, string[]>();
  for (const r of snapshot.records.relationships) {
    const o = relationshipObject(r, ref(r.fromId), ref(r.toId), common, refsOf(r.evidenceHighlightIds.map((h) => ix.highlight.get(h)?.sourceId ?? '')));
    if (!o) continue;
    relationships.push(o);
    for (const h of r.evidenceHighlightIds) evidencedBy.set(h, [...(evidencedBy.get(h) ?? []), o.id]);
  }

  const passageNotes = new Map<string, StixObject>();
  for (const h of snapshot.records.highlights) {
    const source = ix.source.get(h.sourceId);
    const targets = uniq([...h.entityIds.map(ref).filter((x) => x !== undefined), ...(evidencedBy.get(h.id) ?? [])]);
    passageNotes.set(h.id, passageNote(h, source, targets.length > 0 ? targets : [reportId], common, ix, sourceRef.get(h.sourceId)));
  }

  const claimObjects: StixObject[] = [];
  const claimNoteId = new Map<string, string>();
  for (const c of snapshot.records.claims) claimNoteId.set(c.id, idOf('note', 'claim', c.id));
  for (const c of snapshot.records.claims) {
    const evidence = c.evidenceHighlightIds.map((h) => ix.highlight.get(h)).filter((h) => h !== undefined);
    const sources = evidence.map((h) => ix.source.get(h.sourceId)).filter((s) => s !== undefined);
    claimObjects.push(...claimObjectsOf(c, {
      common, ix, claimantName: c.claimantId ? ix.entity.get(c.claimantId)?.name : undefined,
      refs: uniq([...c.aboutEntityIds.map(ref), ref(c.claimantId), ...evidence.map((h) => passageNotes.get(h.id)?.id)].filter((x) => x !== undefined)),
      grade: `${bestReliability(sources.map((s) => s.reliability))}${c.credibility}`,
      externalRefs: refsOf(sources.map((s) => s.id)), reportId,
      links: [...c.supports.map((t) => ['supports', t] as const), ...c.contradicts.map((t) => ['contradicts', t] as const)]
        .flatMap(([kind, t]) => { const id = claimNoteId.get(t); return id ? [[kind, id] as const] : []; }),
    }));
  }

  const objects = [producer, ...sdoOf.values(), ...relationships, ...passageNotes.values(), ...claimObjects];
  const report = compact({
    type: 'report', spec_version: '2.1', id: reportId, created_by_ref: producer.id, created: stixTimestamp(at, at), modified: stixTimestamp(at, at),
    name: 'Analysis workspace export', published: stixTimestamp(at, at),
    description: `${sdoOf.size} entities, ${relationships.length} relationships, ${passageNotes.size} passages and ${snapshot.records.claims.length} claims from ${snapshot.records.sources.length} sources.`,
    object_refs: objects.map((o) => o.id), external_references: nonEmpty([...sourceRef.values()]),
  });
  return { type: 'bundle', id: `bundle--${uuidV5(`${ws}/stix/bundle/${at}`)}`, objects: [...objects, report] };
}

type Common = (type: string, kind: string, rec: { id: string; createdAt: string; updatedAt?: string }) => Record<string, unknown>;

function externalReference(s: Source, text: string | null): Record<string, unknown> {
  const hashes: Record<string, string> = {};
  if (/^[0-9a-f]{64}$/i.test(s.contentHash)) hashes['SHA-256'] = s.contentHash;
  if (text !== null) hashes['SHA-1'] = sha1Hex(text);
  const about = [s.meta.publisher, s.meta.publishedAt, isUri(s.meta.url) ? '' : s.meta.url].filter((x) => x.trim() !== '').join(', ');
  const grade = `Admiralty source reliability ${s.reliability} (${RELIABILITY_LABEL[s.reliability]})`;
  return compact({
    source_name: s.meta.title.trim() || s.fileName || `source ${s.id}`,
    description: about ? `${about}. ${grade}; hashes are of the normalised text.` : `${grade}; hashes are of the normalised text.`,
    url: isUri(s.meta.url) ? s.meta.url : undefined,
    hashes: Object.keys(hashes).length > 0 ? hashes : undefined,
  });
}

function entityObject(e: Entity, marked: 'threat-actor' | 'intrusion-set' | null, common: Common): StixObject | null {
  const base = { name: e.name, description: e.description };
  if (marked && e.type !== 'place' && e.type !== 'event') {
    // Threat actors and intrusion sets carry aliases natively; the person/organisation distinction goes into the types.
    return compact({ ...common(marked, 'entity', e), ...base, aliases: nonEmpty([...e.aliases]),
      ...(marked === 'threat-actor' && e.type === 'person' ? { resource_level: 'individual' } : {}) });
  }
  if (e.type === 'person' || e.type === 'organisation') {
    return compact({ ...common('identity', 'entity', e), ...base, identity_class: e.type === 'person' ? 'individual' : 'organization',
      x_workbench_aliases: nonEmpty([...e.aliases]) });
  }
  if (e.type === 'place') {
    // STIX needs a region, a country or coordinates: a known country gets its ISO code, a known region its region-ov value,
    // any other place keeps its name as a free-text region (region is an open vocabulary) and is flagged unresolved.
    const names = [e.name, ...e.aliases];
    const country = countryCodeOf(names);
    const region = country ? undefined : regionOf(names) ?? e.name;
    return compact({ ...common('location', 'entity', e), ...base, country: country ?? undefined, region,
      x_workbench_aliases: nonEmpty([...e.aliases]), x_workbench_unresolved: !country && !regionOf(names) ? true : undefined });
  }
  return null; // events and untagged "other" entities have no STIX object (docs/exchange.md: what is lost)
}

function relationshipObject(r: Relationship, from: string | undefined, to: string | undefined, common: Common,
  externalRefs: Record<string, unknown>[]): StixObject | null {
  if (!from || !to) return null;
  // Qualified dates widen to the outer bounds they allow ("~2015" starts 2014, "<2019" stops by 2019); an open side is left out.
  const start = stixEarliest(r.startDate);
  let stop = stixLatestExclusive(r.endDate);
  if (start && stop && stop <= start) stop = null; // STIX: stop_time must be later than start_time
  const label = relationshipLabel(r.type);
  return compact({
    ...common('relationship', 'relationship', r), relationship_type: stixRelationshipType(r.type), source_ref: from, target_ref: to,
    description: r.note.trim() ? `${label}: ${r.note.trim()}` : label,
    confidence: Math.round(Math.min(1, Math.max(0, r.confidence)) * 100),
    start_time: start ?? undefined, stop_time: stop ?? undefined,
    x_workbench_dates: r.startDate || r.endDate ? [r.startDate, r.endDate].join('/') : undefined,
    external_references: nonEmpty(externalRefs),
  });
}

function passageNote(h: Highlight, source: Source | undefined, objectRefs: string[], common: Common, ix: Index,
  sourceRef: Record<string, unknown> | undefined): StixObject {
  const quote = h.area ? `[figure or table on page ${h.area.page}]` : h.quote.exact;
  const where = h.area ? `area on page ${h.area.page}` : `characters ${h.position.start}–${h.position.end}`;
  return compact({
    ...common('note', 'highlight', h), abstract: shortTitle(h.note.trim() || quote), lang: source?.meta.language || undefined,
    content: h.note.trim() ? `${quote}\n\n${h.note.trim()}` : quote,
    object_refs: objectRefs, labels: nonEmpty(h.tagIds.map(ix.tagPath).filter((p) => p !== '')),
    external_references: sourceRef ? [{ ...sourceRef, description: `${String(sourceRef['description'] ?? '')} Passage: ${where}.`.trim() }] : undefined,
    x_admiralty_source_reliability: source?.reliability,
  });
}

interface ClaimContext {
  common: Common; ix: Index; claimantName: string | undefined; refs: string[]; grade: string;
  externalRefs: Record<string, unknown>[]; reportId: string; links: (readonly [string, string])[];
}

/**
 * A claim is a note (the statement, what it is about, who claims it, its evidence passages) whose confidence is the
 * Admiralty credibility mapped by STIX Appendix A, plus an opinion on that note holding the analyst's grade, plus
 * supports/contradicts relationships between claim notes.
 */
function claimObjectsOf(c: Claim, x: ClaimContext): StixObject[] {
  const noteObj = compact({
    ...x.common('note', 'claim', c),
    abstract: shortTitle([c.type, x.claimantName ? `by ${x.claimantName}` : '', claimedWhen(c.claimedAt)].filter(Boolean).join(' ')),
    content: c.statement, object_refs: x.refs.length > 0 ? x.refs : [x.reportId],
    authors: x.claimantName ? [x.claimantName] : undefined,
    confidence: ADMIRALTY_CREDIBILITY_TO_CONFIDENCE[c.credibility] ?? undefined,
    labels: ['claim', c.type, ...c.tagIds.map(x.ix.tagPath).filter((p) => p !== '')],
    external_references: nonEmpty(x.externalRefs),
    x_admiralty_credibility: c.credibility, x_admiralty_grade: x.grade, x_workbench_claimed_at: c.claimedAt || undefined,
  });
  const out = [noteObj];
  const opinion = CREDIBILITY_TO_OPINION[c.credibility];
  if (opinion) {
    out.push(compact({ ...x.common('opinion', 'claim-opinion', c), opinion, object_refs: [noteObj.id],
      explanation: `Admiralty grade ${x.grade}: credibility ${c.credibility} (${CREDIBILITY_LABEL[c.credibility]}).` }));
  }
  for (const [kind, target] of x.links) {
    out.push(compact({ ...x.common('relationship', `claim-${kind}-${target}`, c), relationship_type: kind, source_ref: noteObj.id, target_ref: target }));
  }
  return out;
}
