/** The body side of a page fetch: which media types are accepted, sniffing an unlabelled body, and the streamed size cap. */

/** Media types the import pipeline can read; anything else is refused before its body is read. */
const ACCEPTED: Record<string, string> = {
  'text/html': 'text/html',
  'application/xhtml+xml': 'application/xhtml+xml',
  'application/pdf': 'application/pdf',
  'application/x-pdf': 'application/pdf',
  'text/plain': 'text/plain',
  'text/markdown': 'text/markdown',
  'text/x-markdown': 'text/markdown',
};

/** Servers that do not know what they send say nothing or say octet-stream: the body itself decides (sniffed). */
const UNLABELLED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'unknown/unknown']);

export interface ParsedContentType {
  /** Lower-case media type without parameters, '' when absent or unparsable. */
  mediaType: string;
  /** Lower-case charset parameter without quotes, ''. */
  charset: string;
}

/** "text/html; Charset=\"KOI8-R\"" → { mediaType: 'text/html', charset: 'koi8-r' }. */
export function parseContentType(header: string | null): ParsedContentType {
  if (header === null) return { mediaType: '', charset: '' };
  const [type = '', ...params] = header.split(';');
  const mediaType = /^[\w.+-]+\/[\w.+-]+$/.test(type.trim()) ? type.trim().toLowerCase() : '';
  let charset = '';
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(param);
    if (m?.[1]) {
      charset = m[1].toLowerCase();
      break;
    }
  }
  return { mediaType, charset };
}

/** The accepted type this media type stands for, 'sniff' when the body must decide, or null when it is refused. */
export function acceptedType(mediaType: string): string | 'sniff' | null {
  if (UNLABELLED.has(mediaType)) return 'sniff';
  return ACCEPTED[mediaType] ?? null;
}

/** WHATWG MIME sniffing, cut down to what we accept: "%PDF-", or an HTML tag/comment after leading whitespace. */
const HTML_START = /^(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--)[\s>]/i;

export function sniffType(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  if (head.startsWith('%PDF-')) return 'application/pdf';
  const trimmed = head.replace(/^[\t\n\f\r ]+/, '');
  // "<!--" needs no terminator of its own in the spec; the rest must end at a space or '>'.
  if (trimmed.startsWith('<!--') || HTML_START.test(trimmed)) return 'text/html';
  return null;
}

/** What went wrong while reading the body; the caller turns it into a CaptureError with the URL. */
export type BodyOutcome = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true; received: number };

/**
 * Reads a body stream to the end, counting bytes as they arrive (after content-encoding is undone, so a gzip bomb is
 * stopped at the cap, not after inflating). Exceeding the cap cancels the stream at once: nothing more is read.
 * Network errors and aborts propagate as thrown errors.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<BodyOutcome> {
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true, received };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
