/** Every committed edit of a linked workspace reaches the team, whether or not sync was attached when it was made. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { tempDir } from '../../../tests/unit/helpers';
import { createHighlight } from '../workbench/highlights';
import { createTag } from '../workbench/tags';
import { Workbench } from '../workbench/workbench';
import { teamOutboxOf } from './outbox-writer';
import { TeamSync } from './sync';
import { OUTBOX_FILE } from './sync-state';
import { type Client, closeClient, must, openClient, openSharedPair, urlsFor } from './sync-test-kit';

let fx: TeamFixture;
let a: Client;
let b: Client;
const aliceConn = () => urlsFor(fx.cluster.host, fx.cluster.port, 'alice').connectionString;

beforeAll(async () => {
  fx = await startTeamFixture();
  ({ a, b } = await openSharedPair(fx));
}, 60_000);
afterAll(async () => {
  for (const c of [a, b]) if (c) await closeClient(c).catch(() => undefined);
  await fx?.close();
});

const sourceId = () => a.wb.state.all('sources')[0]!.id;
const highlight = (wb: Workbench, note: string) =>
  createHighlight(wb, { sourceId: sourceId(), start: 5, end: 25, color: 'yellow', tagIds: [], note });
const highlightNoted = (wb: Workbench, note: string) => wb.state.all('highlights').find((h) => h.note === note);
async function txsWithRecord(recordId: string): Promise<number> {
  const db = await fx.raw('alice');
  const { rows } = await db.query<{ n: number }>('SELECT count(DISTINCT tx_id)::int AS n FROM team.ops WHERE record_id = $1', [recordId]);
  return rows[0]!.n;
}
/** Alice's workspace reopened as after a process exit (no sync attached), then sync attached again. */
async function reopenA(): Promise<void> {
  await a.wb.close();
  const wb = await Workbench.open(a.dir, { autoBackup: false });
  a = { dir: a.dir, wb, sync: TeamSync.attach(wb, { connectionString: aliceConn(), poolSize: 1 }) };
}
/** Detaches A's sync: what the CLI, browser mode or the app before unlocking have. */
async function detachA(): Promise<void> {
  await a.sync.stop();
}
const attachA = () => {
  a = { ...a, sync: TeamSync.attach(a.wb, { connectionString: aliceConn(), poolSize: 1 }) };
};

