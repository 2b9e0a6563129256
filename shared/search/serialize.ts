/** Persisted form of the search index, with a format version so hosts can detect a stale file and rebuild. */
import { err, ok, type Result } from '../domain/result';
import { DocIntake } from './doc-table';
import { PostingEngine, type EnginePayload } from './engine';
import { SEARCH_KINDS, type IndexedParty, type SourceInfo, type StoredDoc } from './types';
import { Vocabulary } from './vocabulary';

/**
 * Bump whenever folding, chunking, document shape or engine settings change: old files must be rebuilt.
 * 4: a label may be a number n (the short label of the body's first n characters, see StoredDoc).
 */
export const SEARCH_INDEX_VERSION = 4;
export const SEARCH_INDEX_FORMAT = 'analyst-workbench/search-index';

export interface SerializedSearchIndex {
  format: typeof SEARCH_INDEX_FORMAT;
  version: number;
  nextDocId: number;
  tombstones: number;
  /** Documents as tuples (see DocTuple): a third smaller than objects with field names. */
  docs: DocTuple[];
  sources: Array<[string, SourceInfo]>;
  vocabulary: Array<[string, number]>;
  engine: EnginePayload;
  titles: EnginePayload;
}

/** [docId, kind, recordId, title, tags, body, label (text or derived length), date, tagIds, entityIds, sourceId, start, end, evidenceHighlightIds, parties] */
export type DocTuple = [
  number, StoredDoc['kind'], string, string, string, string, string | number, string, string[], string[],
  string | null, number | null, number | null, string[] | null, IndexedParty[] | null,
];

export type SearchIndexLoadError =
  | { kind: 'stale'; found: unknown; expected: number }
  | { kind: 'malformed'; message: string };

export interface LoadedIndex {
  /** Live documents in id order. */
  docs: Iterable<[number, StoredDoc]>;
  /** Documents already taken into a store (a host that reads the file in batches, see DocBatches); `docs` follow them. */
  intake?: DocIntake;
  sources: Map<string, SourceInfo>;
  engine: PostingEngine;
  titles: PostingEngine;
  vocabulary: Vocabulary;
  nextDocId: number;
  tombstones: number;
}

export function serializeSearchIndex(index: LoadedIndex): SerializedSearchIndex {
  return {
    format: SEARCH_INDEX_FORMAT,
    version: SEARCH_INDEX_VERSION,
    nextDocId: index.nextDocId,
    tombstones: index.tombstones,
    docs: [...index.docs].map(([docId, d]) => [
      docId, d.kind, d.recordId, d.title, d.tags, d.body, d.label, d.date, d.tagIds, d.entityIds,
      d.sourceId ?? null, d.start ?? null, d.end ?? null, d.evidenceHighlightIds ?? null, d.parties ?? null,
    ]),
    sources: [...index.sources.entries()],
    vocabulary: index.vocabulary.entries(),
    engine: index.engine.toPayload(),
    titles: index.titles.toPayload(),
  };
}

/** The format version of persisted JSON (object or string), or null when it is not a search index. */
export function searchIndexVersion(json: unknown): number | null {
  const value = typeof json === 'string' ? safeParse(json) : json;
  return isRecord(value) && value.format === SEARCH_INDEX_FORMAT && typeof value.version === 'number' ? value.version : null;
}

/**
 * A saved index's documents taken in batches as a host reads them (a line of the file each): every batch is checked,
 * then taken into the store at once, each tuple let go as it is taken. Holding every tuple until the engines (at the
 * file's end) were read cost 100k-odd arrays promoted to the old generation and collected there (ADR 0014).
 */
export class DocBatches {
  readonly intake = new DocIntake();
  /** The highest document id taken so far (ids must ascend across batches too). */
  last = 0;

  /** Takes one batch (its array is emptied), or says what is wrong with it; nothing of a bad batch is taken. */
  take(tuples: unknown): SearchIndexLoadError | null {
    if (!Array.isArray(tuples)) return { kind: 'malformed', message: 'bad documents' };
    let last = this.last;
    for (const t of tuples) {
      if (!isDocEntry(t)) return { kind: 'malformed', message: 'bad documents' };
      if (!Number.isSafeInteger(t[0]) || t[0] <= last) return { kind: 'malformed', message: 'bad document ids' };
      last = t[0];
    }
    for (let i = 0; i < tuples.length; i++) {
      const [docId, doc] = fromTuple(tuples[i] as DocTuple);
      (tuples as unknown[])[i] = undefined;
      this.intake.put(docId, doc);
    }
    tuples.length = 0;
    this.last = last;
    return null;
  }
}

/**
 * `consume`: the caller's `docs` array may be emptied as its documents are taken (a host's freshly parsed file).
 * `batches`: documents the host has already taken (their ids come before those in `docs`, if any).
 */
