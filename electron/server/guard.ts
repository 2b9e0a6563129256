/** Browser-mode request guard: loopback Host/Origin only (DNS-rebinding defence), then the per-launch token for the API. */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../../shared/contract/transport';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_HOSTS.some((h) => host.toLowerCase() === `${h}:${port}`);
}

function allowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  return LOOPBACK_HOSTS.some((h) => origin.toLowerCase() === `http://${h}:${port}`);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function tokenVerdict(given: string | undefined, token: string): GuardVerdict {
  if (!given) return { ok: false, status: 401, reason: 'missing token' };
  if (!safeEqual(given, token)) return { ok: false, status: 401, reason: 'wrong token' };
  return { ok: true };
}

/** Checked first, for every request and before its URL is even parsed, so a rebinding page learns nothing. */
export function checkHostAndOrigin(req: IncomingMessage, port: number): GuardVerdict {
  if (!allowedHost(req.headers.host, port)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (!allowedOrigin(typeof origin === 'string' ? origin : undefined, port)) {
    return { ok: false, status: 403, reason: 'foreign Origin header' };
  }
  return { ok: true };
}

/**
 * The API needs the token in the request header and nowhere else. Cookies are never read: they are not bound to a
 * port, so any local server could read ours or plant its own (README, Browser mode). Static files are the public
 * app bundle and are served without the token (the page takes it from the launch URL); a launch URL whose `?token=`
 * is wrong is still refused, so a link from an earlier launch fails at once and says why.
 */
export function checkToken(req: IncomingMessage, token: string, target: { api: boolean; queryToken: string | null }): GuardVerdict {
  if (target.api) {
    const header = req.headers[TOKEN_HEADER];
    return tokenVerdict(typeof header === 'string' ? header : undefined, token);
  }
  return target.queryToken === null ? { ok: true } : tokenVerdict(target.queryToken, token);
}

export const newToken = (): string => crypto.randomBytes(24).toString('base64url');
