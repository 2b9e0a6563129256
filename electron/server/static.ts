/**
 * Browser mode's static files: the built renderer, read once and kept in memory with a gzip copy, served with
 * cache headers that let a browser keep the hashed bundle (issue 14: a cold page spent most of its time fetching it).
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type http from 'node:http';

const gzip = promisify(zlib.gzip);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/** Text types shrink 3–5× with gzip; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt']);

/**
 * Files under assets/ carry a content hash in their name (Vite), so a name never changes meaning: the browser may
 * keep them for a year without asking. Anything else (index.html) is revalidated on every load, cheaply, by ETag.
 */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

interface Loaded {
  body: Buffer;
  gzipped: Buffer | null;
  etag: string;
  type: string;
  /** Identifies the file version on disk: a rebuild replaces the entry. */
  stamp: string;
}

export interface StaticFiles {
  /** Answers GET/HEAD for `pathname`; `headers` are the security headers every response carries. */
  serve(pathname: string, req: http.IncomingMessage, res: http.ServerResponse, headers: Record<string, string>): Promise<void>;
  /** Reads and compresses the bundle ahead of the first page, off the event loop (zlib runs on the thread pool). */
  warm(): Promise<void>;
}

/** The file a request path names inside `root`, or null when it is outside it or not a file. */
function resolveFile(root: string, pathname: string): string | null {
  const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

const acceptsGzip = (req: http.IncomingMessage): boolean => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

export function staticFiles(rendererDir: string): StaticFiles {
  const root = path.resolve(rendererDir);
  const cache = new Map<string, Promise<Loaded>>();

  async function load(file: string): Promise<Loaded> {
    const st = await fs.promises.stat(file);
    const stamp = `${st.size}:${st.mtimeMs}`;
    const cached = cache.get(file);
    if (cached) {
      const entry = await cached;
      if (entry.stamp === stamp) return entry;
    }
    const loading = (async (): Promise<Loaded> => {
      const body = await fs.promises.readFile(file);
      const ext = path.extname(file);
      const gzipped = COMPRESSIBLE.has(ext) && body.length > 1024 ? await gzip(body, { level: 9 }) : null;
      const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { body, gzipped, etag, type: MIME[ext] ?? 'application/octet-stream', stamp };
    })();
    cache.set(file, loading);
    // A failed read is not remembered: the next request tries again.
    loading.catch(() => cache.delete(file));
    return loading;
  }

  return {
    async serve(pathname, req, res, headers) {
      const file = resolveFile(root, pathname);
      if (!file) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Not found');
        return;
      }
      const entry = await load(file);
      const immutable = path.relative(root, file).split(path.sep)[0] === 'assets';
      const common = {
        ...headers,
        'Content-Type': entry.type,
        'Cache-Control': immutable ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
        ETag: entry.etag,
        Vary: 'Accept-Encoding',
      };
      if (req.headers['if-none-match'] === entry.etag) {
        res.writeHead(304, common);
        res.end();
        return;
      }
      const body = entry.gzipped && acceptsGzip(req) ? entry.gzipped : entry.body;
      res.writeHead(200, { ...common, 'Content-Length': String(body.length), ...(body === entry.gzipped ? { 'Content-Encoding': 'gzip' } : {}) });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    async warm() {
      const assets = path.join(root, 'assets');
      const names = fs.existsSync(assets) ? fs.readdirSync(assets).map((n) => path.join(assets, n)) : [];
      await Promise.all([path.join(root, 'index.html'), ...names].map((f) => load(f).catch(() => undefined)));
    },
  };
}
