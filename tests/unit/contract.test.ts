/** The contract, main's handlers and the preload bridge name exactly the same methods. */
import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, api } from '../../shared/contract/api';
import { createHandlers } from '../../electron/services/api/handlers';
import { dispatch } from '../../electron/services/api/dispatch';
import { Workbench } from '../../electron/services/workbench/workbench';
import { tempDir } from './helpers';

const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => { exposed[key] = value; } },
  ipcRenderer: { invoke: vi.fn(async (_ch: string, m: string) => ({ ok: true, value: m })) },
}));

describe('API contract', () => {
  it('main serves every declared method and nothing else', async () => {
    const wb = await Workbench.open(tempDir());
    const handlers = createHandlers(wb, { seeded: false });
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    await wb.close();
  });

  it('the preload bridge exposes exactly the declared methods, each forwarding over IPC', async () => {
    await import('../../electron/preload/index');
    const bridge = exposed.workbench as Record<string, (req: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(api).sort());
    await expect(bridge['sources.list']!({})).resolves.toEqual({ ok: true, value: 'sources.list' });
  });

  it('a malformed request gets a typed error and never reaches the store', async () => {
    const wb = await Workbench.open(tempDir());
    const handlers = createHandlers(wb, { seeded: false });
    const before = wb.state.history.undo.length;
    for (const bad of [null, 42, 'x', [], { sourceId: 5 }, { sourceId: 'a', start: -1, end: 3 }, { sourceId: 'a', start: 5, end: 2 }, { sourceId: 'a', start: 0, end: 1, extra: true }]) {
      const r = await dispatch(handlers, 'highlights.create', bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_request');
    }
    const unknown = await dispatch(handlers, 'fs.readFile', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(wb.state.history.undo.length).toBe(before);
    await wb.close();
  });

  it('a handler that throws becomes an internal error value, not a crash', async () => {
    const wb = await Workbench.open(tempDir());
    const handlers = { ...createHandlers(wb, { seeded: false }), 'sources.list': async () => { throw new Error('boom'); } };
    const r = await dispatch(handlers, 'sources.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    await wb.close();
  });
});
