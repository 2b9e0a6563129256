/** The app's side of pairing: a code with the endpoint address, the list of paired extensions, unpairing; and the desktop listener's port. */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/unit/helpers';
import { Workbench } from '../workbench/workbench';
import { createExtensionHandlers } from './handlers-extension';
import { pairingFor } from '../capture/extension-pairing';
import { lazyExtensionListener } from '../capture/extension-host';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function open() {
  const wb = await Workbench.open(tempDir());
  closers.push(() => wb.close());
  return wb;
}

describe('extension handlers', () => {
  it('gives a one-time code with the address the extension must post to', async () => {
    const wb = await open();
    const h = createExtensionHandlers(wb, async () => 'http://127.0.0.1:47615');
    const r = await h['extension.pairingCode']({});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.endpoint).toBe('http://127.0.0.1:47615');
    expect(pairingFor(wb.store.dir).pair(r.value.code, 'Firefox extension').ok).toBe(true);
    const list = await h['extension.list']({});
    expect(list.ok && list.value.map((p) => p.name)).toEqual(['Firefox extension']);
  });

  it('says plainly when the host has no endpoint (the CLI)', async () => {
    const r = await createExtensionHandlers(await open())['extension.pairingCode']({});
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('unpairs a paired extension and answers not_found for an unknown id', async () => {
    const wb = await open();
    const h = createExtensionHandlers(wb);
    const p = pairingFor(wb.store.dir);
    const paired = p.pair(p.newCode().code, 'Chromium extension');
    if (!paired.ok) throw new Error(paired.message);
    expect(await h['extension.unpair']({ id: paired.pairing.id })).toEqual({ ok: true, value: { removed: true } });
    expect(await h['extension.unpair']({ id: paired.pairing.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('desktop extension listener', () => {
  it('falls back to a free port when the default one is taken, and the endpoint says which', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => blocker.close(r)));
    const taken = (blocker.address() as AddressInfo).port;
    const listener = lazyExtensionListener({ workbench: () => null, captureFetched: async () => { throw new Error('unused'); } }, taken);
    closers.push(() => listener.close());
    const address = await listener.endpoint();
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(address).port).not.toBe(String(taken));
    expect(await listener.endpoint()).toBe(address);
  });
});
