/** SCRAM-SHA-256 password verifiers, computed here so a member's plain password never reaches the server or its logs. */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const ITERATIONS = 4096; // PostgreSQL's own default for scram_iterations

/**
 * The byte-changing steps of SASLprep (RFC 4013), as the pg client and libpq apply them when logging in, so the
 * verifier matches what they derive: non-ASCII spaces become spaces, "mapped to nothing" characters go, then NFKC.
 */
function saslprep(password: string): string {
  // eslint-disable-next-line no-misleading-character-class -- the RFC's table is made of combining characters
  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
  return password.replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ').replace(mappedToNothing, '').normalize('NFKC');
}

/** The verifier PostgreSQL stores in pg_authid for `password` (accepted verbatim by CREATE ROLE ... PASSWORD). */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = ITERATIONS): string {
  if (!password) throw new Error('empty password');
  const salted = pbkdf2Sync(saslprep(password), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
