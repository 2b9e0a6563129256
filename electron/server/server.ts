/** Browser mode: serves the built renderer and the API contract over HTTP on 127.0.0.1, behind Host/Origin checks and a per-launch token. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../services/api/dispatch';
import type { ApiHandlers } from '../../shared/contract/api';
import { HTTP_API_PREFIX, TOKEN_QUERY } from '../../shared/contract/transport';
import { checkHostAndOrigin, checkToken, newToken } from './guard';
import { BadRequest, parseJsonBody, parseTarget, readBodyBytes } from './request';
import { CSP } from '../../shared/contract/csp';
import { staticFiles, type StaticFiles } from './static';
import { EXTENSION_PREFIX, handleExtensionRequest, type ExtensionEndpointContext } from '../services/capture/extension-endpoint';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Any page on 127.0.0.1, whatever its port, can plant cookies that the browser then sends to us too; Node's default
 * 16 KB header limit would let a cookie bomb make every request fail with 431 and blank the app. Chromium sends at
 * most about 180 cookies of 4 KB for a host, so 1 MB covers the worst case.
 */
const MAX_HEADER_BYTES = 1024 * 1024;

export interface ServerOptions {
  handlers: ApiHandlers;
  rendererDir: string;
  port?: number;
  token?: string;
  /** The browser extension's endpoint under /extension/ (its own checks and pairing token; see extension-endpoint.ts). */
  extension?: ExtensionEndpointContext;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

async function serveApi(handlers: ApiHandlers, method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'Use POST.');
  const body = parseJsonBody(await readBodyBytes(req));
  // Refused bodies never reach a handler, so nothing is saved from them.
  const reply = body.ok ? await dispatch(handlers, method, body.value) : body;
  send(res, 200, JSON.stringify(reply), 'application/json');
}

async function handle(opts: ServerOptions, files: StaticFiles, port: number, token: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // The extension's requests carry its Origin and its pairing token, never the launch token: they are checked there.
  if (opts.extension && req.url?.startsWith(EXTENSION_PREFIX)) return handleExtensionRequest(opts.extension, port, req, res);
  const place = checkHostAndOrigin(req, port);
  if (!place.ok) return send(res, place.status, `Refused: ${place.reason}.`);
  const target = parseTarget(req.url);
  const api = target.path.startsWith(HTTP_API_PREFIX);
  const verdict = checkToken(req, token, { api, queryToken: target.queryToken });
  if (!verdict.ok) return send(res, verdict.status, `Refused: ${verdict.reason}.`);
  if (api) return serveApi(opts.handlers, target.path.slice(HTTP_API_PREFIX.length), req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
  // No Set-Cookie: the page keeps the launch token itself and sends it as a header (renderer/src/api/transport.ts).
  await files.serve(target.path, req, res, SECURITY_HEADERS);
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;
  const files = staticFiles(opts.rendererDir);
  // The bundle is read and compressed while the workspace opens, not when the first page asks for it.
  void files.warm();
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(opts, files, port, token, req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof BadRequest) return send(res, e.status, e.message);
      // A bug, not bad input: logged here, and the client learns nothing about it.
      console.error('[workbench] browser-mode request failed:', e);
      send(res, 500, 'Internal error.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_QUERY}=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
