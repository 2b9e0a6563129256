/** The browser extension's HTTP endpoint: POST /extension/pair and /extension/capture, on loopback, for paired senders only. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeUtf8 } from '../import/checks';
import { DEFAULT_MAX_BYTES } from '../import/types';
import type { Workbench } from '../workbench/workbench';
import { checkExtensionRequest } from './extension-guard';
import { pairingFor } from './extension-pairing';
import { importPostedPage, postedPageSchema, type CaptureFetched } from './extension-capture';

/** Requests under this path are the extension's: they carry a pairing token, never the app's launch token. */
export const EXTENSION_PREFIX = '/extension/';
/** Where the desktop app listens for the extension unless the port is taken (the pairing code tells the real one). */
export const DEFAULT_EXTENSION_PORT = 47615;
/** A page as the same 50 MB the import accepts, JSON framing included. */
export const MAX_CAPTURE_BODY = DEFAULT_MAX_BYTES;
const MAX_PAIR_BODY = 4096;

export interface ExtensionEndpointContext {
  /** The workbench open now, or null (opening, recovery mode, closed). */
  workbench(): Workbench | null;
  /** The URL-capture path the posted page goes through (capture-url.ts). */
  captureFetched: CaptureFetched;
}

class Refusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function reply(res: http.ServerResponse, corsOrigin: string | null, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Origin',
    ...(corsOrigin ? { 'Access-Control-Allow-Origin': corsOrigin } : {}),
  });
  res.end(JSON.stringify(body));
}

function readJson(req: http.IncomingMessage, max: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (declared > max) return Promise.reject(tooLarge(max));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(tooLarge(max));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => {
      const decoded = decodeUtf8(Buffer.concat(chunks));
      if (!decoded.ok) return reject(new Refusal(400, 'invalid_request', 'The request body is not valid UTF-8.'));
      try {
        resolve(JSON.parse(decoded.text));
      } catch (e) {
        reject(new Refusal(400, 'invalid_request', `The request body is not valid JSON: ${(e as Error).message}`));
      }
    });
  });
}

const tooLarge = (max: number) => new Refusal(413, 'too_large', `The page is larger than ${Math.round(max / 1024 / 1024)} MB, the import limit.`);

function openWorkbench(ctx: ExtensionEndpointContext): Workbench {
  const wb = ctx.workbench();
  if (!wb) throw new Refusal(503, 'unavailable', 'The workbench has no workspace open right now (it is opening or in recovery mode).');
  return wb;
}

async function pair(ctx: ExtensionEndpointContext, req: http.IncomingMessage): Promise<unknown> {
  const body = (await readJson(req, MAX_PAIR_BODY)) as { code?: unknown; name?: unknown } | null;
  const r = pairingFor(openWorkbench(ctx).store.dir).pair(body?.code, body?.name);
  if (!r.ok) throw new Refusal(r.reason === 'rate_limited' ? 429 : r.reason === 'invalid_name' ? 400 : 403, r.reason, r.message);
  return { ok: true, token: r.token, id: r.pairing.id };
}

async function capture(ctx: ExtensionEndpointContext, req: http.IncomingMessage): Promise<unknown> {
  const wb = openWorkbench(ctx);
  // The token is checked before a byte of the body is read: an unpaired sender cannot make us buffer 50 MB.
  const auth = req.headers.authorization;
  const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  if (!token) throw new Refusal(401, 'unpaired', 'This browser is not paired with the workbench (no token was sent).');
  if (!pairingFor(wb.store.dir).authenticate(token)) {
    throw new Refusal(401, 'unpaired', 'This browser is not paired with the workbench (the token is unknown or was revoked).');
  }
  const parsed = postedPageSchema.safeParse(await readJson(req, MAX_CAPTURE_BODY));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Refusal(400, 'invalid_request', `The extension sent a bad request: ${issue.path.join('.') || 'body'}: ${issue.message}.`);
  }
  const ua = req.headers['user-agent'];
  const r = await importPostedPage(ctx.workbench() ?? wb, parsed.data, { captureFetched: ctx.captureFetched, userAgentHeader: typeof ua === 'string' ? ua : undefined });
  if (!r.ok) throw new Refusal(r.error.code === 'storage_failed' ? 500 : 422, r.error.code, r.error.message);
  return r.value;
}

/** Answers one request whose path starts with EXTENSION_PREFIX; `port` is the one this server listens on. */
export async function handleExtensionRequest(
  ctx: ExtensionEndpointContext, port: number, req: http.IncomingMessage, res: http.ServerResponse,
): Promise<void> {
  const verdict = checkExtensionRequest(req, port);
  if (!verdict.ok) return reply(res, null, verdict.status, { ok: false, code: 'forbidden', message: `Refused: ${verdict.reason}.` });
  const cors = verdict.corsOrigin;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      Vary: 'Origin', 'Cache-Control': 'no-store',
      ...(cors ? {
        'Access-Control-Allow-Origin': cors, 'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '600',
      } : {}),
    });
    return void res.end();
  }
  const path = (req.url ?? '').split('?')[0];
  const route = path === `${EXTENSION_PREFIX}pair` ? pair : path === `${EXTENSION_PREFIX}capture` ? capture : null;
  try {
    if (!route) throw new Refusal(404, 'not_found', `No such extension request: ${path}.`);
    if (req.method !== 'POST') throw new Refusal(405, 'method_not_allowed', 'Use POST.');
    reply(res, cors, 200, await route(ctx, req));
  } catch (e) {
    if (!(e instanceof Refusal)) {
      console.error('[workbench] extension request failed:', e);
      return reply(res, cors, 500, { ok: false, code: 'internal', message: 'Internal error.' });
    }
    // A refused body may still be arriving: answer, then close so the rest is not read.
    if (!req.complete) res.setHeader('Connection', 'close');
    reply(res, cors, e.status, { ok: false, code: e.code, message: e.message });
  }
}

export interface ExtensionListener {
  /** e.g. http://127.0.0.1:47615 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The desktop app's own listener (browser mode mounts the handler on its server instead). */
export async function startExtensionListener(ctx: ExtensionEndpointContext, port = DEFAULT_EXTENSION_PORT): Promise<ExtensionListener> {
  let bound = port;
  const server = http.createServer((req, res) => {
    if (!(req.url ?? '').startsWith(EXTENSION_PREFIX) && req.method !== 'OPTIONS') {
      return reply(res, null, 404, { ok: false, code: 'not_found', message: 'Not found.' });
    }
    void handleExtensionRequest(ctx, bound, req, res);
  });
  const listen = (p: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(p, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  try {
    await listen(port);
  } catch (e) {
    // Another program (or a second workbench) has the port: any free one, and the pairing code says which.
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw e;
    await listen(0);
  }
  bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
