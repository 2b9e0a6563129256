/**
 * The indexed documents as columns (ADR 0011): kind, source, offsets, date and tag-name ids in typed arrays
 * indexed by document id, tag/entity ids interned into one arena, labels derived instead of kept. Documents
 * are read back as `DocView` objects made on demand, for the few hundred documents a search looks at.
 */
import { IntColumn, Interner, ListArena } from './columns';
import { shortLabel } from './records';
import { SEARCH_KINDS, type DocView, type IndexedDoc, type IndexedParty, type SearchKind, type StoredDoc } from './types';

const KIND_CODE: ReadonlyMap<SearchKind, number> = new Map(SEARCH_KINDS.map((k, i) => [k, i + 1]));
/** `labelAt` values other than a length: the label is '' / kept in `labels`. */
const EMPTY_LABEL = -2;
const KEPT_LABEL = -1;

/** Stores a value at index `i` of a dense array (holes filled with undefined, so V8 keeps it a packed array). */
function setAt<T>(array: Array<T | undefined>, i: number, value: T | undefined): void {
  while (array.length < i) array.push(undefined);
  array[i] = value;
}

/** The label of a document as stored: a length when it is the short label of the body's start (see StoredDoc). */
export function labelRef(doc: IndexedDoc): string | number {
  if (doc.label === '') return '';
  const n = doc.quoteLength ?? doc.body.length;
  return n <= doc.body.length && shortLabel(doc.body.slice(0, n)) === doc.label ? n : doc.label;
}

export class DocStore {
  // The columns are read directly by DocRef (below); only put/delete write them.
  readonly kinds = new IntColumn(0);
  readonly recordIds: Array<string | undefined> = [undefined];
  readonly bodies: Array<string | undefined> = [undefined];
  readonly source = new IntColumn(-1);
  readonly start = new IntColumn(-1);
  readonly end = new IntColumn(-1);
  readonly date = new IntColumn(0);
  readonly tagText = new IntColumn(0);
  private readonly labelAt = new IntColumn(EMPTY_LABEL);
  readonly tagList = new ListArena();
  readonly entityList = new ListArena();
  /** Source, tag, entity and highlight ids, interned (few distinct values, each held once). */
  readonly ids = new Interner();
  readonly dates = new Interner();
  /** Joined tag names of highlights: the same few combinations recur across thousands of highlights. */
  readonly tagTexts = new Interner();
  /** The rare fields, kept only where set: titles (first passages, entities, dossiers), spelled-out labels, claims' extras. */
  readonly titles = new Map<number, string>();
  private readonly labels = new Map<number, string>();
  readonly evidence = new Map<number, string[]>();
  readonly parties = new Map<number, IndexedParty[]>();
  private live = 0;
  /** One past the highest document id ever stored. */
  limit = 1;

  constructor() {
    this.dates.intern('');
    this.tagTexts.intern('');
  }

  get size(): number {
    return this.live;
  }

  has(docId: number): boolean {
    return this.kinds.get(docId) !== 0;
  }

  put(docId: number, d: StoredDoc): void {
    if (!this.has(docId)) this.live++;
    this.limit = Math.max(this.limit, docId + 1);
    this.kinds.set(docId, KIND_CODE.get(d.kind) ?? 0);
    setAt(this.recordIds, docId, d.recordId);
    setAt(this.bodies, docId, d.body);
    this.source.set(docId, d.sourceId === undefined ? -1 : this.ids.intern(d.sourceId));
    this.start.set(docId, d.start ?? -1);
    this.end.set(docId, d.end ?? -1);
    this.date.set(docId, this.dates.intern(d.date));
    this.tagText.set(docId, this.tagTexts.intern(d.tags));
    this.tagList.set(docId, d.tagIds.map((t) => this.ids.intern(t)));
    this.entityList.set(docId, d.entityIds.map((e) => this.ids.intern(e)));
    this.keep(this.titles, docId, d.title || undefined);
    this.keep(this.evidence, docId, d.evidenceHighlightIds);
    this.keep(this.parties, docId, d.parties);
    this.labels.delete(docId);
    if (typeof d.label === 'number') this.labelAt.set(docId, d.label);
    else if (d.label === '') this.labelAt.set(docId, EMPTY_LABEL);
    else {
      this.labelAt.set(docId, KEPT_LABEL);
      this.labels.set(docId, d.label);
    }
  }

  delete(docId: number): void {
    if (!this.has(docId)) return;
    this.live--;
    this.kinds.set(docId, 0);
    this.recordIds[docId] = undefined;
    this.bodies[docId] = undefined;
    this.tagList.clear(docId);
    this.entityList.clear(docId);
    for (const sparse of [this.titles, this.labels, this.evidence, this.parties]) sparse.delete(docId);
  }

  /**
   * A live view of the document: each field is read from the columns when asked for, so a filter that looks
   * at the kind or the date of thousands of postings makes no arrays or strings. Valid until the table changes.
   */
  get(docId: number): DocView | undefined {
    return this.has(docId) ? new DocRef(this, docId) : undefined;
  }

