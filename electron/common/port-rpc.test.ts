/** The port protocol over a real MessageChannel: replies, events, handler failures, uncopyable values and closing. */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createPeer, type RpcPort } from './port-rpc';

type AtoB = { add: { params: { a: number; b: number }; value: number }; boom: { params: null; value: null }; never: { params: null; value: null } };
type BtoA = { bytes: { params: { n: number }; value: Uint8Array } };
type BEvents = { tick: { n: number } };

const asPort = (p: MessagePort): RpcPort => ({ postMessage: (m) => p.postMessage(m), onMessage: (l) => { p.on('message', l); } });
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) { c.port1.close(); c.port2.close(); }
});

function pair(onEvent?: (name: string, payload: unknown) => void) {
  const ch = new MessageChannel();
  channels.push(ch);
  let release!: () => void;
  const hang = new Promise<null>((r) => { release = () => r(null); });
  const b = createPeer<BtoA, BEvents, AtoB, Record<string, never>>(asPort(ch.port2), {
    handlers: {
      add: ({ a, b: y }) => a + y,
      boom: () => { throw new Error('the handler broke'); },
      never: () => hang,
    },
  });
  const a = createPeer<AtoB, Record<string, never>, BtoA, BEvents>(asPort(ch.port1), {
    handlers: { bytes: ({ n }) => new Uint8Array(n).fill(7) },
    onEvent: onEvent as never,
  });
  return { a, b, release, ch };
}

describe('port-rpc', () => {
  it('answers requests both ways, copying typed arrays', async () => {
    const { a, b } = pair();
    expect(await a.request('add', { a: 2, b: 3 })).toEqual({ ok: true, value: 5 });
    const bytes = await b.request('bytes', { n: 4 });
    expect(bytes.ok && bytes.value).toEqual(new Uint8Array([7, 7, 7, 7]));
    expect(a.pending()).toBe(0);
  });

  it('delivers one-way events in order', async () => {
    const seen: unknown[] = [];
    const { b } = pair((name, payload) => seen.push([name, payload]));
    b.emit('tick', { n: 1 });
    b.emit('tick', { n: 2 });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([['tick', { n: 1 }], ['tick', { n: 2 }]]);
  });

  it('turns a throwing handler and an unknown method into error values', async () => {
    const { a } = pair();
    expect(await a.request('boom', null)).toEqual({ ok: false, error: { code: 'failed', message: 'the handler broke' } });
    const unknown = await a.request('nope' as 'add', { a: 1, b: 1 });
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown_method', message: 'No such request: nope' } });
  });

  it('answers with an error when the request cannot be copied', async () => {
    const { a } = pair();
    const r = await a.request('add', { a: 1, b: () => 2 } as never);
    expect(r.ok ? 'sent' : r.error.code).toBe('unsendable');
  });

  it('fails pending and later requests with the reason once the port closes', async () => {
    const { a, release } = pair();
    const pending = a.request('never', null);
    await expect.poll(() => a.pending()).toBe(1);
    a.close('The other side stopped.');
    expect(await pending).toEqual({ ok: false, error: { code: 'closed', message: 'The other side stopped.' } });
    expect(await a.request('add', { a: 1, b: 1 })).toEqual({ ok: false, error: { code: 'closed', message: 'The other side stopped.' } });
    release();
  });

  it('ignores messages that are not its own', async () => {
    const { a, ch } = pair();
    ch.port2.postMessage({ hello: 'world' });
    ch.port2.postMessage(null);
    expect(await a.request('add', { a: 1, b: 1 })).toEqual({ ok: true, value: 2 });
  });
});
