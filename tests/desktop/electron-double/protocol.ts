/**
 * `protocol`: a handled standard scheme (app://workbench/…) is served to Chromium from a loopback HTTP server per
 * origin. Each request reaches the registered handler as a real WHATWG Request with the app:// URL, its Response is
 * streamed back after the default session's onHeadersReceived, and URLs are mapped back so main sees app://… again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { DoubleContext } from './context';

type Handler = (request: Request) => Response | Promise<Response>;
interface Served { origin: string; loopback: string; server: http.Server }

export class ProtocolDouble {
  readonly privileged: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, Handler>();
  private readonly served = new Map<string, Promise<Served>>();
  private readonly byLoopback = new Map<string, string>();

  constructor(private readonly ctx: DoubleContext) {}

  /** Electron allows this only before 'ready' (and the privileges only take effect then). */
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    if (this.ctx.app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: Handler): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void { this.handlers.delete(scheme); }
  isProtocolHandled(scheme: string): boolean { return this.handlers.has(scheme); }

  /** The loopback URL Chromium loads for `url`, or null when `url` is not of a handled scheme. */
  async toLoopback(url: string): Promise<string | null> {
    const u = new URL(url);
    const scheme = u.protocol.slice(0, -1);
    if (!this.handlers.has(scheme)) return null;
    if (!this.privileged.some((p) => p.scheme === scheme && p.privileges.standard)) {
      throw new Error(`The electron double serves only standard schemes (registerSchemesAsPrivileged with standard: true), not ${scheme}:`);
    }
    const origin = `${scheme}://${u.host}`;
    let s = this.served.get(origin);
    if (!s) this.served.set(origin, (s = this.serve(origin, scheme)));
    const { loopback } = await s;
    return loopback + u.pathname + u.search + u.hash;
  }

  /** The app:// URL a loopback URL stands for (what Electron would report for the frame), or null when it is not one. */
  fromLoopback(url: string): string | null {
    try {
      const u = new URL(url);
      const origin = this.byLoopback.get(u.origin);
      return origin ? origin + u.pathname + u.search + u.hash : null;
    } catch {
      return null;
    }
  }

  private async serve(origin: string, scheme: string): Promise<Served> {
    const server = http.createServer((req, res) => {
      this.answer(origin, scheme, req, res).catch((e: unknown) => {
        this.ctx.record('protocol.handler-error', { url: req.url, error: String(e) });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`The ${scheme}: handler failed: ${String(e)}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const loopback = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.byLoopback.set(loopback, origin);
    this.ctx.disposers.push(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
    return { origin, loopback, server };
  }

  private async answer(origin: string, scheme: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const handler = this.handlers.get(scheme);
    // `new URL` resolves dot segments, as Chromium would before Electron sees the request.
    const url = new URL(req.url ?? '/', origin).href;
    const method = (req.method ?? 'GET').toUpperCase();
    if (!handler) {
      res.writeHead(404).end('ERR_UNKNOWN_URL_SCHEME');
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined && !['host', 'connection'].includes(k)) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    const body = method === 'GET' || method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream);
    const request = new Request(url, { method, headers, body, duplex: 'half' } as RequestInit);
    const response = await handler(request);
    const responseHeaders: Record<string, string[]> = {};
    response.headers.forEach((v, k) => { (responseHeaders[k] ??= []).push(v); });
    const final = await this.ctx.sessions.defaultSession.headersReceived({ url, method, statusCode: response.status, responseHeaders, resourceType: 'other' });
    res.writeHead(response.status, Object.fromEntries(Object.entries(final).map(([k, v]) => [k, v.length === 1 ? v[0]! : v])));
    if (!response.body || method === 'HEAD') {
      res.end();
      return;
    }
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
  }
}