export function loadSearchIndex(json: unknown, consume = false, batches?: DocBatches): Result<LoadedIndex, SearchIndexLoadError> {
  const value = typeof json === 'string' ? safeParse(json) : json;
  if (!isRecord(value) || value.format !== SEARCH_INDEX_FORMAT) return err({ kind: 'malformed', message: 'not a search index' });
  if (value.version !== SEARCH_INDEX_VERSION) return err({ kind: 'stale', found: value.version, expected: SEARCH_INDEX_VERSION });
  const { nextDocId, tombstones, docs, sources, vocabulary, engine, titles } = value;
  if (typeof nextDocId !== 'number' || typeof tombstones !== 'number') return err({ kind: 'malformed', message: 'counters missing' });
  if (!Array.isArray(docs) || !docs.every(isDocEntry)) return err({ kind: 'malformed', message: 'bad documents' });
  // Document ids index the table's columns: each must be below nextDocId, and ascending (no id twice).
  const first = batches?.last ?? 0;
  if (first >= nextDocId || !docs.every((d, i) => Number.isSafeInteger(d[0]) && d[0] > first && d[0] < nextDocId && (i === 0 || d[0] > (docs[i - 1] as DocTuple)[0]))) {
    return err({ kind: 'malformed', message: 'bad document ids' });
  }
  if (!Array.isArray(sources) || !sources.every(isSourceEntry)) return err({ kind: 'malformed', message: 'bad sources' });
  if (!Array.isArray(vocabulary) || !vocabulary.every(isTermEntry)) return err({ kind: 'malformed', message: 'bad vocabulary' });
  if (!isPayload(engine) || !isPayload(titles)) return err({ kind: 'malformed', message: 'bad engine payload' });
  try {
    return ok({
      docs: takeDocs(docs, consume),
      intake: batches?.intake,
      sources: new Map(sources),
      engine: PostingEngine.fromPayload(engine),
      titles: PostingEngine.fromPayload(titles),
      vocabulary: new Vocabulary(vocabulary),
      nextDocId,
      tombstones,
    });
  } catch (e) {
    return err({ kind: 'malformed', message: e instanceof Error ? e.message : 'engine import failed' });
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function isStringArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string') return false;
  return true;
}
const KINDS: ReadonlySet<unknown> = new Set(SEARCH_KINDS);

/** Offsets are stored in Int32 columns with -1 for "none": only non-negative 32-bit integers are valid. */
const isOffsetOrNull = (v: unknown): boolean => v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 31);

/** Written out field by field: it runs once per document of a loaded index (150k at 100k highlights). */
function isDocEntry(t: unknown): t is DocTuple {
  return Array.isArray(t) && t.length === 15 && typeof t[0] === 'number' && KINDS.has(t[1])
    && typeof t[2] === 'string' && typeof t[3] === 'string' && typeof t[4] === 'string' && typeof t[5] === 'string' && typeof t[7] === 'string'
    && isLabel(t[6], t[5]) && isStringArray(t[8]) && isStringArray(t[9])
    && (t[10] === null || typeof t[10] === 'string') && isOffsetOrNull(t[11]) && isOffsetOrNull(t[12])
    && (t[13] === null || isStringArray(t[13])) && (t[14] === null || (Array.isArray(t[14]) && t[14].every(isParty)));
}

/** A label is text, or a length within the body. */
const isLabel = (label: unknown, body: unknown): boolean =>
  typeof label === 'string' || (Number.isSafeInteger(label) && (label as number) >= 0 && (label as number) <= (body as string).length);

const isParty = (p: unknown): p is IndexedParty =>
  isRecord(p) && (p.role === 'claimant' || p.role === 'about') && typeof p.name === 'string' && isStringArray(p.aliases);

/**
 * The documents one by one, as the table takes them into its columns; when consumed, each tuple is let go as it is
 * handed over, so the file's tuples and the documents made of them never all exist at the same time.
 */
function* takeDocs(docs: DocTuple[], consume: boolean): Generator<[number, StoredDoc]> {
  for (let i = 0; i < docs.length; i++) {
    const t = docs[i] as DocTuple;
    if (consume) (docs as Array<DocTuple | undefined>)[i] = undefined;
    yield fromTuple(t);
  }
}

function fromTuple(t: DocTuple): [number, StoredDoc] {
  const [docId, kind, recordId, title, tags, body, label, date, tagIds, entityIds, sourceId, start, end, evidence, parties] = t;
  const doc: StoredDoc = { kind, recordId, title, tags, body, label, date, tagIds, entityIds };
  if (sourceId !== null) doc.sourceId = sourceId;
  if (start !== null) doc.start = start;
  if (end !== null) doc.end = end;
  if (evidence !== null) doc.evidenceHighlightIds = evidence;
  if (parties !== null) doc.parties = parties;
  return [docId, doc];
}

const isSourceEntry = (e: unknown): e is [string, SourceInfo] =>
  Array.isArray(e) && typeof e[0] === 'string' && isRecord(e[1]) && typeof e[1].title === 'string';
const isTermEntry = (e: unknown): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number';
const isPayload = (p: unknown): p is EnginePayload => isRecord(p) && Object.values(p).every((v) => typeof v === 'string');
