import { describe, expect, it } from 'vitest';
import { NO_TOKEN_MESSAGE, clientFromInvoke, httpInvoke, takeLaunchToken, transportProblem } from './transport';

function fakeWindow(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const win = {
    location: { href },
    sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
    history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
  } as unknown as Window;
  return { win, storage, replaced };
}

describe('takeLaunchToken', () => {
  it('takes the token from the URL, stores it and hides it from the address bar', () => {
    const { win, storage, replaced } = fakeWindow('http://127.0.0.1:5931/?token=abc123&x=1#/reader/s1');
    expect(takeLaunchToken(win)).toBe('abc123');
    expect([...storage.values()]).toEqual(['abc123']);
    expect(replaced).toEqual(['/?x=1#/reader/s1']);
  });

  it('falls back to the stored token after a reload', () => {
    const { win, replaced } = fakeWindow('http://127.0.0.1:5931/#/tags', { 'workbench.token': 'kept' });
    expect(takeLaunchToken(win)).toBe('kept');
    expect(replaced).toEqual([]);
  });
});

describe('httpInvoke', () => {
  it('POSTs the request to /api/<method> with the token header and returns the Result', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: [1] }), { status: 200 });
    }) as unknown as typeof fetch;
    const client = clientFromInvoke(httpInvoke('tok', fetchImpl));
    const reply = await client['highlights.list']({ sourceId: 's1' });
    expect(reply).toEqual({ ok: true, value: [1] });
    expect(seen[0]!.url).toBe('/api/highlights.list');
    expect(seen[0]!.init.method).toBe('POST');
    expect((seen[0]!.init.headers as Record<string, string>)['x-workbench-token']).toBe('tok');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ sourceId: 's1' });
  });

  it('turns network failures and unreadable replies into error Results with a clear message', async () => {
    const down = httpInvoke('t', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch);
    const downReply = await down('sources.list', {});
    expect(downReply.ok).toBe(false);
    expect(!downReply.ok && downReply.error.message).toMatch(/Cannot reach the workbench server \(Failed to fetch\)/);
    const html = httpInvoke('t', (async () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' })) as unknown as typeof fetch);
    const htmlReply = await html('sources.list', {});
    expect(!htmlReply.ok && htmlReply.error.message).toMatch(/502 Bad Gateway/);
  });

  it('without a token makes no request and says to open the launch URL', async () => {
    let requests = 0;
    const invoke = httpInvoke(null, (async () => { requests++; return new Response('{}'); }) as unknown as typeof fetch);
    const reply = await invoke('sources.list', {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: NO_TOKEN_MESSAGE, details: { transport: 'no_token' } } });
    expect(transportProblem(reply)).toBe('no_token');
    expect(NO_TOKEN_MESSAGE).toContain('open the launch URL printed by `npm run serve`');
    expect(requests).toBe(0);
  });

  it('explains a refused token (the guard answers 401/403 in plain text, not JSON)', async () => {
    for (const [status, text] of [[401, 'Refused: wrong token.'], [403, 'Refused: foreign Origin header.']] as const) {
      const invoke = httpInvoke('stale', (async () => new Response(text, { status })) as unknown as typeof fetch);
      const reply = await invoke('sources.list', {});
      expect(!reply.ok && reply.error.message, String(status)).toMatch(/refused this tab's access token .*open the launch URL/);
      expect(transportProblem(reply)).toBe('refused');
    }
  });

  it('passes server error Results through unchanged', async () => {
    const error = { code: 'not_found', message: 'No source s9' };
    const invoke = httpInvoke('t', (async () => new Response(JSON.stringify({ ok: false, error }), { status: 404 })) as unknown as typeof fetch);
    expect(await invoke('sources.open', { id: 's9' })).toEqual({ ok: false, error });
  });

  it('does not pretend to be a promise', () => {
    const client = clientFromInvoke(async () => ({ ok: true, value: null }));
    expect((client as unknown as { then?: unknown }).then).toBeUndefined();
  });
});
