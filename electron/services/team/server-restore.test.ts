/** The team database restored from a backup (a TEMPLATE snapshot put back): nothing skipped, nothing lost, viewers only catch up. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { buildPlainPagesPdf } from '../../../tests/support/pdf-fixtures';
import { createHighlight } from '../workbench/highlights';
import { readPdfOriginal } from '../workbench/pdf-sources';
import { importFile } from '../workbench/sources';
import { createTag, deleteTag } from '../workbench/tags';
import { WorkspaceState } from '../../../shared/domain/state';
import type { Tag } from '../../../shared/domain/types';
import { planReseed, type ServerRecord } from './server-restore';
import type { TeamLink } from './sync-state';
import { closeClient, contentOf, openClient, type Client } from './sync-test-kit';

let fx: TeamFixture;
let a: Client;
let b: Client;
let c: Client;
let v: Client;
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** As the superuser on the `postgres` database: nobody may be connected to a database copied or dropped. */
async function onCluster(sql: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: fx.cluster.url });
  await admin.connect();
  try {
    for (const q of sql) {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('team', 'snap') AND pid <> pg_backend_pid()");
      await admin.query(q);
    }
  } finally {
    await admin.end();
  }
}
const snapshot = () => onCluster(['CREATE DATABASE snap TEMPLATE team']);
const restore = () => onCluster(['DROP DATABASE team', 'ALTER DATABASE snap RENAME TO team']);

/** A sync whose connection the "restore" cut fails once (offline), as in the app; the retry reconnects. */
async function sync(x: Client) {
  try {
    return await x.sync.syncOnce();
  } catch {
    return x.sync.syncOnce();
  }
}

const sourceId = () => a.wb.state.all('sources')[0]!.id;
const mark = (x: Client, start: number, note: string) => must(createHighlight(x.wb, { sourceId: sourceId(), start, end: start + 5, color: 'yellow', tagIds: [], note }));

let lostTag = '';
let lostPdf = '';
const afterSnapshot: string[] = [];
const byC: string[] = [];

beforeAll(async () => {
  fx = await startTeamFixture();
  await (await fx.as('alice')).addMember(fx.wsA, 'carol', 'editor');
  const at = { host: fx.cluster.host, port: fx.cluster.port, workspaceId: fx.wsA };
  a = await openClient({ ...at, login: 'alice', role: 'owner', seed: true });
  a.sync.queueWholeWorkspace();
  lostTag = must(createTag(a.wb, { name: 'to be deleted', parentId: null })).id;
  await a.sync.syncOnce();
  b = await openClient({ ...at, login: 'bob', role: 'editor' });
  c = await openClient({ ...at, login: 'carol', role: 'editor' });
  v = await openClient({ ...at, login: 'vera', role: 'viewer' });
  for (const x of [b, c, v]) await x.sync.syncOnce();
  await snapshot();
  // After the backup: A and B edit (A deletes a tag the backup still holds); everyone but C sees it all.
  afterSnapshot.push(mark(a, 0, 'a1').id, mark(a, 10, 'a2').id);
  must(deleteTag(a.wb, lostTag));
  // A PDF whose text and original file the restore loses too, though this session uploaded them once.
  lostPdf = must(await importFile(a.wb, 'lost.pdf', await buildPlainPagesPdf(['A report the backup never held.']))).source.id;
  await sync(a);
  afterSnapshot.push(mark(b, 20, 'b1').id, mark(b, 30, 'b2').id);
  for (const x of [b, a]) await sync(x);
  // B's last edit only B and the viewer see: B must send it again itself.
  afterSnapshot.push(mark(b, 40, 'b3').id);
  for (const x of [b, v]) await sync(x);
  await restore();
  // After the restore C, who never saw those edits, edits more than were lost: the new seqs pass A's and B's lastSeq.
  for (let i = 0; i < 8; i++) byC.push(mark(c, 100 + 10 * i, `c${i}`).id);
  await sync(c);
}, 60_000);
afterAll(async () => {
  for (const x of [a, b, c, v]) if (x) await closeClient(x).catch(() => undefined);
  await fx?.close();
});

