/** Picks how contract calls travel: the preload bridge (desktop) or POST /api/<method> with the launch token (browser). */
import type { ApiClient, MethodName } from '../../../shared/contract/api';
import type { ApiError } from '../../../shared/contract/define';
import {
  BRIDGE_GLOBAL, HTTP_API_PREFIX, TOKEN_HEADER, TOKEN_QUERY,
} from '../../../shared/contract/transport';
import type { Result } from '../../../shared/domain/result';

type AnyReply = Result<unknown, ApiError>;
type Invoke = (method: MethodName, request: unknown) => Promise<AnyReply>;

const TOKEN_STORAGE_KEY = 'workbench.token';

/**
 * Reads the launch token from `?token=…` (first load), keeps it in sessionStorage so reloads still work,
 * and removes it from the visible URL so it does not end up in screenshots, bookmarks or the history.
 */
export function takeLaunchToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY);
  let storage: Storage | null = null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null; // storage disabled: the token then lives only in memory
  }
  if (fromUrl) {
    storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY);
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
}

/** Why a browser-mode call never reached a handler: the tab has no token, the server refused it, or it is not answering. */
export type TransportProblem = 'no_token' | 'refused' | 'unreachable';

const failure = (message: string, transport?: TransportProblem): AnyReply =>
  ({ ok: false, error: { code: 'internal', message, ...(transport ? { details: { transport } } : {}) } });

/** The transport problem a reply reports, if any (handlers' own errors have none). */
export function transportProblem(reply: AnyReply): TransportProblem | null {
  if (reply.ok) return null;
  const t = (reply.error.details as { transport?: unknown } | undefined)?.transport;
  return t === 'no_token' || t === 'refused' || t === 'unreachable' ? t : null;
}

function isResult(body: unknown): body is AnyReply {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { message?: unknown } };
  return b.ok === true || (b.ok === false && typeof b.error?.message === 'string');
}

/** The token lives in this tab only (no cookie: see shared/contract/transport.ts), so a fresh tab has none. */
export const NO_TOKEN_MESSAGE =
  'This tab has no access token: open the launch URL printed by `npm run serve` (the one ending in ?token=…).';
const REFUSED_MESSAGE =
  'The workbench server refused this tab\'s access token (was it restarted?): open the launch URL printed by `npm run serve`.';

export function httpInvoke(token: string | null, fetchImpl: typeof fetch = fetch): Invoke {
  return async (method, request) => {
    // Without a token every call would be refused: say how to get one instead of asking the server.
    if (!token) return failure(NO_TOKEN_MESSAGE, 'no_token');
    let response: Response;
    try {
      response = await fetchImpl(`${HTTP_API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify(request ?? {}),
      });
    } catch (cause) {
      return failure(`Cannot reach the workbench server (${(cause as Error).message}). Is it still running?`, 'unreachable');
    }
    // The guard answers these in plain text ("Refused: wrong token."), so they are recognised before parsing.
    if (response.status === 401 || response.status === 403) return failure(REFUSED_MESSAGE, 'refused');
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure(`The workbench server answered ${response.status} ${response.statusText} without a readable reply.`);
    }
    if (isResult(body)) return body;
    return failure(`The workbench server sent an unexpected reply (${response.status}).`);
  };
}

type Bridge = Record<string, (request: unknown) => Promise<AnyReply>>;

function bridgeInvoke(bridge: Bridge): Invoke {
  return async (method, request) => {
    const fn = bridge[method];
    if (typeof fn !== 'function') return failure(`The desktop bridge does not offer "${method}".`);
    try {
      return await fn(request ?? {});
    } catch (cause) {
      return failure(`The desktop bridge failed on "${method}": ${(cause as Error).message}`);
    }
  };
}

/** A typed client whose methods are looked up by name, so it needs no runtime copy of the contract. */
export function clientFromInvoke(invoke: Invoke): ApiClient {
  return new Proxy({} as ApiClient, {
    get(_target, property) {
      // Only contract method names ("area.verb"); anything else (e.g. `then`) stays undefined.
      if (typeof property !== 'string' || !property.includes('.')) return undefined;
      return (request: unknown) => invoke(property as MethodName, request);
    },
  });
}

/** Whether calls go over HTTP (browser mode), where the server can restart or vanish under an open tab. */
export const isBrowserMode = (win: Window = window): boolean => {
  const bridge = (win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return !(bridge && typeof bridge === 'object');
};

/** `observe` sees every reply (the connection monitor learns from ordinary calls, not only from its own). */
export function createApiClient(win: Window = window, observe: (reply: AnyReply) => void = () => undefined): ApiClient {
  const bridge = (win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  const invoke = bridge && typeof bridge === 'object' ? bridgeInvoke(bridge as Bridge) : httpInvoke(takeLaunchToken(win));
  return clientFromInvoke(async (method, request) => {
    const reply = await invoke(method, request);
    observe(reply);
    return reply;
  });
}
