/** The desktop IPC channel: trusted senders only, requests validated by the contract, unknown methods and failures as typed errors. */
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_INVOKE_CHANNEL } from '../../shared/contract/desktop';
import { DesktopMethodError, DesktopMethods, installDesktopIpc, type DesktopInvokeEvent } from './desktop-ipc';
import { isTrustedSender } from './window-options';

const ours = { sender: {}, senderFrame: { url: 'app://workbench/index.html' } };
const trusted = (url: string | undefined) => isTrustedSender(url, 'app://workbench/index.html');

function serve(methods: DesktopMethods) {
  let listener: ((e: DesktopInvokeEvent, ...args: unknown[]) => unknown) | null = null;
  let channel = '';
  installDesktopIpc({ handle: (c, l) => { channel = c; listener = l; } }, trusted, methods);
  expect(channel).toBe(DESKTOP_INVOKE_CHANNEL);
  return (event: DesktopInvokeEvent, method: unknown, req: unknown) => listener!(event, method, req);
}

describe('desktop IPC', () => {
  it('runs a registered method with the validated request and wraps its answer', async () => {
    const methods = new DesktopMethods();
    const handler = vi.fn(() => ({ command: 'highlight' }));
    methods.register('readerMenu', handler);
    const call = serve(methods);
    await expect(call(ours, 'readerMenu', { x: 10, y: 20 })).resolves.toEqual({ ok: true, value: { command: 'highlight' } });
    expect(handler).toHaveBeenCalledWith({ x: 10, y: 20 }, ours);
  });

  it('refuses an invalid request with a typed error, without calling the handler', async () => {
    const methods = new DesktopMethods();
    const handler = vi.fn();
    methods.register('readerMenu', handler);
    const call = serve(methods);
    const reply = await call(ours, 'readerMenu', { x: -5, y: 'top' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((reply as { error: { message: string } }).error.message).toMatch(/readerMenu: x: .*y: /);
    await expect(call(ours, 'saveExport', { kind: 'job' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses untrusted senders (file:, other origins, no frame) before anything else', async () => {
    const methods = new DesktopMethods();
    const handler = vi.fn();
    methods.register('readerMenu', handler);
    const call = serve(methods);
    for (const frame of [{ url: 'file:///tmp/evil.html' }, { url: 'https://evil.example/' }, null]) {
      const reply = await call({ sender: {}, senderFrame: frame }, 'readerMenu', { x: 1, y: 1 });
      expect(reply).toEqual({ ok: false, error: { code: 'invalid_request', message: 'Refused: request from an untrusted frame.' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers unknown methods, inherited names and methods nobody registered with typed errors', async () => {
    const call = serve(new DesktopMethods());
    await expect(call(ours, 'openDevTools', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await expect(call(ours, 'toString', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await expect(call(ours, 42, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    await expect(call(ours, 'saveExport', { kind: 'job', jobId: 'j1' })).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('a DesktopMethodError keeps its own code and message (an expected failure, not a bug)', async () => {
    const methods = new DesktopMethods();
    methods.register('saveExport', () => { throw new DesktopMethodError('export_failed', 'The PDF could not be printed.'); });
    const call = serve(methods);
    await expect(call(ours, 'saveExport', { kind: 'job', jobId: 'j1' })).resolves.toEqual({ ok: false, error: { code: 'export_failed', message: 'The PDF could not be printed.' } });
  });

  it('a handler that throws becomes an internal error, and a method cannot be registered twice', async () => {
    const methods = new DesktopMethods();
    methods.register('saveExport', () => { throw new Error('disk full'); });
    expect(() => methods.register('saveExport', () => null)).toThrow(/registered twice/);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const call = serve(methods);
    await expect(call(ours, 'saveExport', { kind: 'graph', format: 'graphml' })).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'saveExport failed: disk full' } });
    spy.mockRestore();
  });
});
