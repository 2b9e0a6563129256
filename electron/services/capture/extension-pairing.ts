/** Browser-extension pairing: a one-time code shown in the app, exchanged for a token the endpoint then requires. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PairedExtension } from '../../../shared/contract/views-capture';
import { stripBom, writeFileDurable } from '../store/durable-fs';

/**
 * The paired tokens live in the workspace, in this small file, rather than in the app's settings: browser mode has
 * no app settings at all, and a pairing authorises writing into *this* workspace, so it belongs with it (a browser
 * paired with one workspace cannot post into another). The workspace lock makes this process its only writer; it
 * is written with writeFileDurable so it survives restarts and crashes. Only SHA-256 hashes of the tokens are kept:
 * someone who reads the folder (a backup, a copied workspace) cannot post as the extension. Restores and backups
 * leave it alone (it is not part of the snapshot), so restoring a backup neither drops nor revives a pairing.
 */
export const PAIRINGS_FILE = 'extension-pairings.json';

/** How long a code may be used: long enough to switch to the browser and type it. */
export const CODE_TTL_MS = 5 * 60_000;
/** Wrong codes tolerated before the current code is burnt (the app must show a new one). */
export const MAX_FAILURES_PER_CODE = 5;
/** Pair attempts accepted per minute in all, right or wrong, so nothing can hammer the endpoint with guesses. */
export const MAX_ATTEMPTS_PER_MINUTE = 10;

/** Crockford's base32 without I, L, O, U: nothing to misread when typing it from the screen. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;

interface StoredPairing {
  id: string;
  name: string;
  tokenSha256: string;
  pairedAt: string;
  lastSeenAt: string | null;
}

export type PairFailure = 'no_code' | 'expired' | 'wrong_code' | 'rate_limited' | 'invalid_name';
export type PairResult = { ok: true; token: string; pairing: PairedExtension } | { ok: false; reason: PairFailure; message: string };

export interface PairingOptions {
  /** The workspace folder (the file is written there). */
  dir: string;
  /** Milliseconds since the epoch; injectable so tests can pass time without waiting. */
  clock?: () => number;
}

const sha256 = (s: string): Buffer => crypto.createHash('sha256').update(s, 'utf8').digest();

/** Upper case, no separators or spaces: "abcd-efgh" and "ABCD EFGH" are the same code. */
const normaliseCode = (s: string): string => s.toUpperCase().replace(/[\s-]/g, '');

