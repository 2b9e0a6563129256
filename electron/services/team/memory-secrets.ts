/** A SecretStore held in memory for this process only: browser mode and tests (the desktop app uses the OS keychain). */
import type { SecretStore } from './credentials';

export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  async get(key: string): Promise<string | null> {
    return this.secrets.get(key) ?? null;
  }
  async set(key: string, secret: string): Promise<void> {
    this.secrets.set(key, secret);
  }
  async delete(key: string): Promise<void> {
    this.secrets.delete(key);
  }
}

/**
 * One store for the whole process, so a password given once survives a restore (which reopens the workspace)
 * but never a restart: nothing is written to disk.
 */
export const processSecrets = new MemorySecretStore();
