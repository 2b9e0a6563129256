/** Fetches one web page for capture with Node's fetch: http(s) only, a time limit, a streamed size cap, manual redirects. */
import { version } from '../../../package.json';
import type { RedirectHop } from '../../../shared/domain/capture';
import { err, ok, type Result } from '../../../shared/domain/result';
import { DEFAULT_MAX_BYTES } from '../import/types';
import { acceptedType, parseContentType, readCapped, sniffType } from './fetch-body';
import { captureError, formatBytes, networkError, statusLine, type FetchPlace } from './fetch-errors';
import type { CaptureError, FetchedPage, FetchOptions, PageFetcher } from './types';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REDIRECTS = 10;

/** Honest: says who is asking, so a site owner can tell a capture from a browser. */
export const CAPTURE_USER_AGENT = `AnalystWorkbench/${version} (+capture)`;

/** What a browser asks for, with PDF and plain text welcome too; servers that negotiate then send the page, not an API. */
const REQUEST_HEADERS: Record<string, string> = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': CAPTURE_USER_AGENT,
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Content-codings undici's fetch decodes (we ask for no others). */
const KNOWN_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** The sentinel the timer aborts with, so a timeout is told apart from the caller's own abort. */
const TIMED_OUT = Symbol('capture fetch timed out');

/** Set-Cookie is dropped: the capture keeps no session, and a record must not carry someone's cookie. */
function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'set-cookie2') kept[name] = value;
  });
  return kept;
}

/** The WHATWG-parsed URL, or the reason it cannot be fetched. */
function checkUrl(place: FetchPlace, raw: string): URL | CaptureError {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return captureError(place, 'invalid_url', 'this is not a web address (it could not be parsed as a URL)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return captureError(place, 'unsupported_scheme', `only http and https addresses can be captured, not ${url.protocol.slice(0, -1)}:`);
  }
  if (url.username !== '' || url.password !== '') {
    return captureError(place, 'invalid_url', 'addresses with a user name or password in them are not fetched (remove the "user:password@" part)');
  }
  return url;
}

/**
 * Fetches a URL; never throws. Cookies: undici's fetch has no cookie jar, so a Set-Cookie from one hop is never sent on
 * the next, and none is sent at all (tested). Redirects are followed by hand so every hop is recorded and limited.
 */
export const fetchPage: PageFetcher = async (rawUrl, opts: FetchOptions = {}) => {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const given = rawUrl.trim();
  const first = checkUrl({ requestedUrl: given, currentUrl: given }, given);
  if (!(first instanceof URL)) return err(first);
  // The record keeps the address as given (fragment too); the fragment is never sent, so it is not fetched or compared.
  const place: FetchPlace = { requestedUrl: first.href, currentUrl: first.href };
  first.hash = '';

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  const onCallerAbort = (): void => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) controller.abort(opts.signal.reason);
  opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    return await fetchHops(first, place, { maxBytes, maxRedirects, signal: controller.signal });
  } catch (e) {
    if (controller.signal.aborted && controller.signal.reason === TIMED_OUT) {
      return err(captureError(place, 'timeout', `the page did not arrive within ${formatSeconds(timeoutMs)} (the server is too slow or stopped sending)`));
    }
    if (controller.signal.aborted) return err(captureError(place, 'aborted', 'the capture was cancelled'));
    return err(networkError(place, e));
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCallerAbort);
    controller.abort(); // Releases any socket still open (a cancelled body, an abandoned redirect response).
  }
};

const formatSeconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

interface HopLimits {
  maxBytes: number;
  maxRedirects: number;
  signal: AbortSignal;
}

