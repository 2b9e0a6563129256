/** Names for captured pages: the file name the import pipeline dispatches on, and the name a saved artifact gets. */
import type { SourceKind } from '../../../shared/domain/types';

const EXTENSION: Record<SourceKind, string> = { html: 'html', pdf: 'pdf', text: 'txt', markdown: 'md' };
const ACCEPTED: Record<SourceKind, RegExp> = { html: /\.html?$/i, pdf: /\.pdf$/i, text: /\.(txt|text)$/i, markdown: /\.(md|markdown)$/i };

/** The kind a response's media type announces ('' is sniffed from the first bytes), or null when unsupported. */
export function kindOfMediaType(contentType: string, bytes: Uint8Array): SourceKind | null {
  switch (contentType) {
    case 'text/html': case 'application/xhtml+xml': return 'html';
    case 'application/pdf': return 'pdf';
    case 'text/plain': return 'text';
    case 'text/markdown': case 'text/x-markdown': return 'markdown';
    case '': {
      const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart();
      if (head.startsWith('%PDF-')) return 'pdf';
      return head.startsWith('<') ? 'html' : 'text';
    }
    default: return null;
  }
}

/** File-name-safe: no path separators, control or reserved characters; bounded length. */
function safeName(s: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = s.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return cleaned.slice(0, max).trim();
}

/**
 * The name importBytes sees for a captured page: the last path segment of the URL (else the host), with the
 * extension of the kind the server announced, so the pipeline dispatches on the media type, never on the URL.
 */
export function importFileName(url: string, kind: SourceKind): string {
  let base = '';
  try {
    const u = new URL(url);
    const last = u.pathname.split('/').filter(Boolean).at(-1) ?? '';
    let decoded = last;
    try {
      decoded = decodeURIComponent(last);
    } catch { /* keep the encoded segment */ }
    base = safeName(decoded, 120) || safeName(u.hostname, 120);
  } catch { /* not a URL: the fallback below */ }
  if (!base) base = 'page';
  return ACCEPTED[kind].test(base) ? base : `${base}.${EXTENSION[kind]}`;
}

const ARTIFACT_EXTENSION: Record<string, string> = {
  'text/html': 'html', 'application/xhtml+xml': 'xhtml', 'application/pdf': 'pdf', 'text/plain': 'txt',
  'text/markdown': 'md', 'text/x-markdown': 'md', 'image/png': 'png',
};

/** e.g. "Bridge opens (captured 2026-12-05).html": the title, the UTC capture day, the media type's extension. */
export function artifactFileName(title: string, capturedAt: string, mediaType: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(capturedAt)?.[0] ?? 'unknown date';
  return `${safeName(title, 120) || 'capture'} (captured ${day}).${ARTIFACT_EXTENSION[mediaType] ?? 'bin'}`;
}
