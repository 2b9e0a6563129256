/**
 * The search index saved beside the snapshot (search-index.jsonl), so opening loads it instead of rebuilding
 * it from every record (ADR 0011). It is derived data: never in backups, discarded by a restore, and any
 * doubt (missing, damaged, other workspace, other version, newer than the data) means "rebuild", not an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SearchIndex, SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type SerializedSearchIndex } from '../../../shared/search';
import { DocBatches, type DocTuple } from '../../../shared/search/serialize';
import { realFs, writeFileDurable, type FsOps } from '../store/durable-fs';
import { SEARCH_INDEX_FILE } from '../store/load';

export { SEARCH_INDEX_FILE };
/** Above this many indexed records the index is not saved (see saveIndexFile). */
export const MAX_SAVED_RECORDS = 400_000;
const FILE_FORMAT = 'analyst-workbench/search-index-file';
/** Documents per line: lines are parsed one per slice when loading, so none blocks for long. */
const DOCS_PER_LINE = 2000;

export interface IndexStamp {
  /** workspace.json id: an index copied from another workspace is never used. */
  workspaceId: string;
  /** The store's sequence number the index reflects; journal records after it are applied on load. */
  seq: number;
}

interface Header extends IndexStamp {
  format: typeof FILE_FORMAT;
  version: number;
  nextDocId: number;
  tombstones: number;
}

type Line =
  | ['docs', SerializedSearchIndex['docs']]
  | ['sources', SerializedSearchIndex['sources']]
  | ['vocabulary', SerializedSearchIndex['vocabulary']]
  | ['engine' | 'titles', string, string];

/** Writes the index durably and atomically (temp file, fsync, rename); the previous file stays until the rename. */
export function saveIndexFile(dir: string, index: SearchIndex, stamp: IndexStamp, ops: FsOps = realFs): void {
  // The file is built as one string: past this many documents it would near V8's string and heap limits (a 1M
  // workspace ran out of memory here). Such an index is rebuilt on open instead, and the old file must not be reused.
  if (Object.values(index.recordCounts()).reduce((a, b) => a + b, 0) > MAX_SAVED_RECORDS) {
    discardIndexFile(dir);
    return;
  }
  const json = index.toJSON();
  const header: Header = {
    format: FILE_FORMAT, version: json.version, workspaceId: stamp.workspaceId, seq: stamp.seq,
    nextDocId: json.nextDocId, tombstones: json.tombstones,
  };
  const lines: string[] = [JSON.stringify(header)];
  for (let i = 0; i < json.docs.length; i += DOCS_PER_LINE) lines.push(JSON.stringify(['docs', json.docs.slice(i, i + DOCS_PER_LINE)]));
  lines.push(JSON.stringify(['sources', json.sources]));
  lines.push(JSON.stringify(['vocabulary', json.vocabulary]));
  for (const [key, data] of Object.entries(json.engine)) lines.push(JSON.stringify(['engine', key, data]));
  for (const [key, data] of Object.entries(json.titles)) lines.push(JSON.stringify(['titles', key, data]));
  writeFileDurable(path.join(dir, SEARCH_INDEX_FILE), `${lines.join('\n')}\n`, ops);
}

export type IndexFileLoad =
  | { ok: true; index: SearchIndex; seq: number }
  /** `missing` is the normal first open; the others are logged and the index is rebuilt. */
  | { ok: false; reason: 'missing' | 'stale' | 'damaged'; message: string };

/** Reads the file in pieces of this size: the whole file in one buffer was ~90 MB of RSS at 100k on top of the index. */
const READ_CHUNK = 1 << 20;

/** Options of loadIndexFile: SearchIndex's, and a hook that may swap a document's strings for the workspace's own. */
export interface LoadIndexOptions extends NonNullable<ConstructorParameters<typeof SearchIndex>[1]> {
  /**
   * Called for each document as its line is read; may replace the record id (index 2) and body (index 5) with equal
   * strings the workspace already holds, so the loaded index keeps no second copy of them (the built one never did).
   */
  share?: (doc: DocTuple) => void;
}

/**
 * The file's lines, decoded one at a time from pieces read off the thread (never the whole file at once). A line
 * that runs past a piece is read on in the same buffer (grown while a line is longer than it, e.g. the engine's
 * 20 MB line at 100k), so only the unread rest of the last line is ever moved, never the pieces gathered and joined.
 */
