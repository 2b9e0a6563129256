/** Main's services client answers the host's keychain requests from its team-secrets store, and tells the host at open whether it has one. */
import { describe, expect, it } from 'vitest';
import { createPeer, type Peer, type RpcPort } from '../common/port-rpc';
import { startServicesHost, type ForkHost, type ServicesClient } from './services-client';
import type { TeamSecrets } from './team-secrets';
import type { HostEvents, HostToMain, MainEvents, MainToHost, OpenRequest } from '../services-host/protocol';

/** Two ports joined in this process; messages are copied (as structured clone would) and arrive on a later turn. */
function portPair(): [RpcPort, RpcPort] {
  const listeners: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const port = (mine: 0 | 1): RpcPort => ({
    postMessage: (m) => { const copy = structuredClone(m); setImmediate(() => { for (const l of listeners[1 - mine]!) l(copy); }); },
    onMessage: (l) => { listeners[mine].push(l); },
  });
  return [port(0), port(1)];
}

/** A scripted host: records the open requests and lets the test send host → main requests. */
function fakeHost() {
  const opened: OpenRequest[] = [];
  let hostPeer!: Peer<HostToMain, HostEvents>;
  const fork: ForkHost = () => {
    const [mainSide, hostSide] = portPair();
    hostPeer = createPeer<HostToMain, HostEvents, MainToHost, MainEvents>(hostSide, {
      handlers: {
        open: (req) => { opened.push(req); return { ok: true, value: { recovery: false } }; },
        call: () => ({ ok: true, value: null }),
        close: () => null,
        cancelExports: () => null,
        writeExport: () => ({ ok: false, error: { code: 'x', message: 'x' } }),
      },
    });
    setImmediate(() => hostPeer.emit('ready', { pid: 1 }));
    return { port: mainSide, onExit: () => undefined, kill: () => undefined };
  };
  return { fork, opened, host: () => hostPeer };
}

function memorySecrets(isAvailable: boolean): TeamSecrets & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    available: () => isAvailable,
    get: async (k) => map.get(k) ?? null,
    set: async (k, v) => { map.set(k, v); },
    delete: async (k) => { map.delete(k); },
  };
}

function start(secrets?: TeamSecrets): { client: ServicesClient; fake: ReturnType<typeof fakeHost> } {
  const fake = fakeHost();
  const client = startServicesHost({ fork: fake.fork, modulePath: 'fake-host', printer: async () => new Uint8Array(), secrets });
  return { client, fake };
}

describe('services client: the team keychain', () => {
  it('tells the host at open that a keychain is there, and answers its get, set and delete from it', async () => {
    const secrets = memorySecrets(true);
    const { client, fake } = start(secrets);
    expect((await client.open('/tmp/ws')).ok).toBe(true);
    expect(fake.opened[0]).toMatchObject({ dir: '/tmp/ws', secretStorage: 'keychain' });
    const host = fake.host();
    expect(await host.request('secretGet', { key: 'team:alice@pg' })).toEqual({ ok: true, value: null });
    expect(await host.request('secretSet', { key: 'team:alice@pg', secret: 'pw' })).toEqual({ ok: true, value: null });
    expect(secrets.map.get('team:alice@pg')).toBe('pw');
    expect(await host.request('secretGet', { key: 'team:alice@pg' })).toEqual({ ok: true, value: 'pw' });
    expect(await host.request('secretDelete', { key: 'team:alice@pg' })).toEqual({ ok: true, value: null });
    expect(secrets.map.size).toBe(0);
    await client.close();
  });

  it('says "memory" at open when the keychain is unavailable, and then refuses the host\'s keychain requests', async () => {
    const secrets = memorySecrets(false);
    const { client, fake } = start(secrets);
    await client.open('/tmp/ws');
    expect(fake.opened[0]).toMatchObject({ secretStorage: 'memory' });
    for (const r of [
      await fake.host().request('secretGet', { key: 'k' }),
      await fake.host().request('secretSet', { key: 'k', secret: 'pw' }),
      await fake.host().request('secretDelete', { key: 'k' }),
    ]) expect(r).toEqual({ ok: false, error: { code: 'failed', message: expect.stringMatching(/no OS keychain/) } });
    expect(secrets.map.size).toBe(0);
    await client.close();
  });

  it('without a secrets store at all (tests, doubles) the host is told "memory" and refused the same way', async () => {
    const { client, fake } = start();
    await client.open('/tmp/ws');
    expect(fake.opened[0]).toMatchObject({ secretStorage: 'memory' });
    const r = await fake.host().request('secretSet', { key: 'k', secret: 'pw' });
    expect(r.ok ? 'stored' : r.error.message).toMatch(/no OS keychain/);
    await client.close();
  });

  it('a store that fails (keychain locked) answers the host with its message, not a crash', async () => {
    const secrets = { ...memorySecrets(true), set: async () => { throw new Error('The keychain is locked'); } };
    const { client, fake } = start(secrets);
    await client.open('/tmp/ws');
    expect(await fake.host().request('secretSet', { key: 'k', secret: 'pw' })).toEqual({ ok: false, error: { code: 'failed', message: 'The keychain is locked' } });
    await client.close();
  });
});
