/**
 * Heap held by an open workspace (issue 14, 400 MB at 100k): records read from shards share their repeated short
 * strings, and a loaded saved search index shares the workspace's strings instead of holding copies of its own.
 * Live heap measured with full collections before and after, on the bench's generated 10k workspace (2 highlight shards).
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceState, type CollectionsJson } from '../../../shared/domain/state';
import { Workbench } from '../workbench/workbench';
import { TextStore } from '../store/texts';
import { WorkspaceStore } from '../store/workspace-store';
import { writeFileDurable, realFs } from '../store/durable-fs';
import { MANIFEST_FILE, type WorkspaceManifest } from '../store/manifest';
import { CURRENT_SCHEMA_VERSION } from '../store/migrations';
import { SHARD_RECORDS } from '../store/shards';
import { collectionsSource, planSet, shardWriter } from '../store/snapshot-set';
import { SearchService } from './search-service';
import { SEARCH_INDEX_FILE } from './index-file';
import { sizeOf } from '../../../scripts/bench/args';
import { generateTexts } from '../../../scripts/bench/synthetic-texts';
import { generateCollections } from '../../../scripts/bench/synthetic-records';
import { tempDir } from '../../../tests/unit/helpers';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** Live heap: collected twice, so what a first collection only queued for finalising is gone too. */
const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const OPEN = { autoBackup: false } as const;

/** The bench's 10k workspace written in its on-disk format (as scripts/bench/workspace-cache.ts does). */
function generate(dir: string): void {
  const size = sizeOf('10k');
  const { texts } = generateTexts(size, 7);
  const store = new TextStore(path.join(dir, 'texts'));
  const hashes = texts.map((t) => store.put(t));
  const collections = generateCollections(size, 7, texts, hashes);
  const manifest: WorkspaceManifest = {
    format: 'analyst-workbench', schemaVersion: CURRENT_SCHEMA_VERSION, id: '3f1b8c1e-8d7a-4c55-9a40-0d6c1d1b2f10', createdAt: '2026-11-01T00:00:00.000Z',
  };
  writeFileDurable(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  const plan = planSet(collectionsSource(collections, { undo: [], redo: [] }), 0, undefined, null, SHARD_RECORDS, shardWriter(dir, realFs));
  writeFileDurable(path.join(dir, 'snapshot.json'), JSON.stringify({ ...plan.index, savedAt: manifest.createdAt }));
}

let dir: string;
beforeAll(() => {
  dir = tempDir('wb-open-memory-');
  generate(dir);
}, 120_000);

describe('heap held by an open workspace', () => {
  it('holds the records read from shards in under 88% of the heap of the same state with every string its own copy', async () => {
    await (await WorkspaceStore.open(dir, OPEN)).close(); // code compiled and caches warm: only the data is measured
    const before = heap();
    const opened = await WorkspaceStore.open(dir, OPEN);
    const store = heap() - before;
    // The same records in the same kind of state, as JSON.parse makes them: every id, type and timestamp a new string.
    const base = heap();
    let json: string | null = JSON.stringify(opened.state.toJson());
    const copy = WorkspaceState.fromJson(JSON.parse(json) as Partial<CollectionsJson>);
    json = null;
    const copied = heap() - base;
    expect(copy.count('highlights')).toBe(opened.state.count('highlights'));
    expect(copy.count('highlights')).toBeGreaterThan(SHARD_RECORDS); // read from more than one shard
    await opened.close();
    // Measured at 10k: 0.96 before (no string shared; the index as read kept too), 0.81 after.
    expect(store / copied).toBeLessThan(0.88);
  }, 120_000);

  it('holds a loaded saved index, sharing the workspace ids and texts, in under 90% of the heap of the index built from the records', async () => {
    const queries = ['minister', 'anlaşma', '"regional talks"', 'sanction', 'Bakü'];
    const indexHeap = async (): Promise<{ bytes: number; problem: string | null; answers: unknown }> => {
      const wb = await Workbench.open(dir, OPEN);
      const before = heap();
      const search = new SearchService(wb);
      await search.startBuild();
      const bytes = heap() - before;
      const problem = search.savedIndexProblem;
      const answers = queries.map((q) => search.query(q, { limit: 20 }).hits.map((h) => [h.kind, h.id, h.snippet]));
      await wb.close(); // saves the index when it was built
      search.stop();
      return { bytes, problem, answers };
    };
    fs.rmSync(path.join(dir, SEARCH_INDEX_FILE), { force: true });
    const built = await indexHeap();
    expect(built.problem).toBe('no saved index');
    // Lines longer than the 1 MB pieces the file is read in: a line is put together across pieces.
    const longest = Math.max(...fs.readFileSync(path.join(dir, SEARCH_INDEX_FILE), 'utf8').split('\n').map((l) => Buffer.byteLength(l)));
    expect(longest).toBeGreaterThan(1 << 20);
    const loaded = await indexHeap();
    expect(loaded.problem).toBeNull();
    expect(loaded.answers).toEqual(built.answers);
    expect((built.answers as unknown[][]).flat().length).toBeGreaterThan(20);
    // Measured at 10k: 1.00 before (the file's own copy of every record id, quote and statement), 0.77 after. (The
    // built index holds the source texts its passages are cut from; the loaded one only the passages.)
    expect(loaded.bytes / built.bytes).toBeLessThan(0.9);
  }, 180_000);
});
