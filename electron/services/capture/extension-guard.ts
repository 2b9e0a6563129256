/** Who may talk to the extension endpoint: loopback peers, a loopback Host, and no web page's Origin. */
import type { IncomingMessage } from 'node:http';

export type ExtensionVerdict =
  | { ok: true; /** The extension origin to answer CORS for, or null when the request carried no Origin. */ corsOrigin: string | null }
  | { ok: false; status: 403; reason: string };

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (what a dual-stack socket reports). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/** A DNS-rebinding page reaches us under its own host name: only loopback names on our port are ours. */
function loopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return ['127.0.0.1', 'localhost', '[::1]'].some((name) => h === `${name}:${port}`);
}

/** chrome-extension://<32 letters a–p> (Chromium) or moz-extension://<uuid> (Firefox); nothing else is an extension. */
export function isExtensionOrigin(origin: string): boolean {
  return /^chrome-extension:\/\/[a-p]{32}$/.test(origin)
    || /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(origin);
}

/**
 * Checked before the body is read. Browsers put an Origin on every cross-origin POST and on every preflight, so a web
 * page (http/https, or "null" from a sandboxed frame or file:) is refused here whatever it sends, and never gets a CORS
 * answer that would let it read ours. Requests without an Origin come from non-browser programs on this machine (or
 * from an extension with host permissions, where browsers may omit it); they still need the pairing token.
 */
export function checkExtensionRequest(req: IncomingMessage, port: number): ExtensionVerdict {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return { ok: false, status: 403, reason: 'not a loopback address' };
  if (!loopbackHost(req.headers.host, port)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = req.headers.origin;
  if (origin === undefined) return { ok: true, corsOrigin: null };
  if (typeof origin === 'string' && isExtensionOrigin(origin.toLowerCase())) return { ok: true, corsOrigin: origin };
  return { ok: false, status: 403, reason: 'requests from web pages are not accepted' };
}
