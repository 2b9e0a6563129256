/** Team passwords in the OS keychain (safeStorage, faked here) and a private file in userData: kept, refused, survived damage. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createTeamSecrets, TEAM_SECRETS_FILE, type SafeStorageLike } from './team-secrets';
import { realFs } from '../services/store/durable-fs';
import { tempDir } from '../../tests/unit/helpers';

/** A stand-in for Electron's safeStorage: reversible, but never the plain text on disk, and it can be told to fail. */
function fakeSafeStorage(over: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain, 'utf8').reverse().toString('hex')}`, 'utf8'),
    decryptString: (encrypted) => {
      const s = encrypted.toString('utf8');
      if (!s.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(s.slice(4), 'hex').reverse().toString('utf8');
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...over,
  };
}

const KEY = 'team:alice@postgresql://alice@db.example:5432/team';

function store(over: Partial<SafeStorageLike> = {}, platform: NodeJS.Platform = 'linux') {
  const file = path.join(tempDir('wb-team-secrets-'), TEAM_SECRETS_FILE);
  const log = vi.fn<(message: string) => void>();
  return { file, log, secrets: createTeamSecrets({ safeStorage: fakeSafeStorage(over), file, platform, log }) };
}

describe('team secrets in the OS keychain', () => {
  it('keeps a password across instances, encrypted in an owner-only file keyed by the given key', async () => {
    const { file, secrets, log } = store();
    expect(secrets.available()).toBe(true);
    expect(await secrets.get(KEY)).toBeNull();
    await secrets.set(KEY, 'pässword 1');
    await secrets.set('team:bob@postgresql://bob@db/team', 'other');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('pässword');
    const saved = JSON.parse(text) as { entries: Record<string, string> };
    expect(Object.keys(saved.entries).sort()).toEqual(['team:alice@postgresql://alice@db.example:5432/team', 'team:bob@postgresql://bob@db/team']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A new launch reads the same file.
    const again = createTeamSecrets({ safeStorage: fakeSafeStorage(), file, platform: 'linux', log });
    expect(await again.get(KEY)).toBe('pässword 1');
    await again.set(KEY, 'changed');
    expect(await secrets.get(KEY)).toBe('changed');
    expect(await secrets.get('team:bob@postgresql://bob@db/team')).toBe('other');
    // No temp file is left beside it.
    expect(fs.readdirSync(path.dirname(file))).toEqual([TEAM_SECRETS_FILE]);
    expect(log).not.toHaveBeenCalled();
  });

  it('deletes one entry and leaves the others', async () => {
    const { secrets } = store();
    await secrets.set(KEY, 'one');
    await secrets.set('other', 'two');
    await secrets.delete(KEY);
    await secrets.delete('never-set');
    expect(await secrets.get(KEY)).toBeNull();
    expect(await secrets.get('other')).toBe('two');
  });

  it('is not available when the OS offers no encryption: nothing is written and set says why', async () => {
    const { file, secrets } = store({ isEncryptionAvailable: () => false }, 'darwin');
    expect(secrets.available()).toBe(false);
    await expect(secrets.set(KEY, 'pw')).rejects.toThrow(/no OS keychain/i);
    expect(await secrets.get(KEY)).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('does not claim a keychain on Linux when safeStorage fell back to basic_text (or has not chosen a backend)', async () => {
    expect(store({ getSelectedStorageBackend: () => 'basic_text' }).secrets.available()).toBe(false);
    expect(store({ getSelectedStorageBackend: () => 'unknown' }).secrets.available()).toBe(false);
    expect(store({ getSelectedStorageBackend: () => 'kwallet5' }).secrets.available()).toBe(true);
    // An Electron without the function on Linux cannot say which backend it uses: no claim either.
    expect(store({ getSelectedStorageBackend: undefined }).secrets.available()).toBe(false);
    const { secrets, file } = store({ getSelectedStorageBackend: () => 'basic_text' });
    await expect(secrets.set(KEY, 'pw')).rejects.toThrow(/no OS keychain/i);
    expect(fs.existsSync(file)).toBe(false);
    // The backend name is a Linux matter: macOS and Windows have no such function and always use their own keychain.
    expect(store({ getSelectedStorageBackend: undefined }, 'win32').secrets.available()).toBe(true);
  });

  it('treats an entry that cannot be decrypted as absent, logs it, and a new password replaces it', async () => {
    const { file, secrets, log } = store();
    await secrets.set('good', 'kept');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
    saved.entries[KEY] = Buffer.from('garbage from another machine').toString('base64');
    saved.entries.odd = 42;
    fs.writeFileSync(file, JSON.stringify(saved));
    expect(await secrets.get(KEY)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not be decrypted .*asked for it again/));
    expect(await secrets.get('odd')).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/odd.* not a saved ciphertext/));
    expect(await secrets.get('good')).toBe('kept');
    await secrets.set(KEY, 'new');
    expect(await secrets.get(KEY)).toBe('new');
  });

  it('treats a damaged file as empty, logs it, and on the next save keeps the damaged file aside', async () => {
    for (const damage of ['{ not json', JSON.stringify({ format: 'something else', entries: {} }), JSON.stringify({ format: 'workbench-team-secrets/1', entries: [] }), 'null']) {
      const { file, secrets, log } = store();
      fs.writeFileSync(file, damage);
      expect(await secrets.get(KEY)).toBeNull();
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
      expect(fs.readFileSync(file, 'utf8')).toBe(damage);
      await secrets.set(KEY, 'pw');
      expect(await secrets.get(KEY)).toBe('pw');
      const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.damaged-'));
      expect(aside).toHaveLength(1);
      expect(fs.readFileSync(path.join(path.dirname(file), aside[0]!), 'utf8')).toBe(damage);
    }
  });

  it('a file it cannot read at all (a folder in its place) is logged as unreadable and answers absent', async () => {
    const { file, secrets, log } = store();
    fs.mkdirSync(file);
    expect(await secrets.get(KEY)).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
  });

  it('a damaged file that cannot be set aside still gives way to the new save, and says so', async () => {
    const { file, log } = store();
    fs.writeFileSync(file, '{ damaged');
    const secrets = createTeamSecrets({
      safeStorage: fakeSafeStorage(), file, platform: 'linux', log,
      fsOps: { ...realFs, renameSync: (from, to) => (String(to).includes('.damaged-') ? (() => { throw new Error('EPERM'); })() : realFs.renameSync(from, to)) },
    });
    await secrets.set(KEY, 'pw');
    expect(await secrets.get(KEY)).toBe('pw');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/nor set aside \(EPERM\)/));
  });

  it('a failed write leaves the previous file as it was and no temp file behind', async () => {
    const { file, log } = store();
    const failing = createTeamSecrets({
      safeStorage: fakeSafeStorage(), file, platform: 'linux', log,
      fsOps: { ...realFs, renameSync: () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); } },
    });
    const ok = createTeamSecrets({ safeStorage: fakeSafeStorage(), file, platform: 'linux', log });
    await ok.set(KEY, 'before');
    const before = fs.readFileSync(file, 'utf8');
    await expect(failing.set(KEY, 'after')).rejects.toThrow(/ENOSPC/);
    await expect(failing.delete(KEY)).rejects.toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([TEAM_SECRETS_FILE]);
    expect(await ok.get(KEY)).toBe('before');
  });

  it('without a log given, reports to the console; deleting from no file at all creates none', async () => {
    const file = path.join(tempDir('wb-team-secrets-'), TEAM_SECRETS_FILE);
    const secrets = createTeamSecrets({ safeStorage: fakeSafeStorage(), file, platform: 'linux' });
    await secrets.delete(KEY);
    expect(fs.existsSync(file)).toBe(false);
    fs.writeFileSync(file, '{ damaged');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await secrets.get(KEY)).toBeNull();
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
    } finally {
      error.mockRestore();
    }
  });

  it('refuses a key or secret that is not a string, and an encryption failure reaches the caller', async () => {
    const { secrets } = store();
    await expect(secrets.set('', 'pw')).rejects.toThrow(/key/);
    await expect(secrets.get(42 as unknown as string)).rejects.toThrow(/key/);
    await expect(secrets.set(KEY, null as unknown as string)).rejects.toThrow(/password/);
    const broken = store({ encryptString: () => { throw new Error('The keychain is locked'); } });
    await expect(broken.secrets.set(KEY, 'pw')).rejects.toThrow(/keychain is locked/);
    expect(fs.existsSync(broken.file)).toBe(false);
  });
});