async function* fileLines(file: string): AsyncGenerator<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(READ_CHUNK);
    /** Bytes in `buf` not yet handed out as lines (from its start), and how far they were searched for a newline. */
    let held = 0;
    let searched = 0;
    for (;;) {
      if (buf.length - held < READ_CHUNK) {
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, 0, held);
        buf = grown;
      }
      const { bytesRead } = await handle.read(buf, held, READ_CHUNK, null);
      if (bytesRead === 0) break;
      const end = held + bytesRead;
      const filled = buf.subarray(0, end);
      let from = 0;
      for (let nl = filled.indexOf(10, searched); nl >= 0; nl = filled.indexOf(10, from)) {
        yield buf.toString('utf8', from, nl);
        from = nl + 1;
      }
      // The rest of a line continues in the next piece: moved to the start, the next piece is read after it.
      held = end - from;
      if (from > 0 && held > 0) buf.copyWithin(0, from, end);
      searched = held;
    }
    if (held > 0) yield buf.toString('utf8', 0, held);
  } finally {
    await handle.close();
  }
}

/**
 * Reads the file off the thread a piece at a time, and parses it a line per `yieldNow()` turn (hosts pass a
 * setImmediate promise), so requests keep being answered while a large index loads.
 */
export async function loadIndexFile(
  dir: string, workspaceId: string, yieldNow: () => Promise<void>, options: LoadIndexOptions = {},
): Promise<IndexFileLoad> {
  const { share, ...indexOptions } = options;
  const lines = fileLines(path.join(dir, SEARCH_INDEX_FILE));
  try {
    let first: IteratorResult<string>;
    try {
      first = await lines.next();
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      return { ok: false, reason: missing ? 'missing' : 'damaged', message: `search index unreadable: ${(e as Error).message}` };
    }
    const header = first.done ? null : parse(first.value) as Partial<Header> | null;
    if (!header || header.format !== FILE_FORMAT) return damaged('no header');
    if (header.version !== SEARCH_INDEX_VERSION) return { ok: false, reason: 'stale', message: `search index version ${String(header.version)}, expected ${SEARCH_INDEX_VERSION}` };
    if (header.workspaceId !== workspaceId) return { ok: false, reason: 'stale', message: 'search index of another workspace' };
    if (!Number.isSafeInteger(header.seq) || (header.seq as number) < 0) return damaged('bad sequence number');
    const json: SerializedSearchIndex = {
      format: SEARCH_INDEX_FORMAT, version: header.version, nextDocId: header.nextDocId as number, tombstones: header.tombstones as number,
      docs: [], sources: [], vocabulary: [], engine: {}, titles: {},
    };
    // Each line of documents goes into the table as it is read: its tuples die young (ADR 0014).
    const batches = new DocBatches();
    let i = 1;
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await lines.next();
      } catch (e) {
        return damaged(`unreadable after line ${i} (${(e as Error).message})`);
      }
      if (next.done) break;
      i++;
      const entry = parse(next.value) as Line | null;
      if (!Array.isArray(entry)) return damaged(`line ${i} is not JSON`);
      if (entry[0] === 'docs' && Array.isArray(entry[1])) {
        const bad = takeDocs(batches, entry[1], share);
        if (bad) return damaged(bad);
      } else if (entry[0] === 'sources' && Array.isArray(entry[1])) json.sources = entry[1];
      else if (entry[0] === 'vocabulary' && Array.isArray(entry[1])) json.vocabulary = entry[1];
      else if ((entry[0] === 'engine' || entry[0] === 'titles') && typeof entry[1] === 'string' && typeof entry[2] === 'string') json[entry[0]][entry[1]] = entry[2];
      else return damaged(`line ${i} is not part of an index`);
      if (i % 8 === 0) await yieldNow();
    }
    const loaded = SearchIndex.fromJSON(json, { ...indexOptions, batches });
    if (!loaded.ok) return loaded.error.kind === 'stale' ? { ok: false, reason: 'stale', message: 'search index version changed' } : damaged(loaded.error.message);
    return { ok: true, index: loaded.value, seq: header.seq as number };
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Takes a line's documents into the table (after `share` has seen each); returns what is wrong with them, or null.
 * A function of its own: a loop variable of the suspended loader would keep the line's last tuple alive.
 */
function takeDocs(batches: DocBatches, docs: unknown[], share: LoadIndexOptions['share']): string | null {
  if (share) for (const d of docs) if (Array.isArray(d)) share(d as DocTuple);
  const bad = batches.take(docs);
  return bad === null ? null : bad.kind === 'malformed' ? bad.message : 'bad documents';
}

/** Removes the saved index (a restore replaced the data it was built from). */
export function discardIndexFile(dir: string): void {
  fs.rmSync(path.join(dir, SEARCH_INDEX_FILE), { force: true });
}

const damaged = (why: string): IndexFileLoad => ({ ok: false, reason: 'damaged', message: `search index damaged: ${why}` });

function parse(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return null;
  }
}