function newCode(): string {
  let out = '';
  for (const b of crypto.randomBytes(CODE_LENGTH)) out += ALPHABET[b % ALPHABET.length]; // 256 % 32 == 0: no bias
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

export class ExtensionPairing {
  private readonly file: string;
  private readonly clock: () => number;
  private pairings: StoredPairing[];
  private code: { hash: Buffer; shown: string; expiresAt: number; failures: number } | null = null;
  private attempts: number[] = [];

  constructor(opts: PairingOptions) {
    this.file = path.join(opts.dir, PAIRINGS_FILE);
    this.clock = opts.clock ?? Date.now;
    this.pairings = this.load();
  }

  /** A fresh code; any earlier one stops working at once (only the code on screen is valid). */
  newCode(): { code: string; expiresAt: string } {
    const shown = newCode();
    const expiresAt = this.clock() + CODE_TTL_MS;
    this.code = { hash: sha256(normaliseCode(shown)), shown, expiresAt, failures: 0 };
    return { code: shown, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Exchanges a code for a new token (shown once, stored hashed). The code is spent whether or not it matched often. */
  pair(givenCode: unknown, givenName: unknown): PairResult {
    const t = this.clock();
    this.attempts = this.attempts.filter((a) => t - a < 60_000);
    if (this.attempts.length >= MAX_ATTEMPTS_PER_MINUTE) {
      return { ok: false, reason: 'rate_limited', message: 'Too many pairing attempts: wait a minute, then try again.' };
    }
    this.attempts.push(t);
    const name = typeof givenName === 'string' ? givenName.trim() : '';
    if (name.length === 0 || name.length > 100) {
      return { ok: false, reason: 'invalid_name', message: 'The extension must give a name of 1 to 100 characters.' };
    }
    const current = this.code;
    if (!current) return { ok: false, reason: 'no_code', message: 'No pairing code is waiting: create one in the workbench (Browser extension).' };
    if (t >= current.expiresAt) {
      this.code = null;
      return { ok: false, reason: 'expired', message: 'The pairing code has expired: create a new one in the workbench.' };
    }
    // Hashing both sides makes the lengths equal, so the comparison is constant-time whatever was sent.
    const given = sha256(normaliseCode(typeof givenCode === 'string' ? givenCode : ''));
    if (!crypto.timingSafeEqual(given, current.hash)) {
      current.failures += 1;
      if (current.failures >= MAX_FAILURES_PER_CODE) {
        this.code = null;
        return { ok: false, reason: 'rate_limited', message: 'Too many wrong codes: this code no longer works. Create a new one in the workbench.' };
      }
      return { ok: false, reason: 'wrong_code', message: 'That is not the pairing code the workbench shows.' };
    }
    this.code = null; // one use only
    const token = crypto.randomBytes(32).toString('base64url');
    const stored: StoredPairing = {
      id: crypto.randomUUID(), name, tokenSha256: sha256(token).toString('hex'), pairedAt: new Date(t).toISOString(), lastSeenAt: null,
    };
    this.save([...this.pairings, stored]);
    return { ok: true, token, pairing: view(stored) };
  }

  /** The pairing a bearer token belongs to, or null; a hit records when it was last seen. */
  authenticate(token: string): PairedExtension | null {
    if (token.length === 0) return null;
    const given = sha256(token);
    const hit = this.pairings.find((p) => {
      const stored = Buffer.from(p.tokenSha256, 'hex');
      return stored.length === given.length && crypto.timingSafeEqual(stored, given);
    });
    if (!hit) return null;
    const seen = { ...hit, lastSeenAt: new Date(this.clock()).toISOString() };
    try {
      this.save(this.pairings.map((p) => (p.id === hit.id ? seen : p)));
    } catch (e) {
      // Only the "last seen" time is lost; the capture itself must not fail for it.
      console.error('[workbench] could not record when the extension was last seen:', e);
    }
    return view(seen);
  }

  list(): PairedExtension[] {
    return this.pairings.map(view);
  }

  /** Forgets a pairing: its token is refused from now on. */
  unpair(id: string): boolean {
    if (!this.pairings.some((p) => p.id === id)) return false;
    this.save(this.pairings.filter((p) => p.id !== id));
    return true;
  }

  /** Written before memory changes: a failed write leaves both as they were. */
  private save(next: StoredPairing[]): void {
    writeFileDurable(this.file, `${JSON.stringify({ version: 1, pairings: next }, null, 2)}\n`);
    this.pairings = next;
  }

  private load(): StoredPairing[] {
    if (!fs.existsSync(this.file)) return [];
    try {
      const v = JSON.parse(stripBom(fs.readFileSync(this.file, 'utf8'))) as { version?: unknown; pairings?: unknown };
      if (v.version !== 1 || !Array.isArray(v.pairings) || !v.pairings.every(isStoredPairing)) throw new Error('unexpected shape');
      return v.pairings;
    } catch (e) {
      // Only credentials live here: set the file aside (never delete it) and start unpaired; the analyst pairs again.
      const aside = `${this.file}.damaged-${this.clock()}`;
      console.error(`[workbench] ${PAIRINGS_FILE} cannot be read (${(e as Error).message}); moved to ${path.basename(aside)}, pair the extension again.`);
      fs.renameSync(this.file, aside);
      return [];
    }
  }
}

function isStoredPairing(v: unknown): v is StoredPairing {
  const p = v as Partial<StoredPairing> | null;
  return !!p && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.pairedAt === 'string'
    && typeof p.tokenSha256 === 'string' && /^[0-9a-f]{64}$/.test(p.tokenSha256)
    && (p.lastSeenAt === null || typeof p.lastSeenAt === 'string');
}

const view = (p: StoredPairing): PairedExtension => ({ id: p.id, name: p.name, pairedAt: p.pairedAt, lastSeenAt: p.lastSeenAt });

/** One pairing state per open workspace, shared by the app's handlers (codes) and the endpoint (tokens). */
const byDir = new Map<string, ExtensionPairing>();

export function pairingFor(dir: string): ExtensionPairing {
  const key = path.resolve(dir);
  let p = byDir.get(key);
  if (!p) {
    p = new ExtensionPairing({ dir: key });
    byDir.set(key, p);
  }
  return p;
}
