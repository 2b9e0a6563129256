/**
 * Narrowing by kind, source, tag and entity before the full filter: one pass over the document columns
 * builds a bitmap of the documents those filters allow. It replaced one Set per tag, entity and source
 * (20 MB at 100k highlights, ADR 0011): the pass reads typed arrays only (~1 ms at 160k documents).
 */
import type { DocStore } from './doc-store';
import { kindCode } from './doc-store';
import type { RecordMap } from './record-map';
import type { SearchKind, SearchOptions } from './types';

/** Kinds that are few per workspace; a kinds filter made of these alone is selective. */
const SMALL_KINDS: ReadonlySet<SearchKind> = new Set(['claim', 'entity', 'dossier']);
const HIGHLIGHT = kindCode('highlight');

/** Documents allowed by the filters, as a set with `has` only. */
export interface AllowedDocs {
  has(docId: number): boolean;
}

class Bitmap implements AllowedDocs {
  constructor(private readonly bits: Uint8Array) {}
  has(docId: number): boolean {
    return this.bits[docId] === 1;
  }
}

/** A bitmap over interned ids of the wanted values (ids never seen cannot match). */
function wantedIds(store: DocStore, values: readonly string[] | undefined): Uint8Array | null {
  if (!values?.length) return null;
  const bits = new Uint8Array(store.ids.size);
  for (const v of values) {
    const code = store.ids.find(v);
    if (code >= 0) bits[code] = 1;
  }
  return bits;
}

/**
 * A superset of the documents the tag/entity/source/kind filters allow, or null when none of them narrows
 * anything. The full filter still runs on each document, so this only saves work, never changes results.
 */
export function allowedDocs(store: DocStore, records: RecordMap, opts: SearchOptions): AllowedDocs | null {
  const tags = wantedIds(store, opts.tagIds);
  const entities = wantedIds(store, opts.entityIds);
  const sources = wantedIds(store, opts.sourceIds);
  const kinds = opts.kinds?.length && opts.kinds.every((k) => SMALL_KINDS.has(k)) ? new Set(opts.kinds.map(kindCode)) : null;
  if (!tags && !entities && !sources && !kinds) return null;
  const bits = new Uint8Array(store.limit);
  const kindOf = store.kinds.raw;
  const sourceOf = store.source.raw;
  // Claims are in a source through their evidence: the highlights of those sources, by record id.
  const inSource = (highlightId: string): boolean => {
    const docId = records.first('highlight', highlightId);
    return docId !== undefined && store.kindCode(docId) === HIGHLIGHT && sources?.[store.sourceCode(docId)] === 1;
  };
  const end = Math.min(store.limit, kindOf.length);
  for (let docId = 1; docId < end; docId++) {
    const kind = kindOf[docId] as number;
    if (kind === 0 || (kinds && !kinds.has(kind))) continue;
    if (sources) {
      const source = docId < sourceOf.length ? (sourceOf[docId] as number) : -1;
      if (source >= 0 ? sources[source] !== 1 : !store.evidenceOf(docId).some(inSource)) continue;
    }
    if (tags && !store.hasTag(docId, tags)) continue;
    if (entities && !store.hasEntity(docId, entities)) continue;
    bits[docId] = 1;
  }
  return new Bitmap(bits);
}
