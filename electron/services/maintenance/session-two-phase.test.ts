/** Two-phase open (docs/adr/0012): the library answered from the index's summary and the journal, everything else only from the full state. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { WorkspaceSession } from './session';
import { Workbench } from '../workbench/workbench';
import { deleteSource, importText, updateSourceMeta } from '../workbench/sources';
import { createHighlight, deleteHighlight } from '../workbench/highlights';
import { createTag, deleteTag } from '../workbench/tags';
import type { ShardEntry } from '../store/shards';
import { buildRichWorkspace } from '../../../tests/robustness/fixture';
import { tempDir } from '../../../tests/unit/helpers';

const SMALL = { shardRecords: 4, autoBackup: false } as const;
type Reply = { ok: boolean; value?: any; error?: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any
const call = async (s: WorkspaceSession, method: string, req: unknown = {}): Promise<Reply> => (await dispatch(s.handlers, method, req)) as Reply;
const start = (dir: string) => WorkspaceSession.start({ dir, purpose: 'test', open: SMALL });
const must = <V>(r: { ok: true; value: V } | { ok: false; error: { message: string } }): V => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const indexOf = (dir: string): { shards: ShardEntry[]; library?: unknown } => JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8'));

/**
 * Sources, highlights and tags all sharded (shards of 4 records) with a summary in the index; then a journal that
 * touches each of them: imports, a source deleted with its highlights, highlights created and deleted, a source
 * renamed, tags created and deleted, an undo and a redo.
 */
async function shardedWithJournal(): Promise<string> {
  const dir = tempDir('wb-two-phase-');
  await buildRichWorkspace(dir, SMALL);
  const wb = await Workbench.open(dir, SMALL);
  for (let i = 0; i < 4; i++) must(await importText(wb, `Extra source ${i}. `.repeat(40 + i), `Extra ${i}`));
  for (let i = 0; i < 3; i++) must(createTag(wb, { name: `extra tag ${i}`, parentId: null }));
  await wb.store.compact();
  const sources = wb.state.all('sources');
  const fresh = must(await importText(wb, 'A source that only the journal knows. '.repeat(30), 'Journal only')).source;
  must(createHighlight(wb, { sourceId: fresh.id, start: 0, end: 20, color: 'green', tagIds: [], note: '' }));
  const h = must(createHighlight(wb, { sourceId: sources[0]!.id, start: 5, end: 30, color: 'yellow', tagIds: [], note: '' }));
  must(createHighlight(wb, { sourceId: sources[0]!.id, start: 40, end: 60, color: 'yellow', tagIds: [], note: '' }));
  must(deleteHighlight(wb, h.id));
  must(deleteSource(wb, sources[1]!.id));
  must(updateSourceMeta(wb, sources[2]!.id, { title: 'Renamed in the journal' }));
  const tag = must(createTag(wb, { name: 'journal tag', parentId: null }));
  must(deleteTag(wb, wb.state.all('tags')[0]!.id));
  must(deleteTag(wb, tag.id));
  must(wb.step('undo'));
  must(wb.step('undo'));
  must(wb.step('redo'));
  await wb.close(); // fewer than 1,000 records: the journal stays as it is
  return dir;
}

let template: string;
beforeAll(async () => {
  template = await shardedWithJournal();
});

