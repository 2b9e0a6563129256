/** Browser-mode request guard: loopback Host/Origin only (DNS-rebinding defence) and the per-launch token. */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_COOKIE, TOKEN_HEADER } from '../../shared/contract/transport';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_HOSTS.some((h) => host.toLowerCase() === `${h}:${port}`);
}

export function allowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  return LOOPBACK_HOSTS.some((h) => origin.toLowerCase() === `http://${h}:${port}`);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  const raw = req.headers.cookie;
  if (!raw) return undefined;
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Checks host and origin first (so a rebinding page learns nothing), then the token from header, query or cookie. */
export function checkRequest(req: IncomingMessage, port: number, token: string, queryToken: string | null): GuardVerdict {
  if (!allowedHost(req.headers.host, port)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (!allowedOrigin(typeof origin === 'string' ? origin : undefined, port)) {
    return { ok: false, status: 403, reason: 'foreign Origin header' };
  }
  const header = req.headers[TOKEN_HEADER];
  const given = (typeof header === 'string' ? header : undefined) ?? queryToken ?? cookieToken(req);
  if (!given) return { ok: false, status: 401, reason: 'missing token' };
  if (!safeEqual(given, token)) return { ok: false, status: 401, reason: 'wrong token' };
  return { ok: true };
}

export const newToken = (): string => crypto.randomBytes(24).toString('base64url');
