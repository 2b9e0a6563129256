/** The indexed documents and everything derived from them (engines, vocabulary, facets), changed one document at a time. */
import { DocStore, labelRef } from './doc-store';
import { PostingEngine } from './engine';
import { allowedDocs } from './facets';
import { foldText, tokenizeFolded } from './fold';
import { RecordMap } from './record-map';
import { indexedText } from './records';
import type { SearchState } from './search';
import type { LoadedIndex } from './serialize';
import type { DocView, IndexedDoc, SourceInfo, StoredDoc } from './types';
import { Vocabulary } from './vocabulary';

/**
 * Folded texts kept for recently used documents only. Keeping one per document was the largest part of
 * the index (64 MB of 235 MB at 100k highlights, see ADR 0011); folding again costs ~10 µs per passage,
 * and ranking already folds every pooled candidate, so only phrase checks pay for it.
 */
const FOLD_CACHE = 4096;

class FoldCache {
  private readonly map = new Map<number, string>();

  get(docId: number): string | undefined {
    const hit = this.map.get(docId);
    if (hit !== undefined) {
      this.map.delete(docId);
      this.map.set(docId, hit);
    }
    return hit;
  }

  set(docId: number, folded: string): void {
    this.map.delete(docId);
    this.map.set(docId, folded);
    if (this.map.size > FOLD_CACHE) this.map.delete(this.map.keys().next().value as number);
  }

  take(docId: number): string | undefined {
    const hit = this.map.get(docId);
    this.map.delete(docId);
    return hit;
  }
}

/** A document taken out of search whose words are still counted in the vocabulary (see `uncount`). */
export interface Detached {
  doc: DocView;
  folded: string | undefined;
}

/** A compaction under way: fresh engines filled with the live documents a few at a time. */
interface Rebuild {
  engine: PostingEngine;
  titles: PostingEngine;
  /** Live document ids when it started, ascending; `at` of them are copied. */
  ids: number[];
  at: number;
  /** Documents removed since it started that the fresh engines already hold. */
  tombstones: number;
}

/**
 * Documents taken into a store before their table exists: a saved index is read a line of documents at a time and
 * each line is taken in at once, so its tuples die young instead of all waiting for the engines at the file's end.
 */
export class DocIntake {
  readonly docs = new DocStore();
  readonly records = new RecordMap();
  bodyLength = 0;

  put(docId: number, doc: StoredDoc): void {
    this.docs.put(docId, doc);
    this.records.push(doc.kind, doc.recordId, docId);
    this.bodyLength += doc.body.length;
  }
}

export class DocTable {
  readonly docs: DocStore;
  /** Record → its document ids (a source being indexed is tracked by its job until done). */
  readonly records: RecordMap;
  readonly sources: Map<string, SourceInfo>;
  engine: PostingEngine;
  titles: PostingEngine;
  readonly vocabulary: Vocabulary;
  /** Folded indexed text of recently used documents (phrase checks and title matches run on it). */
  private readonly folded = new FoldCache();
  nextDocId: number;
  tombstones: number;
  private totalBodyLength = 0;
  private rebuild: Rebuild | null = null;

  constructor(loaded?: LoadedIndex) {
    this.sources = loaded?.sources ?? new Map();
    this.engine = loaded?.engine ?? new PostingEngine();
    this.titles = loaded?.titles ?? new PostingEngine();
    this.vocabulary = loaded?.vocabulary ?? new Vocabulary();
    this.nextDocId = loaded?.nextDocId ?? 1;
    this.tombstones = loaded?.tombstones ?? 0;
    const intake = loaded?.intake ?? new DocIntake();
    for (const [docId, doc] of loaded?.docs ?? []) intake.put(docId, doc);
    this.docs = intake.docs;
    this.records = intake.records;
    this.totalBodyLength = intake.bodyLength;
  }

