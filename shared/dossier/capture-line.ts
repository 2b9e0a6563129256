/** How a note names the web capture its passage came from: when, from where, which version, and the hash that proves it. */
import type { Source } from '../domain/types';

/** "2026-12-05T14:03:07.000Z" → "2026-12-05 14:03 UTC" (the capture's own clock reading, never the reader's zone). */
export function captureTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** A SHA-256 shortened for reading in a note: enough to tell captures apart; the Sources list gives it whole. */
export const shortHash = (sha256: string): string => (sha256.length > 14 ? `${sha256.slice(0, 8)}…${sha256.slice(-4)}` : sha256);

const rawName = (s: Source): string => (s.capture?.method === 'extension' ? 'page as shown in the browser' : 'raw page');

/**
 * The capture part of an endnote, or '' for a source that was not captured:
 * "captured 2026-12-05 14:03 UTC from https://example.org/a, version 2, SHA-256 3f2a01bc…91c9 (raw page)".
 * The version is named only for a page re-captured at least once (a chain exists).
 */
export function captureNote(source: Source | null): string {
  const c = source?.capture;
  if (!source || !c) return '';
  const how = c.method === 'extension' ? ' by the browser extension' : '';
  const version = source.versionOf ? `, version ${source.versionOf.version}` : '';
  return `captured ${captureTime(c.capturedAt)} from ${c.finalUrl}${how}${version}, SHA-256 ${shortHash(c.raw.sha256)} (${rawName(source)})`;
}

/** The capture's full proof for the Sources list: every stored hash in full, so a reader can verify the files. */
export function captureProof(source: Source): string {
  const c = source.capture;
  if (!c) return '';
  const version = source.versionOf ? ` (version ${source.versionOf.version})` : '';
  const printed = c.rendered ? `; printed copy (PDF) SHA-256 ${c.rendered.sha256}` : '';
  return `Captured ${captureTime(c.capturedAt)} from ${c.finalUrl}${version}; ${rawName(source)} SHA-256 ${c.raw.sha256}${printed}; ` +
    `text SHA-256 ${c.textSha256}.`;
}
