/** Across two workspaces on one team database: who created a record and who last changed it, and "created" in the feed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import type { RemoteOp } from '../../../shared/team/rebase';
import { createHighlight, updateHighlight } from '../workbench/highlights';
import { activityOfRemote } from './team-views';
import { type Client, closeClient, must, openSharedPair } from './sync-test-kit';

let fx: TeamFixture;
let a: Client;
let b: Client;
/** What B pulled in its last sync, as the team service's feed sees it. */
let pulledByB: RemoteOp[] = [];
beforeAll(async () => {
  fx = await startTeamFixture();
  ({ a, b } = await openSharedPair(fx, (c) => { c.sync.onApplied = (_ops, remote) => { pulledByB = [...remote]; }; }));
}, 60_000);
afterAll(async () => {
  for (const c of [a, b]) if (c) await closeClient(c).catch(() => undefined);
  await fx?.close();
});

const feedOfB = () => activityOfRemote(b.wb, pulledByB, 'bob', (c, id) => b.sync.authorOf(c, id))
  .map((i) => [i.member, i.action, i.collection, i.recordId]);

describe('team authorship: created by and last changed by', () => {
  it('a member who joins sees the sharer as the creator of what was shared', () => {
    const source = b.wb.state.all('sources')[0]!;
    expect(b.sync.authorOf('sources', source.id)).toMatchObject({ member: 'alice', created: { member: 'alice' } });
  });

  it('A creates a highlight: both sides know alice created it, and B\'s feed says "created"', async () => {
    const h = must(createHighlight(a.wb, { sourceId: a.wb.state.all('sources')[0]!.id, start: 0, end: 12, color: 'yellow', tagIds: [], note: '' }));
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    expect(a.sync.authorOf('highlights', h.id)?.created?.member).toBe('alice');
    const seen = b.sync.authorOf('highlights', h.id);
    expect(seen).toMatchObject({ member: 'alice', created: { member: 'alice' } });
    expect(seen!.created!.at).toBe(seen!.at);
    expect(feedOfB()).toContainEqual(['alice', 'created', 'highlights', h.id]);
    expect(feedOfB()).not.toContainEqual(['alice', 'changed', 'highlights', h.id]);
  });

  it('B changes it: A sees bob as the last author and still alice as the creator; a later change by A is "changed"', async () => {
    const h = must(createHighlight(a.wb, { sourceId: a.wb.state.all('sources')[0]!.id, start: 20, end: 30, color: 'yellow', tagIds: [], note: '' }));
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    must(updateHighlight(b.wb, { id: h.id, note: 'by bob' }));
    await b.sync.syncOnce();
    await a.sync.syncOnce();
    expect(a.sync.authorOf('highlights', h.id)).toMatchObject({ member: 'bob', created: { member: 'alice' } });
    expect(b.sync.authorOf('highlights', h.id)).toMatchObject({ member: 'bob', created: { member: 'alice' } });
    must(updateHighlight(a.wb, { id: h.id, note: 'by alice again' }));
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    expect(feedOfB()).toEqual([['alice', 'changed', 'highlights', h.id]]);
    expect(b.sync.authorOf('highlights', h.id)).toMatchObject({ member: 'alice', created: { member: 'alice' } });
  });

  it('created and changed in one pull: one "created" then one "changed", newest first', async () => {
    const h = must(createHighlight(a.wb, { sourceId: a.wb.state.all('sources')[0]!.id, start: 40, end: 50, color: 'yellow', tagIds: [], note: '' }));
    must(updateHighlight(a.wb, { id: h.id, note: 'second thought' }));
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    expect(feedOfB().filter((i) => i[3] === h.id)).toEqual([['alice', 'changed', 'highlights', h.id], ['alice', 'created', 'highlights', h.id]]);
  });
});
