/** Team database access for capture files (migration 0003): store one through the server-hashing function, list linked ones, read one in chunks. */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { TeamDbError } from './errors';
import { checkWorkspaceId } from './ops';

/** The size limit of one file, as migration 0003's CHECK and team.put_blob enforce it. */
export const MAX_BLOB_BYTES = 200 * 1024 * 1024;
/** Downloads read this much per statement: a 200 MB file never sits whole in one reply (or in its hex text). */
export const BLOB_CHUNK_BYTES = 8 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;

const checkHash = (h: string): void => {
  if (typeof h !== 'string' || !SHA256.test(h)) throw new TeamDbError('bad_input', 'a file hash is 64 lower-case hex digits');
};
export const sha256OfBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores a file once (by SHA-256) and links it to the workspace; the server hashes the bytes, so a hash alone never
 * links another team's file. Owners and editors only (42501 otherwise). Returns the hash, checked against ours.
 */
export async function putBlob(c: pg.ClientBase, workspaceId: string, bytes: Uint8Array): Promise<string> {
  checkWorkspaceId(workspaceId);
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new TeamDbError('bad_input', 'a team file must be a non-empty byte array');
  if (bytes.byteLength > MAX_BLOB_BYTES) {
    throw new TeamDbError('bad_input', `a team file may be at most ${MAX_BLOB_BYTES / 1048576} MB (this one is ${(bytes.byteLength / 1048576).toFixed(1)} MB)`);
  }
  // A Buffer parameter travels as binary (no hex doubling on the wire).
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { rows } = await c.query<{ sha: string }>('SELECT team.put_blob($1, $2) AS sha', [workspaceId, buf]);
  const sha = rows[0]!.sha;
  if (sha !== sha256OfBytes(buf)) throw new TeamDbError('bad_input', `the team database hashed a file differently (${sha.slice(0, 12)}…)`);
  return sha;
}

/** Which of `hashes` are already readable in the workspace (stored and linked): those need no upload. */
export async function linkedBlobs(c: pg.ClientBase, workspaceId: string, hashes: readonly string[]): Promise<Set<string>> {
  checkWorkspaceId(workspaceId);
  hashes.forEach(checkHash);
  if (hashes.length === 0) return new Set();
  const { rows } = await c.query<{ sha256: string }>(
    'SELECT sha256 FROM team.workspace_blobs WHERE workspace_id = $1 AND sha256 = ANY($2::text[])', [workspaceId, [...hashes]]);
  return new Set(rows.map((r) => r.sha256));
}

/**
 * A file this login may read (linked to one of its workspaces), or null when there is none (not uploaded yet, or
 * another team's). Read in BLOB_CHUNK_BYTES slices. The bytes are NOT verified here: the caller hashes them.
 */
export async function getBlob(c: pg.ClientBase, sha256: string): Promise<Buffer | null> {
  checkHash(sha256);
  const { rows } = await c.query<{ size: string }>('SELECT size FROM team.blobs WHERE sha256 = $1', [sha256]);
  if (!rows[0]) return null;
  const size = Number(rows[0].size);
  if (!Number.isSafeInteger(size) || size < 1 || size > MAX_BLOB_BYTES) throw new TeamDbError('bad_input', `the team database reports an impossible size for file ${sha256.slice(0, 12)}…: ${rows[0].size}`);
  const parts: Buffer[] = [];
  for (let at = 0; at < size; at += BLOB_CHUNK_BYTES) {
    // base64 (4/3 of the size) rather than bytea's hex text (twice); node-pg's binary results cannot carry bytea.
    // substring() counts from 1 and, with STORAGE EXTERNAL, reads only this slice.
    const r = await c.query<{ part: string }>(
      "SELECT encode(substring(content FROM $2::int FOR $3::int), 'base64') AS part FROM team.blobs WHERE sha256 = $1",
      [sha256, at + 1, BLOB_CHUNK_BYTES]);
    const part = r.rows[0]?.part;
    if (part === undefined) return null;
    parts.push(Buffer.from(part, 'base64'));
  }
  return Buffer.concat(parts);
}
