/** Web capture provenance: what was asked for, what answered, when, and the hashes that prove what was seen (ADR 0013). */
import type { Id, Timestamp } from './types';

/** An immutable file in the workspace's content-addressed captures/ folder (captures/<sha256>.blob). */
export interface BlobRef {
  /** SHA-256 (hex) of the file's bytes; also its name. */
  sha256: string;
  bytes: number;
  /** e.g. text/html, application/pdf, image/png. */
  mediaType: string;
}

/** How a capture reached the workbench: fetched by the workbench itself, or posted by the browser extension. */
export const CAPTURE_METHODS = ['url', 'extension'] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

/** Where the character encoding used to decode the page came from, in the order they are consulted. */
export const CHARSET_SOURCES = ['header', 'bom', 'meta', 'default', 'none'] as const;
export type CharsetSource = (typeof CHARSET_SOURCES)[number];

/** One hop of a redirect chain: the URL that answered with a redirect, its status, and where it pointed. */
export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

/**
 * The provenance record of a captured source. Written once with the source and never edited: re-capturing makes a
 * new version (a new source) with its own record.
 */
export interface CaptureRecord {
  method: CaptureMethod;
  /** The URL as the analyst gave it (normalised by WHATWG URL parsing). */
  requestedUrl: string;
  /** The URL that finally answered (after redirects); for the extension, the tab's URL. */
  finalUrl: string;
  redirects: RedirectHop[];
  /** HTTP status of the final response (0 for an extension capture, which has none). */
  status: number;
  /** Response headers of the final response: lower-case names; Set-Cookie is never kept. */
  headers: Record<string, string>;
  /** When the bytes were received, UTC ISO-8601 (…Z). */
  capturedAt: Timestamp;
  /** Media type without parameters, lower case (text/html, application/pdf, text/plain). */
  contentType: string;
  /** Encoding the text was decoded with (WHATWG label, e.g. windows-1251), '' for PDF. */
  charset: string;
  charsetSource: CharsetSource;
  /** The body exactly as received (content-encoding undone), or the DOM the extension serialised. */
  raw: BlobRef;
  /** SHA-256 of the extracted, normalised text: equals the source's contentHash. */
  textSha256: string;
  /** The page printed by Chromium with scripts off (PDF), or null when printing failed (see renderError). */
  rendered: BlobRef | null;
  renderError?: string;
  /** What the page said about itself, as read at capture time (the analyst may edit the source's meta later). */
  page: PageMetadata;
  /** The sender's browser for extension captures (its user agent), '' otherwise. */
  userAgent: string;
}

/** Citation metadata read from a page: JSON-LD, OpenGraph, citation_*, Dublin Core, <link rel=canonical>. */
export interface PageMetadata {
  title: string;
  authors: string[];
  publisher: string;
  /** YYYY[-MM[-DD]] as the page gives it, or ''. */
  publishedAt: string;
  modifiedAt: string;
  language: string;
  canonicalUrl: string;
  /** Which vocabularies contributed, e.g. ['json-ld', 'opengraph']; for showing where a field came from. */
  found: string[];
}

/** Re-captures of one address form a chain of versions, each its own source; version 1 is the first capture. */
export interface SourceVersionLink {
  /** The first capture of the chain (its own id for version 1). */
  rootId: Id;
  /** The version this one replaced, or null for version 1. */
  previousId: Id | null;
  version: number;
}

/** Every way fetching a URL can fail, each with its own message. */
export const CAPTURE_FAILURES = [
  'invalid_url', 'unsupported_scheme', 'dns', 'connection', 'tls', 'timeout', 'http_status',
  'too_large', 'unsupported_type', 'too_many_redirects', 'redirect_loop', 'decode', 'aborted',
] as const;
export type CaptureFailure = (typeof CAPTURE_FAILURES)[number];

/** Details of a capture_failed error. */
export interface CaptureFailureDetails {
  reason: CaptureFailure;
  url: string;
  /** HTTP status for http_status, else absent. */
  status?: number;
}
