/** The `app://workbench/` scheme the renderer is served from: one origin, real response headers, nothing outside out/renderer. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CSP } from '../../shared/contract/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The slice of Electron's `protocol` module this needs (injected, so tests never load Electron). */
export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
}

/**
 * Must run before `app` is ready. `standard` gives the scheme real origins and relative-URL resolution, `secure`
 * makes it a secure context like https, `supportFetchAPI` lets the renderer fetch its own assets.
 * Deliberately not bypassCSP, corsEnabled, allowServiceWorkers or stream: nothing here needs them.
 */
export function registerAppScheme(protocolApi: SchemeRegistrar): void {
  protocolApi.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types are served as opaque bytes; with nosniff the renderer will not run or style them. */
export const contentTypeFor = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Sent with every answer, 404s included, so no response of this origin is ever without the policy. */
const baseHeaders = (): Record<string, string> => ({ 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' });

const refuse = (status: 404 | 405): Response =>
  new Response(status === 404 ? 'Not found' : 'Method not allowed', { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The path segments of a request, or null when the URL is not ours or any segment could climb out of the folder.
 * Segments are checked after percent-decoding, so `%2e%2e`, `..%2f` and `%5c` are caught even where the URL parser kept them.
 */
export function requestSegments(rawUrl: string): string[] | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) return null;
  const pathname = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      return null; // malformed escape
    }
    // Empty (`//etc/passwd`), dot segments, separators of any OS, NUL and drive letters (`C:`) never name a renderer file.
    if (s === '' || s === '.' || s === '..' || /[/\\\0]/.test(s) || /^[a-z]:/i.test(s)) return null;
    segments.push(s);
  }
  return segments;
}

/** Resolves a request to a regular file whose real path (symlinks followed) lies inside the real renderer folder. */
async function resolveInside(rendererDir: string, segments: string[]): Promise<string | null> {
  try {
    const root = await fs.realpath(rendererDir);
    const real = await fs.realpath(path.join(root, ...segments));
    const rel = path.relative(root, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    return (await fs.stat(real)).isFile() ? real : null;
  } catch {
    return null; // missing file or folder: a plain 404
  }
}

/** The handler for `protocol.handle('app', …)`: plain Node plus the WHATWG Response, so it is tested without Electron. */
export function appRequestHandler(rendererDir: string) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return refuse(405);
    const segments = requestSegments(request.url);
    const file = segments && (await resolveInside(rendererDir, segments));
    if (!file) return refuse(404);
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return refuse(404); // vanished between stat and read (a rebuild in progress)
    }
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...baseHeaders(), 'Content-Type': contentTypeFor(file), 'Content-Length': String(body.length) },
    });
  };
}