describe('team outbox: edits made while no sync is attached', () => {
  it('an edit made with no sync attached is queued on disk, pushed at the next sync and seen by the other member', async () => {
    await detachA();
    const h = must(highlight(a.wb, 'made without sync'));
    await reopenA();
    expect(a.sync.status().pending).toBe(1);
    expect((await a.sync.syncOnce()).pushed).toBe(1);
    await b.sync.syncOnce();
    expect(b.wb.state.get('highlights', h.id)).toEqual(h);
  });

  it('an undo made with no sync attached is pushed as its inverse: the other member loses the highlight too', async () => {
    const h = must(highlight(a.wb, 'to be undone offline'));
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    expect(b.wb.state.get('highlights', h.id)).toEqual(h);
    await detachA();
    expect(a.wb.step('undo').ok).toBe(true);
    expect(a.wb.state.get('highlights', h.id)).toBeUndefined();
    attachA();
    expect((await a.sync.syncOnce()).pushed).toBe(1);
    await b.sync.syncOnce();
    expect(b.wb.state.get('highlights', h.id)).toBeUndefined();
  });

  it('a crash after the journal commit and before the team queue was told loses nothing and pushes the edit once', async () => {
    await detachA();
    // An earlier commit observer that throws after the commit stands in for a SIGKILL right after the journal fsync:
    // no observer registered after it runs. Sync is attached after it, as in the app after unlocking.
    a.wb.store.onCommit(() => () => { throw new Error('SIGKILL stand-in'); });
    attachA();
    const r = highlight(a.wb, 'crash after journal');
    expect(r.ok).toBe(false);
    await a.sync.abandon();
    await reopenA();
    const h = highlightNoted(a.wb, 'crash after journal');
    expect(h).toBeDefined(); // the journal had it: the edit is the workspace's
    expect(a.sync.status().pending).toBe(1);
    await a.sync.syncOnce();
    await a.sync.syncOnce();
    expect(await txsWithRecord(h!.id)).toBe(1);
    await b.sync.syncOnce();
    expect(b.wb.state.get('highlights', h!.id)).toEqual(h);
  });

  it('a crash after the team queue line and before the journal commit pushes nothing: the edit never happened', async () => {
    await detachA();
    const writer = teamOutboxOf(a.wb.store);
    expect(writer).not.toBeNull();
    writer!.afterAppendForTest = () => { throw new Error('SIGKILL stand-in'); };
    const r = highlight(a.wb, 'crash before journal');
    writer!.afterAppendForTest = null;
    expect(r.ok).toBe(false);
    expect(fs.readFileSync(path.join(a.dir, OUTBOX_FILE), 'utf8')).toContain('crash before journal');
    await reopenA();
    expect(highlightNoted(a.wb, 'crash before journal')).toBeUndefined();
    expect(a.sync.status().pending).toBe(0);
    // The next edit takes the same journal sequence number as the phantom line: it alone is pushed.
    const next = must(highlight(a.wb, 'after the phantom'));
    expect((await a.sync.syncOnce()).pushed).toBe(1);
    await b.sync.syncOnce();
    expect(b.wb.state.get('highlights', next.id)).toEqual(next);
    expect(highlightNoted(b.wb, 'crash before journal')).toBeUndefined();
  });

  it('a commit that failed after its queue line, followed in the same session by another edit, pushes only the second', async () => {
    await detachA();
    const writer = teamOutboxOf(a.wb.store)!;
    writer.afterAppendForTest = () => { throw new Error('disk full stand-in'); };
    expect(highlight(a.wb, 'failed commit').ok).toBe(false);
    writer.afterAppendForTest = null;
    const next = must(highlight(a.wb, 'same sequence number'));
    attachA();
    expect(a.sync.status().pending).toBe(1);
    expect((await a.sync.syncOnce()).pushed).toBe(1);
    await b.sync.syncOnce();
    expect(b.wb.state.get('highlights', next.id)).toEqual(next);
    expect(highlightNoted(b.wb, 'failed commit')).toBeUndefined();
  });

  it("the team's edits applied here are not queued again, with or without a restart", async () => {
    const tag = must(createTag(a.wb, { name: 'from alice', color: 'blue', parentId: null }));
    await a.sync.syncOnce();
    expect((await b.sync.syncOnce()).pulled).toBe(1);
    expect(b.wb.state.get('tags', tag.id)).toEqual(tag);
    expect(b.sync.status().pending).toBe(0);
    const outbox = path.join(b.dir, OUTBOX_FILE);
    expect(fs.existsSync(outbox) ? fs.readFileSync(outbox, 'utf8') : '').not.toContain(tag.id);
    await closeClient(b);
    b = await openClient({ host: fx.cluster.host, port: fx.cluster.port, workspaceId: fx.wsA, login: 'bob', role: 'editor', dir: b.dir });
    expect(b.sync.status().pending).toBe(0);
    expect((await b.sync.syncOnce()).pushed).toBe(0);
  });

  it('an unlinked workspace writes no team outbox', async () => {
    const dir = tempDir();
    const wb = await Workbench.open(dir, { autoBackup: false });
    try {
      must(createTag(wb, { name: 'local only', color: 'red', parentId: null }));
      expect(wb.step('undo').ok).toBe(true);
      expect(teamOutboxOf(wb.store)).toBeNull();
    } finally {
      await wb.close();
    }
    expect(fs.existsSync(path.join(dir, OUTBOX_FILE))).toBe(false);
  });
});