function copyOf(): string {
  const dir = tempDir('wb-two-phase-copy-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

describe('two-phase open', () => {
  it('writes a library summary beside the shards, and the journal after it is not empty (the fixture tests what it says)', () => {
    const idx = indexOf(template);
    for (const c of ['sources', 'highlights', 'tags']) expect(idx.shards.some((e) => e.collection === c), c).toBe(true);
    expect(idx.library).toMatchObject({ sources: expect.any(Array), highlights: expect.any(Object), tags: expect.any(Array) });
    expect(fs.readFileSync(path.join(template, 'journal.log'), 'utf8').trim().split('\n').length).toBeGreaterThan(10);
  });

  it('answers sources.list, workspace.info, history.state and sources.library before the full load, exactly as after it', async () => {
    const s = await start(copyOf());
    expect(s.wb).toBeNull(); // the shards are still being read
    const early = await Promise.all(['sources.list', 'workspace.info', 'history.state', 'sources.library'].map((m) => call(s, m)));
    expect(s.wb).toBeNull(); // answered from the library, not by waiting
    await s.whenLoaded();
    expect(s.wb).not.toBeNull();
    const late = await Promise.all(['sources.list', 'workspace.info', 'history.state', 'sources.library'].map((m) => call(s, m)));
    for (const r of early) expect(r.ok).toBe(true);
    expect(early).toEqual(late);
    const titles = (early[0]!.value as { meta: { title: string } }[]).map((x) => x.meta.title);
    expect(titles).toContain('Journal only');
    expect(titles).toContain('Renamed in the journal');
    expect(early[1]!.value.counts.highlights).toBe(s.wb!.state.count('highlights'));
    await s.close();
  });

  it('holds every other request, writes included, until the full state is loaded, then answers it from that state', async () => {
    const s = await start(copyOf());
    expect(s.wb).toBeNull();
    const loadedWhenAnswered: Record<string, boolean> = {};
    const track = (name: string, p: Promise<Reply>) => p.then((r) => { loadedWhenAnswered[name] = s.wb !== null; return r; });
    const sourceId = ((await call(s, 'sources.list')).value as { id: string; highlightCount: number }[]).find((x) => x.highlightCount > 1)!.id;
    const [tags, highlights, created] = await Promise.all([
      track('tags.list', call(s, 'tags.list')),
      track('highlights.list', call(s, 'highlights.list', { sourceId })),
      track('tags.create', call(s, 'tags.create', { name: 'written during the load', parentId: null })),
    ]);
    expect(loadedWhenAnswered).toEqual({ 'tags.list': true, 'highlights.list': true, 'tags.create': true });
    expect(created.ok).toBe(true);
    expect(highlights.value).toEqual((await call(s, 'highlights.list', { sourceId })).value);
    expect((highlights.value as unknown[]).length).toBeGreaterThan(1);
    const after = (await call(s, 'tags.list')).value as { name: string }[];
    expect(after.map((t) => t.name)).toContain('written during the load');
    expect(after.length).toBe((tags.value as unknown[]).length + 1);
    await s.close();
  });

  it('a shard damaged on disk still ends in recovery mode after the library was answered, and the waiting requests get it', async () => {
    const dir = copyOf();
    const shard = indexOf(dir).shards.find((e) => e.collection === 'highlights')!;
    const file = path.join(dir, shard.file);
    const bytes = fs.readFileSync(file);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 0x01; // same size: only the checksum can tell
    fs.writeFileSync(file, bytes);
    const s = await start(dir);
    expect(s.recovery).toBeNull();
    expect((await call(s, 'sources.list')).ok).toBe(true);
    const waiting = call(s, 'tags.list');
    await s.whenLoaded();
    expect(s.recovery).toMatchObject({ kind: 'damaged' });
    expect((await waiting).error?.message).toMatch(/cannot be used until it is recovered/);
    const info = await call(s, 'workspace.info');
    expect(info.value.recovery.message).toContain(shard.file);
    expect((await call(s, 'sources.list')).ok).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'quarantine')).some((f) => f.startsWith(path.basename(shard.file)))).toBe(true);
    await s.close();
  });

  it('a missing shard is found before the library is answered (recovery mode at once)', async () => {
    const dir = copyOf();
    const shard = indexOf(dir).shards.find((e) => e.collection === 'sources')!;
    fs.rmSync(path.join(dir, shard.file));
    const s = await start(dir);
    expect(s.recovery).toMatchObject({ kind: 'damaged' });
    expect(s.recovery!.message).toContain(shard.file);
    expect((await call(s, 'sources.list')).ok).toBe(false);
    await s.close();
  });

  it('an index without a summary (written by an older version) opens in one phase and gets one', async () => {
    const dir = copyOf();
    const idx = JSON.parse(fs.readFileSync(path.join(dir, 'snapshot.json'), 'utf8'));
    delete idx.library;
    fs.writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify(idx));
    const s = await start(dir);
    expect(s.wb).not.toBeNull();
    const list = (await call(s, 'sources.list')).value;
    await new Promise((done) => setImmediate(done));
    expect(indexOf(dir).library).toBeDefined();
    await s.close();
    const again = await start(dir);
    expect(again.wb).toBeNull();
    // Compaction moved the journal's source into its shard, so only the order may differ (the Library sorts anyway).
    expect(byId((await call(again, 'sources.list')).value)).toEqual(byId(list));
    await again.close();
  });

  it('closing during the full load waits for it and releases the workspace', async () => {
    const dir = copyOf();
    const s = await start(dir);
    expect(s.wb).toBeNull();
    await s.close();
    expect((await call(s, 'tags.list')).error?.message).toMatch(/closed/);
    const again = await start(dir);
    await again.whenLoaded();
    expect(again.wb).not.toBeNull();
    await again.close();
  });
});
