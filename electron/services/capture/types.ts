/** Shapes of the capture service: a fetched page, a fetch failure, and the host-injected fetcher and page printer. */
import type { CaptureFailure, CharsetSource, RedirectHop } from '../../../shared/domain/capture';
import type { Result } from '../../../shared/domain/result';

/** A successful HTTP fetch: the body as received (content-encoding undone) and how it got here. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  redirects: RedirectHop[];
  status: number;
  /** Lower-case names; Set-Cookie dropped. */
  headers: Record<string, string>;
  /** Media type without parameters, lower case ('' when the server sent none). */
  contentType: string;
  /** The charset parameter of Content-Type, lower case, or ''. */
  headerCharset: string;
  bytes: Uint8Array;
  /** When the last byte arrived, UTC ISO-8601. */
  receivedAt: string;
}

export interface CaptureError {
  reason: CaptureFailure;
  url: string;
  status?: number;
  /** Plain words naming the URL, e.g. "https://example.org/a: the server answered 404 Not Found". */
  message: string;
}

export interface FetchOptions {
  /** Whole-request time limit (connect + headers + body); default 30 s. */
  timeoutMs?: number;
  /** Largest body accepted, counted while streaming (decompressed bytes); default 50 MiB. */
  maxBytes?: number;
  /** Most redirects followed; default 10. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

/** Fetches one URL with limits; never throws, every failure is a CaptureError. */
export type PageFetcher = (url: string, opts?: FetchOptions) => Promise<Result<FetchedPage, CaptureError>>;

/** Text decoded from a page's bytes, and which rule chose the encoding. */
export interface DecodedPage {
  text: string;
  /** WHATWG encoding name used, e.g. 'windows-1251'. */
  charset: string;
  charsetSource: CharsetSource;
}

/** What the printer is given: the page's bytes, where they came from (for relative links), and their type. */
export interface PrintablePage {
  url: string;
  contentType: string;
  bytes: Uint8Array;
  /** The charset parameter the server sent (FetchedPage.headerCharset), so the printer decodes as the import did. */
  headerCharset?: string;
}

/**
 * Prints a captured page as the analyst would have seen it, scripts off, to PDF bytes. Injected by the host (Electron:
 * a hidden window; CLI and browser mode: headless Chromium) so the capture service runs in plain Node.
 */
export type PagePrinter = (page: PrintablePage, opts?: { timeoutMs?: number }) => Promise<Uint8Array>;
