/** Who created and who last changed each record (team-authors.json), and the activity items made from that map. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../workbench/workbench';
import { seedIfEmpty } from '../workbench/seed';
import { createHighlight, deleteHighlight } from '../workbench/highlights';
import { AUTHORS_FILE, noteAuthor, readAuthors, saveAuthors, type Author, type QueuedTx } from './sync-state';
import { activityOfAuthors, authorWithPending } from './team-views';
import { SEEDS } from './sync-test-kit';

const alice = { member: 'alice', at: '2026-01-01T10:00:00.000Z' };
const bob = { member: 'bob', at: '2026-01-01T11:00:00.000Z' };
const carol = { member: 'carol', at: '2026-01-01T12:00:00.000Z' };

describe('noteAuthor: the creator is kept from the first sighting, the last change moves', () => {
  it('the put of a record not seen before makes its sender the creator and says so', () => {
    const m = new Map<string, Author>();
    expect(noteAuthor(m, 'highlights/h1', alice, true)).toBe(true);
    expect(m.get('highlights/h1')).toEqual({ ...alice, created: alice });
  });

  it('a later put or delete changes the last author but keeps the creator, and is not a creation', () => {
    const m = new Map<string, Author>();
    noteAuthor(m, 'highlights/h1', alice, true);
    expect(noteAuthor(m, 'highlights/h1', bob, true)).toBe(false);
    expect(m.get('highlights/h1')).toEqual({ ...bob, created: alice });
    expect(noteAuthor(m, 'highlights/h1', carol, false)).toBe(false);
    expect(m.get('highlights/h1')).toEqual({ ...carol, created: alice });
  });

  it('a delete of a record never seen records the last author without inventing a creator', () => {
    const m = new Map<string, Author>();
    expect(noteAuthor(m, 'tags/t1', bob, false)).toBe(false);
    expect(m.get('tags/t1')).toEqual(bob);
  });

  it('an entry from a file written before creators were kept stays without a creator (not the next editor)', () => {
    const m = new Map<string, Author>([['claims/c1', { ...alice }]]);
    expect(noteAuthor(m, 'claims/c1', bob, true)).toBe(false);
    expect(m.get('claims/c1')).toEqual(bob);
  });
});

describe('team-authors.json', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-authors-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an old file (last change only) still reads, and a new one keeps the creator through a save', () => {
    fs.writeFileSync(path.join(dir, AUTHORS_FILE), JSON.stringify({ 'claims/c1': alice }));
    expect(readAuthors(dir).get('claims/c1')).toEqual(alice);
    const m = readAuthors(dir);
    noteAuthor(m, 'tags/t2', bob, true);
    noteAuthor(m, 'tags/t2', carol, true);
    saveAuthors(dir, m);
    expect(readAuthors(dir).get('tags/t2')).toEqual({ ...carol, created: bob });
    expect(readAuthors(dir).get('claims/c1')).toEqual(alice);
  });
});

describe('activityOfAuthors', () => {
  let wb: Workbench;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-activity-'));
    wb = await Workbench.open(dir, { autoBackup: false });
    await seedIfEmpty(wb, SEEDS);
  });
  afterAll(async () => {
    await wb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const highlight = () => {
    const r = createHighlight(wb, { sourceId: wb.state.all('sources')[0]!.id, start: 0, end: 10, color: 'yellow', tagIds: [], note: '' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.id;
  };

  it('says "created" for a record not changed since, and both "created" and "changed" for one changed by another', () => {
    const untouched = highlight();
    const edited = highlight();
    const m = new Map<string, Author>();
    noteAuthor(m, `highlights/${untouched}`, alice, true);
    noteAuthor(m, `highlights/${edited}`, alice, true);
    noteAuthor(m, `highlights/${edited}`, bob, true);
    const items = activityOfAuthors(wb, m, 'carol').map((i) => [i.member, i.action, i.recordId]);
    expect(items).toEqual([['bob', 'changed', edited], ['alice', 'created', untouched], ['alice', 'created', edited]]);
  });

  it('says "deleted" for a record gone here, and leaves out what this member did', () => {
    const gone = highlight();
    const m = new Map<string, Author>();
    noteAuthor(m, `highlights/${gone}`, alice, true);
    noteAuthor(m, `highlights/${gone}`, bob, false);
    const r = deleteHighlight(wb, gone);
    if (!r.ok) throw new Error(r.error.message);
    expect(activityOfAuthors(wb, m, 'alice').map((i) => [i.member, i.action])).toEqual([['bob', 'deleted']]);
  });
});

describe('authorWithPending: our edits not yet pushed count as the latest', () => {
  const queued = (by: { member: string; at: string }, ops: QueuedTx['tx']['ops']): QueuedTx =>
    ({ id: `q-${by.at}`, tx: { label: 'edit', ops, inverse: [] }, opIds: ops.map((_, i) => `o${i}`), author: by.member, at: by.at });
  const tag = (id: string, name: string) => ({ t: 'put', c: 'tags', v: { id, name } }) as unknown as QueuedTx['tx']['ops'][number];

  it('a record alice made and carol changed but has not pushed reads "created by alice, last changed by carol"', () => {
    const synced: Author = { ...bob, created: alice };
    expect(authorWithPending(synced, [queued(carol, [tag('t1', 'renamed')])], 'tags', 't1')).toEqual({ ...carol, created: alice });
  });

  it('a record made here and not pushed yet has this member as creator; other records are left alone', () => {
    const pending = [queued(carol, [tag('t2', 'new')])];
    expect(authorWithPending(null, pending, 'tags', 't2')).toEqual({ ...carol, created: carol });
    expect(authorWithPending(null, pending, 'tags', 't3')).toBeNull();
    expect(authorWithPending({ ...alice }, pending, 'tags', 't3')).toEqual({ ...alice });
  });
});
