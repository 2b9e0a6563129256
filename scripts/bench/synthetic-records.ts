/** Deterministic records of a generated workspace (sources, highlights, tags, entities, claims, relationships). */
import { describeRange } from '../../shared/anchoring';
import type { CollectionsJson } from '../../shared/domain/state';
import {
  CLAIM_TYPES, CREDIBILITY, ENTITY_TYPES, HIGHLIGHT_COLORS, RELIABILITY,
  type Claim, type Entity, type Highlight, type Relationship, type Source, type Tag,
} from '../../shared/domain/types';
import { RELATIONSHIP_VOCABULARY } from '../../shared/domain/analysis/vocabulary';
import type { WorkspaceSize } from './args';
import { Rng, orgName, personName, placeName, sentence } from './random';

/** The reader source (index 0) carries this many highlights, or half of all highlights in tiny workspaces. */
const readerHighlightCount = (size: WorkspaceSize): number => Math.min(2000, Math.floor(size.highlights / 2));

const byId = <T extends { id: string }>(items: readonly T[]): Record<string, T> => Object.fromEntries(items.map((x) => [x.id, x]));

function makeSources(r: Rng, texts: readonly string[], hashes: readonly string[]): Source[] {
  return texts.map((text, i) => {
    const at = r.stamp();
    return {
      id: r.uuid(), kind: r.pick(['text', 'html', 'markdown', 'pdf'] as const), fileName: i % 3 === 0 ? '' : `source-${i}.html`,
      contentHash: hashes[i] as string, textLength: text.length,
      meta: {
        title: i === 0 ? 'Reader benchmark: a long report (1 MB)' : sentence(r, 3, 9).slice(0, -1),
        authors: r.chance(0.7) ? [personName(r)] : [], publisher: r.chance(0.5) ? orgName(r) : '',
        publishedAt: r.chance(0.8) ? r.day() : '', url: r.chance(0.6) ? `https://example.org/a/${i}` : '', language: r.pick(['en', 'tr', 'ar', 'fr']),
      },
      reliability: r.pick(RELIABILITY), createdAt: at, updatedAt: at,
    };
  });
}

function makeTags(r: Rng, count: number): Tag[] {
  const tags: Tag[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i >= 10 && r.chance(0.5) ? tags[r.int(0, 9)]! : null;
    tags.push({ id: r.uuid(), name: `${sentence(r, 1, 2).slice(0, -1)} ${i}`, color: r.pick(['red', 'teal', 'grape', 'orange', 'blue']), parentId: parent?.id ?? null, createdAt: r.stamp() });
  }
  return tags;
}

function makeEntities(r: Rng, count: number): Entity[] {
  return Array.from({ length: count }, () => {
    const type = r.pick(ENTITY_TYPES);
    const name = type === 'person' ? personName(r) : type === 'organisation' ? orgName(r) : type === 'place' ? placeName(r) : sentence(r, 2, 4).slice(0, -1);
    const at = r.stamp();
    return { id: r.uuid(), type, name, aliases: r.chance(0.3) ? [personName(r)] : [], description: r.chance(0.5) ? sentence(r, 5, 20) : '', createdAt: at, updatedAt: at };
  });
}

/** Highlights on the reader source spread evenly over it; the rest go to random sources, weighted by text length. */
function makeHighlights(r: Rng, size: WorkspaceSize, sources: Source[], texts: readonly string[], tags: Tag[], entities: Entity[]): Highlight[] {
  const onReader = readerHighlightCount(size);
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 1; i < sources.length; i++) cumulative.push((total += sources[i]!.textLength));
  const weightedSource = (): number => {
    const x = r.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo + 1;
  };
  const out: Highlight[] = [];
  for (let i = 0; i < size.highlights; i++) {
    const s = i < onReader ? 0 : weightedSource();
    const text = texts[s]!;
    const span = r.int(12, 240);
    const slot = text.length / onReader;
    const from = i < onReader ? Math.floor(i * slot + r.float() * Math.max(1, slot - span)) : r.int(0, Math.max(0, text.length - span));
    const { quote, position } = describeRange(text, from, Math.min(text.length, from + span));
    const at = r.stamp();
    out.push({
      id: r.uuid(), sourceId: sources[s]!.id, color: r.pick(HIGHLIGHT_COLORS), quote, position,
      tagIds: r.some(tags, r.int(0, 3)).map((t) => t.id), note: r.chance(0.3) ? sentence(r, 4, 25) : '',
      entityIds: r.chance(0.3) ? r.some(entities, r.int(1, 2)).map((e) => e.id) : [], createdAt: at, updatedAt: at,
    });
  }
  return out;
}

function makeClaims(r: Rng, count: number, highlights: Highlight[], entities: Entity[], tags: Tag[]): Claim[] {
  const claims: Claim[] = [];
  for (let i = 0; i < count; i++) {
    const at = r.stamp();
    const earlier = () => (i > 0 && r.chance(0.1) ? [claims[r.int(0, i - 1)]!.id] : []);
    claims.push({
      id: r.uuid(), claimantId: r.chance(0.7) ? r.pick(entities).id : null, statement: sentence(r, 6, 30), type: r.pick(CLAIM_TYPES),
      claimedAt: r.chance(0.8) ? r.stamp().slice(0, 10) : '', credibility: r.pick(CREDIBILITY),
      evidenceHighlightIds: r.some(highlights, r.int(1, 3)).map((h) => h.id), aboutEntityIds: r.some(entities, r.int(1, 2)).map((e) => e.id),
      supports: earlier(), contradicts: earlier(), tagIds: r.some(tags, r.int(0, 2)).map((t) => t.id), createdAt: at, updatedAt: at,
    });
  }
  return claims;
}

function makeRelationships(r: Rng, count: number, entities: Entity[], highlights: Highlight[], claims: Claim[]): Relationship[] {
  return Array.from({ length: count }, () => {
    const from = r.pick(entities);
    let to = r.pick(entities);
    while (to.id === from.id && entities.length > 1) to = r.pick(entities);
    const at = r.stamp();
    return {
      id: r.uuid(), fromId: from.id, toId: to.id, type: r.chance(0.9) ? r.pick(RELATIONSHIP_VOCABULARY).type : 'finances',
      startDate: r.chance(0.6) ? r.day() : '', endDate: r.chance(0.2) ? r.day() : '', confidence: Math.round(r.float() * 100) / 100,
      note: r.chance(0.3) ? sentence(r, 4, 16) : '', evidenceHighlightIds: r.some(highlights, r.int(1, 2)).map((h) => h.id),
      evidenceClaimIds: r.chance(0.3) ? [r.pick(claims).id] : [], createdAt: at, updatedAt: at,
    };
  });
}

/** Every collection of the workspace; `hashes[i]` is the content hash of `texts[i]`. */
export function generateCollections(size: WorkspaceSize, seed: number, texts: readonly string[], hashes: readonly string[]): CollectionsJson {
  const r = new Rng(seed ^ 0x7ec0d5);
  const sources = makeSources(r, texts, hashes);
  const tags = makeTags(r, size.tags);
  const entities = makeEntities(r, size.entities);
  const highlights = makeHighlights(r, size, sources, texts, tags, entities);
  const claims = makeClaims(r, size.claims, highlights, entities, tags);
  const relationships = makeRelationships(r, size.relationships, entities, highlights, claims);
  return {
    sources: byId(sources), highlights: byId(highlights), tags: byId(tags), entities: byId(entities),
    claims: byId(claims), relationships: byId(relationships), dossiers: {}, layouts: {}, matrices: {},
  };
}
