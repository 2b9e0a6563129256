/** Browser-mode request parsing: the request target and the body, where bad input becomes a 4xx or a typed error. */
import type http from 'node:http';
import { decodeUtf8 } from '../services/import/checks';
import type { ApiError } from '../../shared/contract/define';
import { TOKEN_QUERY } from '../../shared/contract/transport';

/** Bad input from the client: answered with `status` and `message`, never as a 500. */
export class BadRequest extends Error {
  constructor(readonly status: 400 | 413, message: string) {
    super(message);
  }
}

export interface Target {
  /** Decoded path, always starting with a single `/`. */
  path: string;
  queryToken: string | null;
}

const malformed = () => new BadRequest(400, 'Bad request: malformed URL.');

/** Parses `req.url` (origin-form only: `/path?query`); throws BadRequest for anything the app never sends. */
export function parseTarget(raw: string | undefined): Target {
  // `//host/x` would parse as another host and `*` as nothing; the app only ever asks for plain paths.
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) throw malformed();
  let url: URL;
  let path: string;
  try {
    url = new URL(`http://127.0.0.1${raw}`);
    path = decodeURIComponent(url.pathname);
  } catch {
    throw malformed(); // e.g. `/%E0%A4%A`: a percent-escape that is not UTF-8
  }
  return { path, queryToken: url.searchParams.get(TOKEN_QUERY) };
}

/** Largest request body: a 50 MB file as base64 plus JSON framing. */
const MAX_BODY = 72 * 1024 * 1024;

export function readBodyBytes(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BadRequest(413, `Request body is larger than ${MAX_BODY / 1024 / 1024} MB.`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type BodyParse = { ok: true; value: unknown } | { ok: false; error: ApiError };

const invalid = (message: string): BodyParse => ({ ok: false, error: { code: 'invalid_request', message } });

/**
 * Strict UTF-8, then JSON. A lenient decode would turn bad bytes into U+FFFD and the handler would save them;
 * file import refuses such bytes the same way.
 */
export function parseJsonBody(bytes: Uint8Array): BodyParse {
  if (bytes.length === 0) return { ok: true, value: {} };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const hex = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    return invalid(`Request body is not valid UTF-8 (byte 0x${hex} at offset ${decoded.offset})`);
  }
  try {
    return { ok: true, value: JSON.parse(decoded.text) };
  } catch (e) {
    return invalid(`Request body is not valid JSON: ${(e as Error).message}`);
  }
}
