/** The read-only workspace snapshot the pure exchange mappings (STIX, FtM) work from, and the analyst-typed marks they share. */
import type { Entity, Highlight, Source, Tag, WorkspaceCollections } from '../domain/types';

/** Structurally the same as electron's ExchangeInput, so the thin exporters pass theirs straight in. */
export interface ExchangeSnapshot {
  workspaceId: string;
  records: { [C in keyof WorkspaceCollections]: readonly WorkspaceCollections[C][] };
  textOf: (contentHash: string) => string | null;
  generatedAt: string;
}

/** A tag name folded for comparison: case, spaces, hyphens and underscores do not matter ("Threat-actor" = "threat actor"). */
export const foldTagName = (name: string): string => name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/**
 * Entities the analyst marked with a tag of the given (folded) name: the tag, at any level of the tag tree, is on a passage
 * linked to the entity. Why passages: entities carry no tags of their own; tagging the passage that names the actor is how
 * an analyst says "this is a threat actor" today. Every entity linked to such a passage is marked, so tag a passage that
 * is linked to the actor alone.
 */
export function entitiesMarked(snapshot: ExchangeSnapshot, folded: string): Set<string> {
  const tagIds = new Set(snapshot.records.tags.filter((t: Tag) => foldTagName(t.name) === folded).map((t) => t.id));
  const marked = new Set<string>();
  if (tagIds.size === 0) return marked;
  for (const h of snapshot.records.highlights) {
    if (h.tagIds.some((t) => tagIds.has(t))) for (const e of h.entityIds) marked.add(e);
  }
  return marked;
}

/** Lookups every mapping needs. */
export interface Index {
  entity: Map<string, Entity>;
  source: Map<string, Source>;
  highlight: Map<string, Highlight>;
  tagPath: (id: string) => string;
}

export function indexOf(snapshot: ExchangeSnapshot): Index {
  const tags = new Map(snapshot.records.tags.map((t) => [t.id, t]));
  const tagPath = (id: string): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let t = tags.get(id); t && !seen.has(t.id); t = t.parentId ? tags.get(t.parentId) : undefined) {
      seen.add(t.id);
      names.unshift(t.name);
    }
    return names.join(' / ');
  };
  return {
    entity: new Map(snapshot.records.entities.map((e) => [e.id, e])),
    source: new Map(snapshot.records.sources.map((s) => [s.id, s])),
    highlight: new Map(snapshot.records.highlights.map((h) => [h.id, h])),
    tagPath,
  };
}

/** Admiralty labels, as the grading panel shows them. */
export const RELIABILITY_LABEL: Record<string, string> = {
  A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged',
};
export const CREDIBILITY_LABEL: Record<number, string> = {
  1: 'confirmed by other sources', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable', 6: 'truth cannot be judged',
};

/** "Kazakhstan and Erdoğan …" → a short one-line title for a passage or statement. */
export function shortTitle(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}
