/**
 * The services host keeps team passwords through main's keychain when main has one (issue 18): team.status says
 * 'keychain', a password given to team.link or team.join is saved encrypted by main, and a later run (a new host and
 * a new main store on the same file) unlocks the link without asking. Main and host run in this process, joined by
 * an in-memory port pair; safeStorage is faked (the real one needs Electron).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RpcPort } from '../common/port-rpc';
import { startServicesHost, type ForkHost, type ServicesClient } from '../main/services-client';
import { createTeamSecrets, type SafeStorageLike, type TeamSecrets } from '../main/team-secrets';
import { secretKeyOf } from '../services/team/credentials';
import { serveServices } from './host';
import { startTeamFixture, type TeamFixture } from '../../tests/support/team-fixture';
import { tempDir } from '../../tests/unit/helpers';
import type { TeamStatusView } from '../../shared/contract/views-team';

/** Two ports joined in this process; messages are copied (as structured clone would) and arrive on a later turn. */
function portPair(): [RpcPort, RpcPort] {
  const listeners: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const port = (mine: 0 | 1): RpcPort => ({
    postMessage: (m) => { const copy = structuredClone(m); setImmediate(() => { for (const l of listeners[1 - mine]!) l(copy); }); },
    onMessage: (l) => { listeners[mine].push(l); },
  });
  return [port(0), port(1)];
}

/** The host served in this process instead of a child: what main sees is the same protocol. */
const inProcessHost: ForkHost = () => {
  const [mainSide, hostSide] = portPair();
  const served = serveServices(hostSide, { pid: process.pid });
  const exits: ((code: number | null, signal: string | null) => void)[] = [];
  return {
    port: mainSide,
    onExit: (l) => { exits.push(l); },
    kill: () => { void served.dispose().then(() => { for (const l of exits) l(0, null); }); },
  };
};

/** Reversible, never the plain text on disk; `backend` as Electron's Linux safeStorage reports it. */
const fakeSafeStorage = (backend: string): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => backend,
});

const clients: ServicesClient[] = [];
function start(file: string, backend = 'gnome_libsecret', secrets: TeamSecrets = createTeamSecrets({ safeStorage: fakeSafeStorage(backend), file, platform: 'linux', log: () => undefined })): ServicesClient {
  const client = startServicesHost({ fork: inProcessHost, modulePath: 'in-process', printer: async () => new Uint8Array(), secrets });
  clients.push(client);
  return client;
}
async function call<T>(client: ServicesClient, method: string, req: unknown = {}): Promise<T> {
  const r = await client.call(method, req);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
const status = (client: ServicesClient) => call<TeamStatusView>(client, 'team.status');

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe('services host: team passwords through main', () => {
  it("team.status says 'keychain' when main has one, and 'memory' when safeStorage is only basic_text", async () => {
    const file = path.join(tempDir('wb-keychain-'), 'team-secrets.json');
    const withKeychain = start(file);
    expect((await withKeychain.open(tempDir('wb-keychain-ws-'))).ok).toBe(true);
    expect(await status(withKeychain)).toEqual({ linked: false, secretStorage: 'keychain' });
    const basic = start(file, 'basic_text');
    expect((await basic.open(tempDir('wb-keychain-ws-'))).ok).toBe(true);
    expect(await status(basic)).toEqual({ linked: false, secretStorage: 'memory' });
  });
});

describe('services host: team passwords through main, on a team database', () => {
  let fx: TeamFixture;
  beforeAll(async () => {
    fx = await startTeamFixture();
  }, 60_000);
  afterAll(async () => {
    await fx?.close();
  });
  const url = (login: string) => `postgresql://${login}@${fx.cluster.host}:${fx.cluster.port}/team`;
  const pw = (login: string) => `${login}-secret-pw`;

  it('a password given to team.link or team.join is saved encrypted by main and unlocks the next run without asking; basic_text or a failing keychain asks again', async () => {
    const file = path.join(tempDir('wb-keychain-'), 'team-secrets.json');
    const [shared, joined] = [tempDir('wb-keychain-a-'), tempDir('wb-keychain-b-')];
    const first = start(file);
    await first.open(shared);
    await call(first, 'sources.importText', { text: 'Pipeline talks resumed on Tuesday.', title: 'Talks' });
    await call(first, 'team.link', { db: url('alice'), password: pw('alice'), title: 'Keychain case' });
    expect(await status(first)).toMatchObject({ linked: true, secretStorage: 'keychain', member: 'alice', needsPassword: false });
    const second = start(file);
    await second.open(joined);
    await call(second, 'team.join', { db: url('bob'), password: pw('bob'), teamId: fx.wsA });
    expect(await status(second)).toMatchObject({ linked: true, secretStorage: 'keychain', member: 'bob', needsPassword: false });

    // Main's file holds both, under the services' keys, and neither password in clear.
    const text = fs.readFileSync(file, 'utf8');
    expect(Object.keys((JSON.parse(text) as { entries: object }).entries).sort()).toEqual([secretKeyOf(url('alice'), 'alice'), secretKeyOf(url('bob'), 'bob')].sort());
    expect(text).not.toContain(pw('alice'));
    expect(text).not.toContain(pw('bob'));
    await Promise.all(clients.splice(0).map((c) => c.close()));

    // The next run: a new host and a new store on the same file find the password and sync without team.unlock.
    const again = start(file);
    await again.open(shared);
    await expect.poll(async () => (await status(again)) as { needsPassword?: boolean }, { timeout: 20_000 })
      .toMatchObject({ linked: true, secretStorage: 'keychain', member: 'alice', needsPassword: false });

    // Where safeStorage is only basic_text the host keeps nothing on disk: that run must ask for the password.
    await Promise.all(clients.splice(0).map((c) => c.close()));
    const basic = start(file, 'basic_text');
    await basic.open(joined);
    expect(await status(basic)).toMatchObject({ linked: true, secretStorage: 'memory', needsPassword: true });

    // A keychain that fails (locked, refused) costs the password, not the workspace: it is asked for again.
    await Promise.all(clients.splice(0).map((c) => c.close()));
    const errors: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors.push(args); });
    try {
      const locked = start(file, undefined, {
        available: () => true, get: async () => { throw new Error('The keychain is locked'); }, set: async () => undefined, delete: async () => undefined,
      });
      expect((await locked.open(shared)).ok).toBe(true);
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      expect(String(errors[0]![1])).toMatch(/The OS keychain could not be used: The keychain is locked/);
      expect(await status(locked)).toMatchObject({ linked: true, secretStorage: 'keychain', needsPassword: true });
    } finally {
      spy.mockRestore();
    }
  }, 60_000);
});
