/**
 * Team passwords kept between runs (issue 18): encrypted by the OS keychain through Electron's safeStorage, the
 * ciphertexts base64 in an owner-only JSON file in userData. safeStorage and the file are injected (unit tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../services/team/credentials';
import { realFs, stripBom, writeFileDurable, type FsOps } from '../services/store/durable-fs';

export const TEAM_SECRETS_FILE = 'team-secrets.json';
const FORMAT = 'workbench-team-secrets/1';

/** The members of Electron's safeStorage used here (getSelectedStorageBackend exists on Linux only). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface TeamSecrets extends SecretStore {
  /** Whether an OS keychain protects what set() writes; when false the services keep passwords in memory only. */
  available(): boolean;
}

export interface TeamSecretsOptions {
  safeStorage: SafeStorageLike;
  /** The JSON file (normally userData/team-secrets.json). */
  file: string;
  platform?: NodeJS.Platform;
  log?: (message: string) => void;
  fsOps?: FsOps;
}

/**
 * Linux backends that are no keychain: `basic_text` encrypts with a password built into Chromium (anyone who can
 * read the file can decrypt it), and `unknown` means none was chosen yet. Claiming "keychain" then would be false.
 */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

type Entries = Record<string, unknown>;
type Loaded = { entries: Entries; damaged: null } | { entries: Entries; damaged: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createTeamSecrets(opts: TeamSecretsOptions): TeamSecrets {
  const { safeStorage, file } = opts;
  const platform = opts.platform ?? process.platform;
  const log = opts.log ?? ((m: string) => console.error(m));
  const ops = opts.fsOps ?? realFs;

  const available = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return !(platform === 'linux' && NOT_A_KEYCHAIN.has(safeStorage.getSelectedStorageBackend?.() ?? 'unknown'));
  };

  const checkKey = (key: unknown): string => {
    if (typeof key !== 'string' || key === '') throw new Error('A team secret needs a non-empty string key.');
    return key;
  };

  /** Read fresh each time (a few hundred bytes): never a stale copy, and a damaged file is reported, not thrown. */
  const load = (): Loaded => {
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: {}, damaged: null };
      return { entries: {}, damaged: (e as Error).message };
    }
    let json: unknown;
    try {
      json = JSON.parse(stripBom(raw));
    } catch (e) {
      return { entries: {}, damaged: `not JSON: ${(e as Error).message}` };
    }
    if (!isPlainObject(json) || json.format !== FORMAT || !isPlainObject(json.entries)) {
      return { entries: {}, damaged: `not a ${FORMAT} file` };
    }
    return { entries: { ...json.entries }, damaged: null };
  };

  const reportDamage = (why: string): void => log(`The saved team passwords (${file}) could not be read (${why}); you will be asked for them again.`);

  /** Rewrites the file with `change` applied; a damaged file is first renamed aside (kept for inspection, never deleted). */
  const update = (change: (entries: Entries) => void): void => {
    const loaded = load();
    if (loaded.damaged !== null && fs.existsSync(file)) {
      const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        ops.renameSync(file, aside);
        log(`The saved team passwords could not be read (${loaded.damaged}); the file was kept as ${aside}.`);
      } catch (e) {
        log(`The saved team passwords could not be read (${loaded.damaged}) nor set aside (${(e as Error).message}); they are replaced.`);
      }
    }
    change(loaded.entries);
    ops.mkdirSync(path.dirname(file));
    // Temp file + fsync + rename, mode 0600: a failed write leaves the previous file whole.
    writeFileDurable(file, JSON.stringify({ format: FORMAT, entries: loaded.entries }, null, 2), ops);
  };

  return {
    available,
    async get(key) {
      checkKey(key);
      if (!available()) return null;
      const loaded = load();
      if (loaded.damaged !== null) {
        reportDamage(loaded.damaged);
        return null;
      }
      const entry = loaded.entries[key];
      if (entry === undefined) return null;
      if (typeof entry !== 'string') {
        log(`The saved team password for ${key} is not a saved ciphertext; you will be asked for it again.`);
        return null;
      }
      try {
        return safeStorage.decryptString(Buffer.from(entry, 'base64'));
      } catch (e) {
        // Another machine's or user's keychain, a reset keyring: ask again rather than fail the app.
        log(`The saved team password for ${key} could not be decrypted (${(e as Error).message}); you will be asked for it again.`);
        return null;
      }
    },
    async set(key, secret) {
      checkKey(key);
      if (typeof secret !== 'string') throw new Error('A team password must be a string.');
      if (!available()) throw new Error('This app has no OS keychain to keep the team password in.');
      const ciphertext = safeStorage.encryptString(secret).toString('base64');
      update((entries) => { entries[key] = ciphertext; });
    },
    async delete(key) {
      checkKey(key);
      if (!fs.existsSync(file)) return;
      update((entries) => { delete entries[key]; });
    },
  };
}
