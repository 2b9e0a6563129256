/** Team sync between two workspaces on one throwaway team database: highlights, conflicts, tag merges, roles, NOTIFY. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { createHighlight, updateHighlight } from '../workbench/highlights';
import { createClaim, updateClaim } from '../workbench/claims';
import { createTag } from '../workbench/tags';
import { type Client, closeClient, contentOf, must, openClient, openSharedPair } from './sync-test-kit';

let fx: TeamFixture;
let a: Client;
let b: Client;
beforeAll(async () => {
  fx = await startTeamFixture();
  ({ a, b } = await openSharedPair(fx));
}, 60_000);
afterAll(async () => {
  for (const c of [a, b]) if (c) await closeClient(c).catch(() => undefined);
  await fx?.close();
});

const sourceId = () => a.wb.state.all('sources')[0]!.id;

describe('team sync: two workspaces on one team database', () => {
  it('joining pulls the shared workspace with its source text', () => {
    expect(b.wb.state.all('sources').map((s) => s.id)).toEqual([sourceId()]);
    expect(b.wb.store.texts.get(a.wb.state.all('sources')[0]!.contentHash)).not.toBeNull();
    expect(contentOf(b)).toEqual(contentOf(a));
  });

  it("A highlights, B pulls and sees it with A as its author, and it is not on B's undo stack", async () => {
    const undoBefore = b.wb.state.history.undo.length;
    const h = must(createHighlight(a.wb, { sourceId: sourceId(), start: 0, end: 20, color: 'yellow', tagIds: [], note: 'from A' }));
    expect((await a.sync.syncOnce()).pushed).toBe(1);
    expect((await b.sync.syncOnce()).pulled).toBe(1);
    expect(b.wb.state.get('highlights', h.id)).toEqual(h);
    expect(b.sync.authorOf('highlights', h.id)?.member).toBe('alice');
    expect(b.wb.state.history.undo.length).toBe(undoBefore);
    expect(b.sync.status().pending).toBe(0);
  });

  it('both edit one claim statement: the side that pulls second gets a conflict with both values, resolved to its own, and both converge', async () => {
    const claim = must(createClaim(a.wb, { claimantId: null, statement: 'Base', type: 'fact', claimedAt: '', credibility: 3, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [] }));
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    must(updateClaim(a.wb, { id: claim.id, statement: 'Alice says' }));
    must(updateClaim(b.wb, { id: claim.id, statement: 'Bob says' }));
    await a.sync.syncOnce();
    const rb = await b.sync.syncOnce();
    expect(rb.conflicts).toBe(1);
    const [cf] = b.sync.conflicts();
    expect(cf).toMatchObject({ collection: 'claims', recordId: claim.id, path: ['statement'], kind: 'field' });
    expect(cf!.local).toMatchObject({ value: 'Bob says', author: 'bob' });
    expect(cf!.remote).toMatchObject({ value: 'Alice says', author: 'alice' });
    // Until resolved, the merged record holds the server's value; the analyst's own value is kept in the conflict.
    expect(b.wb.state.get('claims', claim.id)?.statement).toBe('Alice says');
    b.sync.resolve(cf!.id, { pick: 'local' });
    expect(b.sync.conflicts()).toEqual([]);
    await b.sync.syncOnce();
    await a.sync.syncOnce();
    expect(a.wb.state.get('claims', claim.id)?.statement).toBe('Bob says');
    expect(contentOf(a)).toEqual(contentOf(b));
  });

  it('tags added to one highlight on both sides are both kept, without a conflict', async () => {
    const t1 = must(createTag(a.wb, { name: 'ships', parentId: null }));
    const t2 = must(createTag(a.wb, { name: 'ports', parentId: null }));
    const h = must(createHighlight(a.wb, { sourceId: sourceId(), start: 30, end: 60, color: 'green', tagIds: [], note: '' }));
    await a.sync.syncOnce();
    await b.sync.syncOnce();
    must(updateHighlight(a.wb, { id: h.id, tagIds: [t1.id] }));
    must(updateHighlight(b.wb, { id: h.id, tagIds: [t2.id] }));
    await a.sync.syncOnce();
    expect((await b.sync.syncOnce()).conflicts).toBe(0);
    await a.sync.syncOnce();
    expect(new Set(a.wb.state.get('highlights', h.id)?.tagIds)).toEqual(new Set([t1.id, t2.id]));
    expect(contentOf(a)).toEqual(contentOf(b));
  });

  it("a viewer's edits are refused by the database, stay local, and the status says why; the viewer still pulls", async () => {
    const v = await openClient({ host: fx.cluster.host, port: fx.cluster.port, workspaceId: fx.wsA, login: 'vera', role: 'viewer' });
    try {
      await v.sync.syncOnce();
      const h = must(createHighlight(v.wb, { sourceId: sourceId(), start: 70, end: 90, color: 'pink', tagIds: [], note: 'vera' }));
      await v.sync.syncOnce();
      const st = v.sync.status();
      expect(st.pending).toBe(1);
      expect(st.refused).toMatch(/refused your edits \(your role is viewer\): 1 edits stay in this workspace only/);
      expect(v.wb.state.get('highlights', h.id)).toBeDefined();
      await a.sync.syncOnce();
      expect(a.wb.state.get('highlights', h.id)).toBeUndefined();
      const fromA = must(createHighlight(a.wb, { sourceId: sourceId(), start: 100, end: 120, color: 'blue', tagIds: [], note: '' }));
      await a.sync.syncOnce();
      await v.sync.syncOnce();
      expect(v.wb.state.get('highlights', fromA.id)).toEqual(fromA);
    } finally {
      await closeClient(v);
    }
  });

  it('in the background, LISTEN/NOTIFY brings A’s edit to B without B asking (bounded generously at 5 s)', async () => {
    b.sync.start();
    a.sync.start();
    const h = must(createHighlight(a.wb, { sourceId: sourceId(), start: 130, end: 150, color: 'yellow', tagIds: [], note: 'live' }));
    const deadline = Date.now() + 5_000;
    while (!b.wb.state.get('highlights', h.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(b.wb.state.get('highlights', h.id)).toEqual(h);
  });
});
