/** Turns what Node's fetch (undici) throws into a CaptureError that says, in plain words, what went wrong. */
import { STATUS_CODES } from 'node:http';
import type { CaptureFailure } from '../../../shared/domain/capture';
import type { CaptureError } from './types';

/** Where the failure happened: the URL the analyst gave, and the hop being fetched when it failed (after redirects). */
export interface FetchPlace {
  requestedUrl: string;
  currentUrl: string;
}

/** Every message starts with the requested URL; a failure after redirects also names the address that failed. */
export function captureError(place: FetchPlace, reason: CaptureFailure, what: string, status?: number): CaptureError {
  // The fragment of the requested URL is never fetched, so it does not make the current hop a different address.
  const via = place.currentUrl !== place.requestedUrl.split('#')[0] ? ` (after redirects, at ${place.currentUrl})` : '';
  return { reason, url: place.requestedUrl, ...(status === undefined ? {} : { status }), message: `${place.requestedUrl}${via}: ${what}` };
}

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** "404 Not Found": the server's own reason phrase, or the standard one when it sent none (HTTP/2 never does). */
export function statusLine(status: number, statusText: string): string {
  const reason = statusText.trim() || STATUS_CODES[status] || 'an error';
  return `${status} ${reason}`;
}

/** Every error code and message along the cause chain (undici wraps the socket's error; happy-eyeballs aggregates). */
function errorTrail(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (e === null || typeof e !== 'object' || seen.has(e) || depth > 6) return;
    seen.add(e);
    const { code, message, cause, errors } = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof message === 'string') messages.push(message);
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
    visit(cause, depth + 1);
  };
  visit(error, 0);
  return { codes, messages };
}

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(?:VERIFY|GET)|DEPTH_ZERO|HOSTNAME_MISMATCH/;
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'ECONNABORTED',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Classifies a network-level failure (not an abort: the caller checks its own timer and signal first). */
export function networkError(place: FetchPlace, error: unknown): CaptureError {
  const { codes, messages } = errorTrail(error);
  const host = safeHost(place.currentUrl);
  const detail = messages.filter((m) => m !== 'fetch failed' && m !== 'terminated').at(-1) ?? String(error);
  const has = (code: string): boolean => codes.includes(code);
  if (has('ENOTFOUND') || has('EAI_AGAIN') || has('EAI_NONAME') || has('EAI_FAIL')) {
    const temporary = has('EAI_AGAIN') ? ' (the name server did not answer; try again later)' : '';
    return captureError(place, 'dns', `the name ${host} could not be found (DNS lookup failed)${temporary}`);
  }
  if (codes.some((c) => TLS_CODE.test(c)) || messages.some((m) => /certificate|ssl|tls/i.test(m))) {
    return captureError(place, 'tls', `the secure connection to ${host} failed: its certificate was not accepted (${detail})`);
  }
  if (codes.some((c) => TIMEOUT_CODES.has(c))) {
    return captureError(place, 'timeout', `${host} did not answer in time (${detail})`);
  }
  if (has('ECONNREFUSED')) return captureError(place, 'connection', `${host} refused the connection (nothing is listening there)`);
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('EPIPE')) {
    return captureError(place, 'connection', `the connection to ${host} was cut off before the page arrived (${detail})`);
  }
  if (codes.some((c) => CONNECTION_CODES.has(c))) return captureError(place, 'connection', `${host} could not be reached (${detail})`);
  if (codes.some((c) => c.startsWith('HPE_'))) {
    return captureError(place, 'connection', `${host} answered with something that is not valid HTTP (${detail})`);
  }
  // zlib's codes (Z_DATA_ERROR …) and brotli's (ERR__ERROR_FORMAT_PADDING_2 …), raised while undici unpacks the body.
  if (codes.some((c) => c.startsWith('Z_') || c.startsWith('ERR__ERROR_') || c.includes('BROTLI'))) {
    return captureError(place, 'decode', `the page's compressed body could not be unpacked (${detail})`);
  }
  if (messages.includes('bad port')) {
    return captureError(place, 'invalid_url', `port ${safePort(place.currentUrl)} belongs to another protocol and web pages are never fetched from it`);
  }
  return captureError(place, 'connection', `the page could not be fetched (${detail})`);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function safePort(url: string): string {
  try {
    return new URL(url).port;
  } catch {
    return '?';
  }
}