/** The redirect loop; `place.currentUrl` follows the hop so an error names where it happened. */
async function fetchHops(first: URL, place: FetchPlace, limits: HopLimits): Promise<Result<FetchedPage, CaptureError>> {
  const redirects: RedirectHop[] = [];
  const visited = new Set<string>([first.href]);
  let url = first;
  for (;;) {
    place.currentUrl = url.href;
    const response = await fetch(url, { redirect: 'manual', headers: REQUEST_HEADERS, signal: limits.signal });
    if (!REDIRECT_STATUSES.has(response.status)) return finalPage(response, url, redirects, place, limits.maxBytes);
    await response.body?.cancel().catch(() => undefined); // A redirect's own body is never wanted.
    const location = response.headers.get('location');
    if (location === null || location.trim() === '') {
      return err(captureError(place, 'http_status',
        `the server answered ${statusLine(response.status, response.statusText)} but did not say where to go`, response.status));
    }
    // Relative Locations are resolved against the hop that sent them (RFC 9110 §10.2.2).
    const next = checkUrl(place, resolve(location, url));
    if (!(next instanceof URL)) return err({ ...next, message: `${next.message} (a redirect pointed to ${location})` });
    next.hash = '';
    redirects.push({ url: url.href, status: response.status, location: next.href });
    if (visited.has(next.href)) {
      return err(captureError(place, 'redirect_loop',
        `the redirects go round in a circle (back to ${next.href}); the site may want cookies, which a capture does not keep`));
    }
    if (redirects.length > limits.maxRedirects) {
      return err(captureError(place, 'too_many_redirects', `the server redirected more than ${limits.maxRedirects} times`));
    }
    // An https → http downgrade is followed (old sites do it) and stays visible in the recorded chain.
    visited.add(next.href);
    url = next;
  }
}

function resolve(location: string, base: URL): string {
  try {
    return new URL(location.trim(), base).href;
  } catch {
    return location;
  }
}

/** The answer that is not a redirect: its status, type and body, within the size cap. */
async function finalPage(response: Response, url: URL, redirects: RedirectHop[], place: FetchPlace, maxBytes: number): Promise<Result<FetchedPage, CaptureError>> {
  const refuse = async (e: CaptureError): Promise<Result<FetchedPage, CaptureError>> => {
    await response.body?.cancel().catch(() => undefined);
    return err(e);
  };
  if (response.status < 200 || response.status > 299) {
    return refuse(captureError(place, 'http_status', `the server answered ${statusLine(response.status, response.statusText)}`, response.status));
  }
  const { mediaType, charset } = parseContentType(response.headers.get('content-type'));
  const accepted = acceptedType(mediaType);
  if (accepted === null) {
    return refuse(captureError(place, 'unsupported_type',
      `the page is ${mediaType}, which cannot be captured (only web pages, PDF and plain text can)`));
  }
  // undici unpacks these and passes any other coding through untouched: such bytes would not be the page.
  const codings = (response.headers.get('content-encoding') ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== 'identity');
  const unknown = codings.find((c) => !KNOWN_CODINGS.has(c));
  if (unknown !== undefined) {
    return refuse(captureError(place, 'decode', `the server compressed the page with "${unknown}", which cannot be unpacked`));
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const encoded = codings.length > 0;
  // The length of a compressed body says little about the unpacked size, so only an identity length is judged early.
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    return refuse(captureError(place, 'too_large', `the page is ${formatBytes(declared)}, more than the ${formatBytes(maxBytes)} limit`));
  }
  const body = await readCapped(response.body, maxBytes);
  if (!body.ok) {
    return err(captureError(place, 'too_large', `the page is larger than the ${formatBytes(maxBytes)} limit (stopped reading after ${formatBytes(body.received)})`));
  }
  const contentType = accepted === 'sniff' ? sniffType(body.bytes) : accepted;
  if (contentType === null) {
    return err(captureError(place, 'unsupported_type',
      `the server did not say what the page is (${mediaType || 'no Content-Type'}) and it does not look like a web page or a PDF`));
  }
  return ok({
    requestedUrl: place.requestedUrl,
    finalUrl: url.href,
    redirects,
    status: response.status,
    headers: keptHeaders(response.headers),
    contentType,
    headerCharset: charset,
    bytes: body.bytes,
    receivedAt: new Date().toISOString(),
  });
}
