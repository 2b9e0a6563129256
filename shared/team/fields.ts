/** How each field of each record merges in team sync: a table the compiler holds complete (a new field must be classified here). */
import type { CollectionName, WorkspaceCollections } from '../domain/types';

/*
 * Rules:
 * - 'scalar': one value, replaced whole. Concurrent different edits are a conflict (both values kept).
 *   Also used for small structured values that only make sense whole (a PDF rectangle list, a blob reference).
 * - 'latest': an ISO timestamp that only records "when last changed" (updatedAt): the later one wins, never a conflict.
 * - 'set': string[] with no meaningful order or duplicates: adds from both sides kept, removals applied.
 * - map: Record<string, V> whose keys are independent (ratings per hypothesis, node positions): merged key by key,
 *   each value as a scalar.
 * - object: a nested object merged field by field with its own table.
 * - list: an ordered list of elements with an `id`, merged element by element (see merge-list.ts).
 */
export type ScalarRule = 'scalar';
export type LatestRule = 'latest';
export type SetRule = 'set';
export interface MapRule {
  kind: 'map';
}
export interface ObjectRule<T> {
  kind: 'object';
  fields: Schema<T>;
}
export interface ListRule<E> {
  kind: 'list';
  of: Schema<E>;
}

type Present<V> = Exclude<V, undefined | null>;
type ElementOf<V> = Present<V> extends readonly (infer E)[] ? E : never;
type IsArray<V> = [Present<V>] extends [readonly unknown[]] ? true : false;
type IsMap<V> = [Present<V>] extends [object] ? (string extends keyof Present<V> ? true : false) : false;

/** The rules a value of type V may be given: only rules that fit its type compile. */
export type Rule<V> =
  | ScalarRule
  | ([Present<V>] extends [string] ? LatestRule : never)
  | ([Present<V>] extends [readonly string[]] ? SetRule : never)
  | (IsArray<V> extends true ? ([ElementOf<V>] extends [{ id: string }] ? ListRule<ElementOf<V>> : never) : never)
  | (IsArray<V> extends true
      ? never
      : [Present<V>] extends [object]
        ? IsMap<V> extends true
          ? MapRule
          : ObjectRule<Present<V>>
        : never);

/** One rule per field, optional fields included (`-?`): leaving a field out does not compile. */
export type Schema<T> = { [K in keyof T]-?: Rule<T[K]> };

/** The untyped view the merge walks at run time. */
export type AnyRule =
  | ScalarRule
  | LatestRule
  | SetRule
  | MapRule
  | { kind: 'object'; fields: AnySchema }
  | { kind: 'list'; of: AnySchema };
export type AnySchema = Readonly<Record<string, AnyRule>>;

const blobRef = 'scalar' as const;

export const FIELD_RULES = {
  sources: {
    id: 'scalar',
    kind: 'scalar',
    fileName: 'scalar',
    contentHash: 'scalar',
    textLength: 'scalar',
    meta: {
      kind: 'object',
      // authors is ordered (first author matters for citations) and may repeat: a whole value, not a set.
      fields: { title: 'scalar', authors: 'scalar', publisher: 'scalar', publishedAt: 'scalar', url: 'scalar', language: 'scalar' },
    },
    reliability: 'scalar',
    dismissedSuggestions: 'set',
    dismissedClaimSuggestions: 'set',
    capture: {
      kind: 'object',
      fields: {
        method: 'scalar',
        requestedUrl: 'scalar',
        finalUrl: 'scalar',
        redirects: 'scalar',
        status: 'scalar',
        headers: { kind: 'map' },
        capturedAt: 'scalar',
        contentType: 'scalar',
        charset: 'scalar',
        charsetSource: 'scalar',
        raw: blobRef,
        textSha256: 'scalar',
        rendered: blobRef,
        renderError: 'scalar',
        page: {
          kind: 'object',
          fields: {
            title: 'scalar',
            authors: 'scalar',
            publisher: 'scalar',
            publishedAt: 'scalar',
            modifiedAt: 'scalar',
            language: 'scalar',
            canonicalUrl: 'scalar',
            found: 'set',
          },
        },
        userAgent: 'scalar',
      },
    },
    versionOf: { kind: 'object', fields: { rootId: 'scalar', previousId: 'scalar', version: 'scalar' } },
    pdf: {
      kind: 'object',
      // The page map is derived from the kept original as a whole: merging it page by page could mix two extractions.
      fields: { original: blobRef, pageCount: 'scalar', pages: 'scalar', ocr: 'scalar' },
    },
    createdAt: 'scalar',
    updatedAt: 'latest',
  },
  highlights: {
    id: 'scalar',
    sourceId: 'scalar',
    color: 'scalar',
    // The quote and its position are one anchor: half of one and half of another would point at nothing.
    quote: 'scalar',
    position: 'scalar',
    tagIds: 'set',
    note: 'scalar',
    entityIds: 'set',
    pdf: { kind: 'object', fields: { page: 'scalar', rects: 'scalar' } },
    area: { kind: 'object', fields: { page: 'scalar', rect: 'scalar', image: blobRef } },
    createdAt: 'scalar',
    updatedAt: 'latest',
  },
  tags: { id: 'scalar', name: 'scalar', color: 'scalar', parentId: 'scalar', createdAt: 'scalar' },
  entities: {
    id: 'scalar',
    type: 'scalar',
    name: 'scalar',
    aliases: 'set',
    description: 'scalar',
    createdAt: 'scalar',
    updatedAt: 'latest',
  },
  claims: {
    id: 'scalar',
    claimantId: 'scalar',
    statement: 'scalar',
    type: 'scalar',
    claimedAt: 'scalar',
    credibility: 'scalar',
    evidenceHighlightIds: 'set',
    aboutEntityIds: 'set',
    supports: 'set',
    contradicts: 'set',
    tagIds: 'set',
    createdAt: 'scalar',
    updatedAt: 'latest',
  },
  relationships: {
    id: 'scalar',
    fromId: 'scalar',
    toId: 'scalar',
    type: 'scalar',
    startDate: 'scalar',
    endDate: 'scalar',
    confidence: 'scalar',
    note: 'scalar',
    evidenceHighlightIds: 'set',
    evidenceClaimIds: 'set',
    createdAt: 'scalar',
    updatedAt: 'latest',
  },
  dossiers: {
    id: 'scalar',
    title: 'scalar',
    subjectIds: 'set',
    author: 'scalar',
    sections: {
      kind: 'list',
      of: {
        id: 'scalar',
        title: 'scalar',
        blocks: { kind: 'list', of: { id: 'scalar', kind: 'scalar', text: 'scalar', refId: 'scalar' } },
      },
    },
    newPagePerSection: 'scalar',
    createdAt: 'scalar',
    updatedAt: 'latest',
  },
  layouts: { id: 'scalar', positions: { kind: 'map' }, updatedAt: 'latest' },
  matrices: {
    id: 'scalar',
    title: 'scalar',
    question: 'scalar',
    hypotheses: { kind: 'list', of: { id: 'scalar', label: 'scalar', note: 'scalar' } },
    evidence: {
      kind: 'list',
      of: { id: 'scalar', kind: 'scalar', refId: 'scalar', ratings: { kind: 'map' }, note: 'scalar' },
    },
    createdAt: 'scalar',
    updatedAt: 'latest',
  },
} satisfies { [C in CollectionName]: Schema<WorkspaceCollections[C]> };

export function schemaOf(c: CollectionName): AnySchema {
  const schema = (FIELD_RULES as Record<string, AnySchema>)[c];
  if (!schema) throw new Error(`team merge: unknown collection "${c}"`);
  return schema;
}
