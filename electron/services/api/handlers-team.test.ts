/** The team methods against a throwaway PostgreSQL cluster: link, join, status, sync, conflicts, activity, authorship, a viewer refused. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { Workbench } from '../workbench/workbench';
import { seedIfEmpty } from '../workbench/seed';
import { createHighlight } from '../workbench/highlights';
import { createClaim, updateClaim } from '../workbench/claims';
import { TeamService } from '../team/team-service';
import { MemorySecretStore } from '../team/memory-secrets';
import type { SecretStore } from '../team/credentials';
import { SEEDS } from '../team/sync-test-kit';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { ApiHandlers } from '../../../shared/contract/api';
import type { TeamStatusView } from '../../../shared/contract/views-team';

interface Side { wb: Workbench; team: TeamService; h: ApiHandlers }
let fx: TeamFixture;
let a: Side;
let b: Side;
let teamId: string;
const sides: Side[] = [];

async function open(seed: boolean, secrets: SecretStore = new MemorySecretStore()): Promise<Side> {
  const wb = await Workbench.open(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-team-handlers-')), { autoBackup: false });
  if (seed) await seedIfEmpty(wb, SEEDS);
  const team = new TeamService(wb, { secrets, secretStorage: 'memory', background: false });
  const side = { wb, team, h: createHandlers(wb, { seeded: seed, team }) };
  sides.push(side);
  return side;
}
const url = (login: string) => `postgresql://${login}@${fx.cluster.host}:${fx.cluster.port}/team`;
const pw = (login: string) => `${login}-secret-pw`;
async function call<T = unknown>(s: Side, method: string, req: unknown = {}): Promise<T> {
  const r = await dispatch(s.h, method, req);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
type Linked = Extract<TeamStatusView, { linked: true }>;

beforeAll(async () => {
  fx = await startTeamFixture();
  a = await open(true);
  b = await open(false);
}, 60_000);
afterAll(async () => {
  for (const s of sides) {
    await s.team.stop().catch(() => undefined);
    await s.wb.close().catch(() => undefined);
  }
  await fx?.close();
});

describe('team methods: not linked', () => {
  it('status says not linked, and sync, conflicts and activity answer "unsupported"', async () => {
    expect(await call(a, 'team.status')).toEqual({ linked: false, secretStorage: 'memory' });
    for (const m of ['team.sync', 'team.conflicts', 'team.activity']) {
      const r = await dispatch(a.h, m, {});
      expect(r.ok ? null : r.error.code).toBe('unsupported');
    }
  });

  it('a connection string with a password inside is refused as invalid, and nothing is linked', async () => {
    const r = await dispatch(a.h, 'team.link', { db: `postgresql://alice:x@${fx.cluster.host}:${fx.cluster.port}/team`, password: pw('alice') });
    expect(r.ok ? null : r.error.code).toBe('invalid_request');
    expect(fs.existsSync(path.join(a.wb.store.dir, 'team.json'))).toBe(false);
  });

  it('a wrong password is refused with a clear message, and nothing is linked', async () => {
    const r = await dispatch(a.h, 'team.link', { db: url('alice'), password: 'wrong' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/refused the login/) });
    expect(fs.existsSync(path.join(a.wb.store.dir, 'team.json'))).toBe(false);
  });
});

describe('team methods: two workspaces on one team database', () => {
  it('A shares its workspace as owner: online, nothing pending, members listed', async () => {
    const r = await call<{ pushed: number; status: Linked }>(a, 'team.link', { db: url('alice'), password: pw('alice'), title: 'Case X' });
    teamId = r.status.teamId;
    expect(r.pushed).toBeGreaterThan(0);
    expect(r.status).toMatchObject({ linked: true, member: 'alice', role: 'owner', connection: 'online', pendingEdits: 0, workspaceName: 'Case X' });
    expect(r.status.members).toEqual([{ login: 'alice', role: 'owner' }]);
    const admin = await fx.as('alice');
    await admin.addMember(teamId, 'bob', 'editor');
    await admin.addMember(teamId, 'vera', 'viewer');
  });

  it('joining refuses a workspace that is not empty', async () => {
    const c = await open(true);
    const r = await dispatch(c.h, 'team.join', { db: url('bob'), password: pw('bob'), teamId });
    expect(r.ok ? null : r.error.code).toBe('conflict');
  });

  it('B joins as editor and pulls the shared sample; its status lists the three members', async () => {
    const r = await call<{ pulled: number; status: Linked }>(b, 'team.join', { db: url('bob'), password: pw('bob'), teamId });
    expect(r.pulled).toBeGreaterThan(0);
    expect(r.status).toMatchObject({ role: 'editor', connection: 'online', member: 'bob' });
    expect(r.status.members?.map((m) => `${m.login}:${m.role}`)).toEqual(['alice:owner', 'bob:editor', 'vera:viewer']);
    expect(b.wb.state.all('sources').map((s) => s.id)).toEqual(a.wb.state.all('sources').map((s) => s.id));
  });

  it("B's highlight reaches A on team.sync; A's activity says bob created it, with the quote, and authorOf says bob", async () => {
    const src = b.wb.state.all('sources')[0]!;
    const h = must(createHighlight(b.wb, { sourceId: src.id, start: 0, end: 12, color: 'green', tagIds: [], note: '' }));
    await call(b, 'team.sync');
    await call(a, 'team.sync');
    expect(a.wb.state.get('highlights', h.id)).toEqual(h);
    const feed = await call<{ member: string; recordId: string; recordLabel: string; action: string }[]>(a, 'team.activity', { limit: 10 });
    // A new highlight: the feed says "created", not "changed".
    expect(feed[0]).toMatchObject({ member: 'bob', recordId: h.id, action: 'created', recordLabel: `highlight “${h.quote.exact}”` });
    expect(await call(a, 'team.authorOf', { collection: 'highlights', id: h.id })).toMatchObject({ member: 'bob', isMe: false, created: { member: 'bob' } });
    expect(await call(b, 'team.authorOf', { collection: 'highlights', id: h.id })).toMatchObject({ member: 'bob', isMe: true });
  });

  it('a concurrent edit of one claim is listed with both values and authors, and "remote" keeps theirs on both sides', async () => {
    const claim = must(createClaim(a.wb, { claimantId: null, statement: 'Base', type: 'fact', claimedAt: '', credibility: 3, evidenceHighlightIds: [], aboutEntityIds: [], tagIds: [] }));
    await call(a, 'team.sync');
    await call(b, 'team.sync');
    must(updateClaim(b.wb, { id: claim.id, statement: 'Bob says' }));
    await call(b, 'team.sync');
    must(updateClaim(a.wb, { id: claim.id, statement: 'Alice says' }));
    const r = await call<{ conflicts: number; status: Linked }>(a, 'team.sync');
    expect(r.conflicts).toBe(1);
    expect(r.status.openConflicts).toBe(1);
    const [cf] = await call<{ id: string; field: string; recordLabel: string; local: { value: unknown; author: string }; remote: { value: unknown; author: string } }[]>(a, 'team.conflicts');
    expect(cf).toMatchObject({ field: 'statement', local: { value: 'Alice says', author: 'alice' }, remote: { value: 'Bob says', author: 'bob' } });
    expect(cf!.recordLabel).toMatch(/^claim “(Alice|Bob) says”$/);
    const left = await call<unknown[]>(a, 'team.resolveConflict', { id: cf!.id, pick: 'remote' });
    expect(left).toEqual([]);
    const again = await dispatch(a.h, 'team.resolveConflict', { id: cf!.id, pick: 'local' });
    expect(again.ok ? null : again.error.code).toBe('not_found');
    await call(a, 'team.sync');
    await call(b, 'team.sync');
    expect(a.wb.state.get('claims', claim.id)?.statement).toBe('Bob says');
    expect(b.wb.state.get('claims', claim.id)?.statement).toBe('Bob says');
  });

  it("a viewer's edit is refused by the database: status says refused with the reason, and the edit stays queued", async () => {
    const v = await open(false);
    await call(v, 'team.join', { db: url('vera'), password: pw('vera'), teamId });
    const src = v.wb.state.all('sources')[0]!;
    must(createHighlight(v.wb, { sourceId: src.id, start: 20, end: 30, color: 'yellow', tagIds: [], note: '' }));
    const r = await call<{ pushed: number; status: Linked }>(v, 'team.sync');
    expect(r.pushed).toBe(0);
    expect(r.status).toMatchObject({ role: 'viewer', connection: 'refused', pendingEdits: 1 });
    expect(r.status.reason).toMatch(/refused your edits/);
  });

  it('a keychain that refuses to keep the password does not undo the join: sync runs, and the status says for this session only', async () => {
    const locked: SecretStore = { get: async () => null, set: async () => { throw new Error('The keychain is locked'); }, delete: async () => undefined };
    const k = await open(false, locked);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const r = await call<{ pulled: number; status: Linked }>(k, 'team.join', { db: url('bob'), password: pw('bob'), teamId });
      expect(r.pulled).toBeGreaterThan(0);
      expect(r.status).toMatchObject({ linked: true, connection: 'online', needsPassword: false });
      expect(r.status.reason).toMatch(/could not be kept in the OS keychain \(The keychain is locked\).*this session only/);
      expect(k.wb.state.all('sources').map((x) => x.id)).toEqual(a.wb.state.all('sources').map((x) => x.id));
    } finally {
      errors.mockRestore();
    }
  });

  it('a new session without the password reports needsPassword, and team.unlock with it starts sync again', async () => {
    await a.team.stop();
    const again = new TeamService(a.wb, { secrets: new MemorySecretStore(), secretStorage: 'memory', background: false });
    await again.startIfLinked();
    const h = createHandlers(a.wb, { seeded: false, team: again });
    const s = { wb: a.wb, team: again, h };
    sides.push(s);
    expect(await call(s, 'team.status')).toMatchObject({ linked: true, needsPassword: true, connection: 'offline' });
    const bad = await dispatch(h, 'team.unlock', { password: 'wrong' });
    expect(bad.ok ? null : bad.error.code).toBe('conflict');
    await call(s, 'team.unlock', { password: pw('alice') });
    expect(await call(s, 'team.sync')).toMatchObject({ status: { needsPassword: false, connection: 'online' } });
  });
});
