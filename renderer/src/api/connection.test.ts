/** The connection monitor: what each reply says about the tab's link to its server, and that a dead token stays dead. */
import { describe, expect, it } from 'vitest';
import { ConnectionMonitor } from './connection';

const ok = { ok: true as const, value: {} };
const problem = (transport: string) => ({ ok: false as const, error: { code: 'internal' as const, message: transport, details: { transport } } });
const handlerError = { ok: false as const, error: { code: 'not_found' as const, message: 'No source s1' } };

describe('ConnectionMonitor', () => {
  it('goes unreachable and back to ok, and a handler error still means the server took the token', async () => {
    let next: typeof ok | ReturnType<typeof problem> = problem('unreachable');
    const m = new ConnectionMonitor(async () => next);
    const seen: string[] = [];
    m.subscribe(() => seen.push(m.state));
    await m.checkNow();
    expect(m.state).toBe('unreachable');
    next = ok;
    await m.checkNow();
    expect(m.state).toBe('ok');
    m.observe(problem('unreachable'));
    m.observe(handlerError);
    expect(m.state).toBe('ok');
    expect(seen).toEqual(['unreachable', 'ok', 'unreachable', 'ok']);
  });

  it('keeps a refused token refused (only a new launch URL helps) and stops checking', async () => {
    let checks = 0;
    const m = new ConnectionMonitor(async () => { checks++; return ok; });
    m.observe(problem('refused'));
    m.observe(ok);
    await m.checkNow();
    expect(m.state).toBe('refused');
    expect(checks).toBe(0);
  });
});
