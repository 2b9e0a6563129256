/** The team data-access module against a throwaway cluster: idempotent push, ordered pull, NOTIFY, texts, TLS rule. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamFixture, type TeamFixture } from '../../../tests/support/team-fixture';
import { checkConnectionString } from './connection';
import { TeamDbError } from './errors';
import { TeamDb, sha256Of, type TeamOpInput } from './team-db';

let fx: TeamFixture;
beforeAll(async () => { fx = await startTeamFixture(); });
afterAll(async () => { await fx?.close(); });

const put = (recordId: string, value: Record<string, unknown>, collection = 'highlights'): TeamOpInput =>
  ({ opId: randomUUID(), collection, recordId, kind: 'put', value: { id: recordId, ...value } });

describe('team database access', () => {
  it('pushOps is idempotent: the same op_id sent twice stores one row and returns the stored seq', async () => {
    const bob = await fx.as('bob');
    const op = put('h-idem', { note: 'first' });
    const [first] = await bob.pushOps(fx.wsA, [op]);
    expect(first).toEqual({ opId: op.opId, seq: expect.any(Number), duplicate: false });
    // A retry after a lost reply, key order changed by re-serialisation, mixed with a new op.
    const again = { ...op, value: { note: 'first', id: 'h-idem' } };
    const fresh = put('h-idem-2', {});
    const second = await bob.pushOps(fx.wsA, [again, fresh]);
    expect(second[0]).toEqual({ opId: op.opId, seq: first!.seq, duplicate: true });
    expect(second[1]!.duplicate).toBe(false);
    expect(second[1]!.seq).toBeGreaterThan(first!.seq);
    const alice = await fx.raw('alice');
    expect((await alice.query('SELECT count(*)::int AS n FROM team.ops WHERE op_id = $1', [op.opId])).rows[0].n).toBe(1);
    expect((await alice.query("SELECT version FROM team.records WHERE id = 'h-idem'")).rows).toEqual([{ version: 1 }]);
  });

  it('an op_id re-sent with different content is refused and nothing of that push is stored', async () => {
    const bob = await fx.as('bob');
    const op = put('h-reuse', { note: 'a' });
    await bob.pushOps(fx.wsA, [op]);
    const other = put('h-reuse-other', {});
    const err = await bob.pushOps(fx.wsA, [other, { ...op, value: { id: 'h-reuse', note: 'b' } }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeamDbError);
    expect((err as TeamDbError).kind).toBe('op_conflict');
    expect(await (await fx.raw('alice')).query('SELECT 1 FROM team.ops WHERE op_id = $1', [other.opId]).then((r) => r.rowCount)).toBe(0);
  });

  it('pullOps returns the ops after a seq, oldest first, paged by limit, with author and tx', async () => {
    const alice = await fx.as('alice');
    const ws = (await alice.createTeamWorkspace('pull order')).id;
    await alice.addMember(ws, 'bob', 'editor');
    const bob = await fx.as('bob');
    const a = await alice.pushOps(ws, [put('p1', {}), put('p2', {})]);
    const b = await bob.pushOps(ws, [put('p3', {}), { opId: randomUUID(), collection: 'highlights', recordId: 'p1', kind: 'del' }]);
    const all = await bob.pullOps(ws, 0);
    expect(all.map((o) => o.recordId)).toEqual(['p1', 'p2', 'p3', 'p1']);
    expect(all.map((o) => o.seq)).toEqual([...a, ...b].map((p) => p.seq));
    expect(all.map((o) => o.seq)).toEqual([...all.map((o) => o.seq)].sort((x, y) => x - y));
    expect(all.map((o) => o.author)).toEqual(['alice', 'alice', 'bob', 'bob']);
    expect(new Set(all.slice(0, 2).map((o) => o.txId)).size).toBe(1);
    expect(all[3]).toMatchObject({ kind: 'del', value: null });
    expect((await bob.pullOps(ws, all[1]!.seq)).map((o) => o.recordId)).toEqual(['p3', 'p1']);
    expect((await bob.pullOps(ws, 0, 3)).map((o) => o.seq)).toEqual(all.slice(0, 3).map((o) => o.seq));
    expect(await bob.pullOps(ws, all[3]!.seq)).toEqual([]);
  });

  it('records follow ops: versions count up, who made and last changed it, a delete keeps the last value', async () => {
    const alice = await fx.as('alice');
    const bob = await fx.as('bob');
    await alice.pushOps(fx.wsA, [put('r1', { note: 'v1' })]);
    await bob.pushOps(fx.wsA, [put('r1', { note: 'v2' })]);
    await bob.pushOps(fx.wsA, [{ opId: randomUUID(), collection: 'highlights', recordId: 'r1', kind: 'del' }]);
    const { rows } = await (await fx.raw('vera')).query("SELECT version, value, deleted, created_by, updated_by FROM team.records WHERE id = 'r1'");
    expect(rows).toEqual([{ version: 3, value: { id: 'r1', note: 'v2' }, deleted: true, created_by: 'alice', updated_by: 'bob' }]);
  });

  it('a NOTIFY carrying the new seq reaches a listener after a push', async () => {
    const vera = await fx.as('vera');
    const seen: number[] = [];
    let wake: () => void = () => undefined;
    const listener = await vera.listen(fx.wsA, (seq) => { seen.push(seq); wake(); });
    try {
      const arrived = new Promise<void>((resolve) => { wake = resolve; });
      const [pushed] = await (await fx.as('bob')).pushOps(fx.wsA, [put('n1', {})]);
      await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error('no NOTIFY within 10 s')), 10_000))]);
      expect(seen).toEqual([pushed!.seq]);
    } finally {
      await listener.close();
    }
  });

  it('a push waits for an earlier uncommitted push to the same workspace, so no pull skips a late commit', async () => {
    const bob = await fx.raw('bob');
    const alice = await fx.as('alice');
    await bob.query('BEGIN');
    await bob.query(`INSERT INTO team.ops (op_id, workspace_id, tx_id, collection, record_id, kind, value)
                     VALUES ($1, $2, $3, 'tags', 'slow', 'put', '{"id":"slow"}')`, [randomUUID(), fx.wsA, randomUUID()]);
    const later = alice.pushOps(fx.wsA, [put('fast', {})]);
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      // Wait until alice's push is blocked on the workspace lock (not a timing guess: ask the server).
      for (let i = 0; i < 200; i++) {
        const { rows } = await admin.query("SELECT 1 FROM pg_stat_activity WHERE usename = 'alice' AND wait_event = 'advisory'");
        if (rows.length) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect((await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'alice' AND wait_event = 'advisory'")).rows[0].n).toBe(1);
      await bob.query('COMMIT');
      const [fast] = await later;
      const pulled = await alice.pullOps(fx.wsA, 0);
      const slowSeq = pulled.find((o) => o.recordId === 'slow')!.seq;
      expect(fast!.seq).toBeGreaterThan(slowSeq);
    } finally {
      await admin.end();
    }
  });

  it('an SQL injection attempt in values is stored literally', async () => {
    const bob = await fx.as('bob');
    const evil = "x'); DELETE FROM team.members; DROP TABLE team.ops; --";
    const [op] = await bob.pushOps(fx.wsA, [{ opId: randomUUID(), collection: 'claims', recordId: evil, kind: 'put', value: { id: evil, text: `"${evil}` } }]);
    const sha = await bob.putText(fx.wsA, evil);
    const pulled = (await bob.pullOps(fx.wsA, op!.seq - 1)).find((o) => o.seq === op!.seq)!;
    expect(pulled.recordId).toBe(evil);
    expect(pulled.value).toEqual({ id: evil, text: `"${evil}` });
    expect(await bob.getText(sha)).toBe(evil);
    expect((await (await fx.as('alice')).members(fx.wsA)).length).toBe(3);
    await expect(bob.pushOps(fx.wsA, [{ ...put('c', {}), collection: "tags'; DROP TABLE team.ops; --" }])).rejects.toThrow(/collection must be a plain name/);
  });

  it('texts are stored once by SHA-256 and readable through every workspace that stored them', async () => {
    const alice = await fx.as('alice');
    const carol = await fx.as('carol');
    const body = 'Die Quelle — ein gemeinsamer Text ✓';
    const shaA = await alice.putText(fx.wsA, body);
    const shaB = await carol.putText(fx.wsB, body);
    expect(shaA).toBe(sha256Of(body));
    expect(shaB).toBe(shaA);
    expect(await carol.getText(shaA)).toBe(body);
    const admin = new pg.Client({ connectionString: fx.adminUrl });
    await admin.connect();
    try {
      expect((await admin.query('SELECT count(*)::int AS n FROM team.texts WHERE sha256 = $1', [shaA])).rows[0].n).toBe(1);
      // Even the administrator cannot store a body under a hash that is not its own.
      await expect(admin.query('INSERT INTO team.texts (sha256, content) VALUES ($1, $2)', [sha256Of('other'), 'forged'])).rejects.toThrow(/check constraint/);
    } finally {
      await admin.end();
    }
  });

  it('bad input is refused before it is sent', async () => {
    const bob = await fx.as('bob');
    await expect(bob.pushOps('not-a-uuid', [])).rejects.toThrow(/workspace id must be a UUID/);
    await expect(bob.pushOps(fx.wsA, [{ opId: 'nope', collection: 'tags', recordId: 't', kind: 'put', value: {} }])).rejects.toThrow(/opId must be a UUID/);
    const op = put('dup', {});
    await expect(bob.pushOps(fx.wsA, [op, op])).rejects.toThrow(/appears twice/);
    await expect(bob.pushOps(fx.wsA, [{ opId: randomUUID(), collection: 'tags', recordId: 't', kind: 'del', value: {} }])).rejects.toThrow(/a del carries none/);
    await expect(bob.pullOps(fx.wsA, -1)).rejects.toThrow(/sinceSeq/);
    await expect(fx.admin.createMemberLogin('Robert"; DROP ROLE alice; --', 'pw')).rejects.toThrow(/member login/);
  });
});

describe('connection strings', () => {
  it('refuses a non-TLS connection string to a remote host, before connecting', async () => {
    for (const url of ['postgresql://u:p@db.example.org:5432/team', 'postgresql://u:p@db.example.org/team?sslmode=prefer',
      'postgres://u@10.0.0.5/team?sslmode=disable', 'postgresql://u@localhost,db.example.org/team', 'postgresql:///team?host=db.example.org']) {
      expect(() => checkConnectionString(url), url).toThrow(/refusing an unencrypted connection to the remote team database at .*db\.example\.org|10\.0\.0\.5/);
    }
    const err = await TeamDb.connect('postgresql://u:p@db.example.org/team').catch((e: unknown) => e);
    expect((err as TeamDbError).kind).toBe('insecure');
  });

  it('accepts TLS to a remote host and plain connections on loopback or a unix socket', () => {
    for (const url of ['postgresql://u@db.example.org/team?sslmode=verify-full', 'postgresql://u@db.example.org/team?sslmode=require',
      'postgresql://u@127.0.0.1:5432/team', 'postgresql://u@localhost/team', 'postgresql://u@[::1]:5432/team', 'postgresql:///team?host=/var/run/postgresql']) {
      expect(() => checkConnectionString(url), url).not.toThrow();
    }
    expect(() => checkConnectionString('host=db user=u')).toThrow(/not a URL/);
    expect(() => checkConnectionString('mysql://db/team')).toThrow(/must start with postgresql/);
  });

  it('a member logs in with the password whose verifier the admin stored', async () => {
    await fx.admin.createMemberLogin('dora', 'pässwörd\u00a0with space');
    const dora = await TeamDb.connect(fx.cluster.urlFor('dora', 'pässwörd\u00a0with space', 'team'));
    await dora.close();
    await expect(TeamDb.connect(fx.cluster.urlFor('dora', 'wrong', 'team'))).rejects.toThrow(/password authentication failed/);
  });
});
