/** Browser mode: serves the built renderer and the API contract over HTTP on 127.0.0.1, guarded by a per-launch token. */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../services/api/dispatch';
import type { ApiHandlers } from '../../shared/contract/api';
import { HTTP_API_PREFIX, TOKEN_COOKIE, TOKEN_QUERY } from '../../shared/contract/transport';
import { checkRequest, newToken } from './guard';
import { CSP } from '../../shared/contract/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};


const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Largest request body: a 50 MB file as base64 plus JSON framing. */
const MAX_BODY = 72 * 1024 * 1024;

export interface ServerOptions {
  handlers: ApiHandlers;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(rendererDir: string, pathname: string, res: http.ServerResponse, setCookie: string | null): void {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(rendererDir, rel);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    send(res, 404, 'Not found');
    return;
  }
  const extra: Record<string, string> = setCookie ? { 'Set-Cookie': setCookie } : {};
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', ...extra });
  fs.createReadStream(file).pipe(res);
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const queryToken = url.searchParams.get(TOKEN_QUERY);
      const verdict = checkRequest(req, port, token, queryToken);
      if (!verdict.ok) return send(res, verdict.status, `Refused: ${verdict.reason}.`);
      if (url.pathname.startsWith(HTTP_API_PREFIX)) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST.');
        const method = url.pathname.slice(HTTP_API_PREFIX.length);
        let body: unknown;
        try {
          const raw = await readBody(req);
          body = raw === '' ? {} : JSON.parse(raw);
        } catch (e) {
          const reply = { ok: false, error: { code: 'invalid_request', message: `Request body is not valid JSON: ${(e as Error).message}` } };
          return send(res, 200, JSON.stringify(reply), 'application/json');
        }
        const reply = await dispatch(opts.handlers, method, body);
        return send(res, 200, JSON.stringify(reply), 'application/json');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
      // The launch URL's token becomes a same-site cookie so the page's own asset requests pass the guard.
      const cookie = queryToken ? `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/` : null;
      serveStatic(opts.rendererDir, url.pathname, res, cookie);
    } catch (e) {
      send(res, 500, `Internal error: ${(e as Error).message}`);
    }
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