  /** Indexes a new document under a fresh id. */
  add(doc: IndexedDoc): number {
    const docId = this.nextDocId++;
    this.docs.put(docId, { ...doc, label: labelRef(doc) });
    const folded = foldText(indexedText(doc));
    this.folded.set(docId, folded);
    this.addToEngines(docId, doc, folded, this.engine, this.titles);
    if (this.rebuild) this.addToEngines(docId, doc, folded, this.rebuild.engine, this.rebuild.titles);
    this.vocabulary.count(new Set(tokenizeFolded(folded)), 1);
    this.totalBodyLength += doc.body.length;
    return docId;
  }

  /** True when `doc` would be indexed exactly like the live document `docId` (only metadata differs). */
  sameText(docId: number, doc: IndexedDoc): boolean {
    const old = this.docs.get(docId);
    return old !== undefined && indexedText(old) === indexedText(doc);
  }

  /** Swaps in new metadata (colour, tag ids, dates…) for a document whose indexed text is unchanged. */
  setMeta(docId: number, doc: IndexedDoc): void {
    this.totalBodyLength += doc.body.length - this.docs.bodyLength(docId);
    this.docs.put(docId, { ...doc, label: labelRef(doc) });
  }

  /**
   * Takes a document out of search at once; it stays in the engines as a tombstone. Its words stay
   * counted in the vocabulary until `uncount` (which tokenises the text: the slow part of a removal).
   */
  detach(docId: number): Detached | null {
    const doc = this.docs.plain(docId);
    if (!doc) return null;
    const folded = this.folded.take(docId);
    this.totalBodyLength -= doc.body.length;
    this.docs.delete(docId);
    this.tombstones++;
    const r = this.rebuild;
    if (r && (docId <= (r.ids[r.at - 1] ?? 0) || docId > (r.ids[r.ids.length - 1] ?? 0))) r.tombstones++;
    return { doc, folded };
  }

  uncount(detached: Detached): void {
    const folded = detached.folded ?? foldText(indexedText(detached.doc));
    this.vocabulary.count(new Set(tokenizeFolded(folded)), -1);
  }

  get compacting(): boolean {
    return this.rebuild !== null;
  }

  /** Starts rebuilding the engines from the live documents (dropping tombstones); see `compactStep`. */
  startCompaction(): void {
    if (this.rebuild) return;
    this.rebuild = { engine: new PostingEngine(), titles: new PostingEngine(), ids: [...this.docs.docIds()], at: 0, tombstones: 0 };
  }

  /** Copies one live document into the fresh engines; the last step swaps them in. Searches use the old ones meanwhile. */
  compactStep(): void {
    const r = this.rebuild;
    if (!r) return;
    const docId = r.ids[r.at++];
    const doc = docId === undefined ? undefined : this.docs.get(docId);
    if (docId !== undefined && doc) this.addToEngines(docId, doc, this.foldedText(docId), r.engine, r.titles);
    if (r.at < r.ids.length) return;
    this.engine = r.engine;
    this.titles = r.titles;
    this.tombstones = r.tombstones;
    this.rebuild = null;
  }

  foldedText(docId: number): string {
    let folded = this.folded.get(docId);
    if (folded === undefined) {
      const doc = this.docs.get(docId);
      folded = doc ? foldText(indexedText(doc)) : '';
      if (doc) this.folded.set(docId, folded);
    }
    return folded;
  }

  state(): SearchState {
    return {
      docs: this.docs,
      engine: this.engine,
      titles: this.titles,
      vocabulary: this.vocabulary,
      allowed: (opts) => allowedDocs(this.docs, this.records, opts),
      label: (docId) => this.docs.label(docId),
      sources: this.sources,
      foldedText: (docId) => this.foldedText(docId),
      highlightSource: (id) => this.docs.get(this.records.first('highlight', id) ?? -1)?.sourceId,
      stats: { documents: Math.max(1, this.docs.size), averageBodyLength: this.totalBodyLength / Math.max(1, this.docs.size) },
    };
  }

  private addToEngines(docId: number, doc: DocView, folded: string, engine: PostingEngine, titles: PostingEngine): void {
    engine.add(docId, folded);
    if (doc.title) titles.add(docId, foldText(doc.title));
  }
}
