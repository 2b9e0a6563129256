/** Thin wrapper over a FlexSearch 0.8 Index used as an ordered term → document posting store. */
import { Index } from 'flexsearch';
import { tokenizeFolded } from './fold';

/** Serialised FlexSearch export: key → data chunks, as FlexSearch hands them out. */
export type EnginePayload = Record<string, string>;

/** Big enough to get every posting of a term; FlexSearch's default limit is 100. */
const ALL = 1_000_000;

function createIndex(): Index {
  // 'strict' indexes whole terms only: prefix and fuzzy expansion use our own vocabulary,
  // which keeps memory and the export ~10x smaller than the 'forward' tokenizer.
  // No fastupdate: removals are tombstoned by the caller (FlexSearch cannot import a fastupdate register).
  // No context (word-pair) index: it quadrupled memory (550 MB vs 124 MB at full benchmark size);
  // phrases are checked against the folded text instead.
  return new Index({ tokenize: 'strict', encode: tokenizeFolded, resolution: 9 });
}

export class PostingEngine {
  private index: Index = createIndex();

  /** Adds folded text under a numeric document id that has never been used before. */
  add(docId: number, foldedContent: string): void {
    this.index.add(docId, foldedContent);
  }

  /** Documents containing the folded term, the earliest occurrences (relative to length) first. */
  postings(term: string): number[] {
    return this.index.search(term, { limit: ALL, suggest: false }) as number[];
  }

  /** Throws away everything; the caller re-adds the live documents (compaction). */
  reset(): void {
    this.index = createIndex();
  }

  toPayload(): EnginePayload {
    const payload: EnginePayload = {};
    this.index.export((key: string, data: string) => {
      payload[key] = data;
    });
    return payload;
  }

  static fromPayload(payload: EnginePayload): PostingEngine {
    const engine = new PostingEngine();
    for (const [key, data] of Object.entries(payload)) engine.index.import(key, data);
    return engine;
  }
}