  /** The document as a plain object, detached from the columns (kept after the document is removed). */
  plain(docId: number): DocView | undefined {
    const kind = SEARCH_KINDS[this.kinds.get(docId) - 1];
    if (kind === undefined) return undefined;
    const doc: DocView = {
      kind,
      recordId: this.recordIds[docId] as string,
      title: this.titles.get(docId) ?? '',
      tags: this.tagTexts.value(this.tagText.get(docId)),
      body: this.bodies[docId] as string,
      date: this.dates.value(this.date.get(docId)),
      tagIds: this.tagList.get(docId).map((i) => this.ids.value(i)),
      entityIds: this.entityList.get(docId).map((i) => this.ids.value(i)),
    };
    const source = this.source.get(docId);
    if (source >= 0) doc.sourceId = this.ids.value(source);
    const start = this.start.get(docId);
    if (start >= 0) doc.start = start;
    const end = this.end.get(docId);
    if (end >= 0) doc.end = end;
    const evidence = this.evidence.get(docId);
    if (evidence) doc.evidenceHighlightIds = evidence;
    const parties = this.parties.get(docId);
    if (parties) doc.parties = parties;
    return doc;
  }

  /** The document as saved (its label as stored: a length or the text). */
  stored(docId: number): StoredDoc | undefined {
    const doc = this.plain(docId);
    if (!doc) return undefined;
    const at = this.labelAt.get(docId);
    return { ...doc, label: at >= 0 ? at : at === EMPTY_LABEL ? '' : (this.labels.get(docId) ?? '') };
  }

  /** Every live document as saved, in id order. */
  *storedDocs(): Generator<[number, StoredDoc]> {
    for (const docId of this.docIds()) yield [docId, this.stored(docId) as StoredDoc];
  }

  /** Display label (claims, entities, dossiers; highlights whose source is not indexed). */
  label(docId: number): string {
    const at = this.labelAt.get(docId);
    if (at === EMPTY_LABEL) return '';
    if (at === KEPT_LABEL) return this.labels.get(docId) ?? '';
    return shortLabel((this.bodies[docId] ?? '').slice(0, at));
  }

  recordId(docId: number): string | undefined {
    return this.recordIds[docId];
  }

  kindCode(docId: number): number {
    return this.kinds.get(docId);
  }

  /** Interned source id, or -1. */
  sourceCode(docId: number): number {
    return this.source.get(docId);
  }

  bodyLength(docId: number): number {
    return this.bodies[docId]?.length ?? 0;
  }

  hasTag(docId: number, wanted: Uint8Array): boolean {
    return this.tagList.some(docId, wanted);
  }

  hasEntity(docId: number, wanted: Uint8Array): boolean {
    return this.entityList.some(docId, wanted);
  }

  evidenceOf(docId: number): readonly string[] {
    return this.evidence.get(docId) ?? [];
  }

  /** Live document ids, ascending. */
  *docIds(): Generator<number> {
    for (let docId = 1; docId < this.limit; docId++) if (this.kinds.get(docId) !== 0) yield docId;
  }

  /** Bytes in typed arrays (the object parts are measured by the benchmark's heap figures). */
  get columnBytes(): number {
    return [this.kinds, this.source, this.start, this.end, this.date, this.tagText, this.labelAt].reduce((n, c) => n + c.bytes, 0)
      + this.tagList.bytes + this.entityList.bytes;
  }

  private keep<T>(map: Map<number, T>, docId: number, value: T | undefined): void {
    if (value === undefined) map.delete(docId);
    else map.set(docId, value);
  }
}

/** See DocStore.get. */
class DocRef implements DocView {
  constructor(private readonly s: DocStore, private readonly id: number) {}
  get kind(): SearchKind {
    return SEARCH_KINDS[this.s.kinds.get(this.id) - 1] as SearchKind;
  }
  get recordId(): string {
    return this.s.recordIds[this.id] as string;
  }
  get title(): string {
    return this.s.titles.get(this.id) ?? '';
  }
  get tags(): string {
    return this.s.tagTexts.value(this.s.tagText.get(this.id));
  }
  get body(): string {
    return this.s.bodies[this.id] as string;
  }
  get date(): string {
    return this.s.dates.value(this.s.date.get(this.id));
  }
  get tagIds(): string[] {
    return this.s.tagList.get(this.id).map((i) => this.s.ids.value(i));
  }
  get entityIds(): string[] {
    return this.s.entityList.get(this.id).map((i) => this.s.ids.value(i));
  }
  get sourceId(): string | undefined {
    const source = this.s.source.get(this.id);
    return source >= 0 ? this.s.ids.value(source) : undefined;
  }
  get start(): number | undefined {
    const start = this.s.start.get(this.id);
    return start >= 0 ? start : undefined;
  }
  get end(): number | undefined {
    const end = this.s.end.get(this.id);
    return end >= 0 ? end : undefined;
  }
  get evidenceHighlightIds(): string[] | undefined {
    return this.s.evidence.get(this.id);
  }
  get parties(): IndexedParty[] | undefined {
    return this.s.parties.get(this.id);
  }
}

export const kindCode = (kind: SearchKind): number => KIND_CODE.get(kind) ?? 0;