describe('team database restored from a backup', () => {
  it("edits another member made after the restore (numbered over the lost seqs, past A's lastSeq) reach A, B and the viewer", async () => {
    for (const x of [a, b, v]) await sync(x);
    for (const x of [a, b, v]) for (const id of byC) expect(x.wb.state.get('highlights', id), `${x.sync.status().member} has ${id}`).toBeDefined();
  });

  it('A and B send their lost edits again (A also its delete, and a PDF with its text and file); all four converge with nothing lost, and the status says so', async () => {
    for (const x of [a, b, c, a, b, v]) await sync(x);
    for (const x of [a, b, c, v]) {
      for (const id of [...afterSnapshot, ...byC]) expect(x.wb.state.get('highlights', id), `${x.sync.status().member} has ${id}`).toBeDefined();
      expect(x.wb.state.get('tags', lostTag), `${x.sync.status().member} lacks the deleted tag`).toBeUndefined();
    }
    expect(contentOf(b)).toEqual(contentOf(a));
    expect(contentOf(c)).toEqual(contentOf(a));
    expect(contentOf(v)).toEqual(contentOf(a));
    for (const x of [a, b]) expect(x.sync.status().pending).toBe(0);
    // Its text and original file went up again with the record: the member who never had it can read both.
    const pdf = c.wb.state.get('sources', lostPdf)!;
    expect(c.wb.store.texts.get(pdf.contentHash)).toContain('A report the backup never held.');
    expect(readPdfOriginal(c.wb, lostPdf).ok).toBe(true);
    // A (first back) re-sends a1, a2, b1, b2, the PDF's source and its delete of the tag; B then only b3, which A never saw.
    expect(a.sync.status().lastError).toBe('The team database is behind this workspace (restored from a backup?): 6 edits made here were sent again.');
    expect(b.sync.status().lastError).toBe('The team database is behind this workspace (restored from a backup?): 1 edit made here was sent again.');
    // C was never ahead of the restored database: nothing to say, nothing re-sent.
    expect(c.sync.status().lastError).toBeNull();
  });

  it('the viewer re-sends nothing (it cannot write) but rewinds, pulls and is told who can re-send', () => {
    const st = v.sync.status();
    expect(st.pending).toBe(0);
    expect(st.refused).toBeNull();
    expect(st.lastError).toMatch(/as a viewer you cannot send the edits it lost: an owner or editor can \("workbench team reseed"\)/);
  });

  it('team reseed on demand with nothing lost sends nothing, and a viewer is refused', async () => {
    const before = a.sync.status().lastSeq;
    expect((await a.sync.reseed()).resent).toBe(0);
    expect(a.sync.status().lastSeq).toBe(before);
    await expect(v.sync.reseed()).rejects.toThrow(/only an owner or editor can re-send .* \(your role is viewer\)/);
  });
});

describe('planReseed: what a re-seed sends, and what it leaves alone', () => {
  const tag = (id: string, name: string): Tag => ({ id, name, color: 'blue', parentId: null, createdAt: '2026-01-01T00:00:00.000Z' });
  const onServer = (t: Tag, lastSeq: number, deleted = false): [string, ServerRecord] =>
    [`tags/${t.id}`, { collection: 'tags', id: t.id, value: t, deleted, updatedAt: new Date('2026-03-01T00:00:00Z'), lastSeq }];
  const link = { member: 'alice', lastSeq: 10, pending: [] } as unknown as TeamLink;

  it('puts records the server lacks (base absent) or holds otherwise (base = its value); skips equal ones and ones changed after lastSeq', () => {
    const local = WorkspaceState.fromJson({ tags: { n: tag('n', 'new'), d: tag('d', 'mine'), s: tag('s', 'same'), l: tag('l', 'old here') } });
    const server = new Map([onServer(tag('d', 'theirs'), 5), onServer(tag('s', 'same'), 5), onServer(tag('l', 'newer there'), 12)]);
    const [q, more] = planReseed(local, server, link, new Map());
    expect(more).toBeUndefined();
    expect(q!.tx.ops).toEqual([{ t: 'put', c: 'tags', v: tag('n', 'new') }, { t: 'put', c: 'tags', v: tag('d', 'mine') }]);
    expect(q!.tx.inverse).toEqual([{ t: 'put', c: 'tags', v: tag('d', 'theirs') }, { t: 'del', c: 'tags', id: 'n' }]);
    expect(q!.opIds).toHaveLength(2);
  });

  it("deletes again only what this member deleted after the server's copy changed; another member's or an older delete is left", () => {
    const server = new Map([onServer(tag('m', 'mine'), 5), onServer(tag('o', 'other'), 5), onServer(tag('e', 'early'), 5)]);
    const authors = new Map([
      ['tags/m', { member: 'alice', at: '2026-03-02T00:00:00.000Z' }],
      ['tags/o', { member: 'bob', at: '2026-03-02T00:00:00.000Z' }],
      ['tags/e', { member: 'alice', at: '2026-02-01T00:00:00.000Z' }],
    ]);
    const [q, more] = planReseed(new WorkspaceState(), server, link, authors);
    expect(more).toBeUndefined();
    expect(q!.tx.ops).toEqual([{ t: 'del', c: 'tags', id: 'm' }]);
    expect(q!.tx.inverse).toEqual([{ t: 'put', c: 'tags', v: tag('m', 'mine') }]);
  });

  it('leaves records a queued edit touches to that edit', () => {
    const local = WorkspaceState.fromJson({ tags: { p: tag('p', 'queued') } });
    const pending = [{ id: 'x', tx: { label: 'Edit', ops: [{ t: 'put', c: 'tags', v: tag('p', 'queued') }], inverse: [] }, opIds: ['y'], author: 'alice', at: '' }];
    expect(planReseed(local, new Map(), { ...link, pending } as TeamLink, new Map())).toEqual([]);
  });
});
