/** The search index saved with the data: loaded instead of rebuilt, brought up to date from the journal, never trusted blindly. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { importFile } from '../workbench/sources';
import { createHighlight, deleteHighlight } from '../workbench/highlights';
import { createEntity } from '../workbench/entities';
import { restoreBackup } from '../store/restore';
import { SearchService } from './search-service';
import { SEARCH_INDEX_FILE } from './index-file';
import { sampleArticle, tempDir } from '../../../tests/unit/helpers';

const QUERIES: Array<[string, object]> = [
  ['Erdogan', {}], ['"just peace"', { kinds: ['source'] }], ['kaza', {}], ['zeppelin', {}], ['memo', { kinds: ['highlight'] }],
  ['istanbul', { limit: 5 }], ['minstry', {}],
];

async function seeded(): Promise<{ dir: string; sourceId: string }> {
  const dir = tempDir();
  const wb = await Workbench.open(dir);
  const imported = await importFile(wb, 'sample-article.txt', sampleArticle());
  if (!imported.ok) throw new Error(imported.error.message);
  const sourceId = imported.value.source.id;
  for (let i = 0; i < 5; i++) highlight(wb, sourceId, i * 20, `memo number ${i}`);
  createEntity(wb, { type: 'place', name: 'Kazakhstan', aliases: ['Qazaqstan'], description: 'Central Asian state' });
  await wb.close();
  return { dir, sourceId };
}

function highlight(wb: Workbench, sourceId: string, start: number, note: string): string {
  const h = createHighlight(wb, { sourceId, start, end: start + 7, color: 'yellow', tagIds: [], note });
  if (!h.ok) throw new Error(h.error.message);
  return h.value.id;
}

/** Opens the workspace with a search service, runs `body`, closes (which saves the index when it is complete). */
async function withSearch<T>(dir: string, body: (search: SearchService, wb: Workbench) => T | Promise<T>, persist = true): Promise<T> {
  const wb = await Workbench.open(dir);
  const search = new SearchService(wb, { persist });
  await search.startBuild();
  try {
    return await body(search, wb);
  } finally {
    await wb.close();
    search.stop();
  }
}

const answers = (search: SearchService) => QUERIES.map(([q, opts]) => search.query(q, opts));
/** What a fresh rebuild from the data answers (the reference every loaded index must match). */
const rebuilt = (dir: string) => withSearch(dir, answers, false);

describe('saved search index', () => {
  it('is saved at close and loaded on the next open, answering exactly like a rebuild', async () => {
    const { dir } = await seeded();
    await withSearch(dir, () => undefined);
    expect(fs.existsSync(path.join(dir, SEARCH_INDEX_FILE))).toBe(true);
    const loaded = await withSearch(dir, (search) => ({ problem: search.savedIndexProblem, status: search.status(), answers: answers(search) }));
    expect(loaded.problem).toBeNull();
    expect(loaded.status.ready).toBe(true);
    expect(loaded.answers).toEqual(await rebuilt(dir));
    expect(loaded.answers[0]!.hits.length).toBeGreaterThan(0);
  });

  it('applies the journal records after the saved index (creates, deletes, undo)', async () => {
    const { dir, sourceId } = await seeded();
    await withSearch(dir, () => undefined);
    // Edits while no search service runs: the saved index falls behind the journal.
    const wb = await Workbench.open(dir);
    const zeppelin = highlight(wb, sourceId, 200, 'zeppelin sighting');
    const gone = highlight(wb, sourceId, 300, 'ephemeral airship');
    deleteHighlight(wb, gone);
    highlight(wb, sourceId, 400, 'undone blimp');
    wb.step('undo');
    await wb.close();
    const loaded = await withSearch(dir, (search) => ({
      problem: search.savedIndexProblem,
      zeppelin: search.query('zeppelin', {}).hits.map((h) => h.id),
      gone: search.query('ephemeral', {}).hits, undone: search.query('blimp', {}).hits,
      answers: answers(search),
    }));
    expect(loaded.problem).toBeNull();
    expect(loaded.zeppelin).toEqual([zeppelin]);
    expect(loaded.gone).toEqual([]);
    expect(loaded.undone).toEqual([]);
    expect(loaded.answers).toEqual(await rebuilt(dir));
  });

  it.each([
    ['damaged', (text: string) => text.slice(0, text.length / 2) + '\u0000garbage'],
    ['of another version', (text: string) => text.replace(/"version":\d+/, '"version":1')],
    ['of another workspace', (text: string) => text.replace(/"workspaceId":"[^"]+"/, '"workspaceId":"someone-else"')],
  ])('is ignored and rebuilt when %s, without reporting an error', async (_label, spoil) => {
    const { dir } = await seeded();
    await withSearch(dir, () => undefined);
    const file = path.join(dir, SEARCH_INDEX_FILE);
    fs.writeFileSync(file, spoil(fs.readFileSync(file, 'utf8')));
    const loaded = await withSearch(dir, (search) => ({ problem: search.savedIndexProblem, status: search.status(), answers: answers(search) }));
    expect(loaded.problem).toBeTruthy();
    expect(loaded.status).toMatchObject({ ready: true, progress: 1 });
    expect(loaded.answers).toEqual(await rebuilt(dir));
    expect(loaded.answers.every((a) => a.complete)).toBe(true);
  });

  it('is not reused after a restore, even when the restored data has the same sequence number', async () => {
    const { dir, sourceId } = await seeded();
    // Backup 1 at change N, backup 2 at N + 1 with "alpha".
    let wb = await Workbench.open(dir);
    const first = wb.store.backup('manual').id;
    highlight(wb, sourceId, 200, 'alpha lighthouse');
    const second = wb.store.backup('manual').id;
    await wb.close();
    // A forked history: back to N, then a different change N + 1 ("zeppelin"), saved with the index.
    expect(restoreBackup(dir, first).ok).toBe(true);
    await withSearch(dir, (_search, w) => highlight(w, sourceId, 300, 'zeppelin hangar'));
    expect(fs.existsSync(path.join(dir, SEARCH_INDEX_FILE))).toBe(true);
    expect(restoreBackup(dir, second).ok).toBe(true);
    wb = await Workbench.open(dir);
    await wb.close();
    const after = await withSearch(dir, (search) => ({
      alpha: search.query('lighthouse', {}).hits.length, zeppelin: search.query('hangar', {}).hits.length,
    }));
    expect(after).toEqual({ alpha: 1, zeppelin: 0 });
  });
});
