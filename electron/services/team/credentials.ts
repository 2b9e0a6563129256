/** Team database credentials: never inside a connection string; a password file or environment variable for the CLI, a keychain in the app. */
import fs from 'node:fs';

/** The environment variable the CLI reads the team password from when no --password-file is given. */
export const PASSWORD_ENV = 'WORKBENCH_TEAM_PASSWORD';

export class CredentialError extends Error {
  override name = 'CredentialError';
}

/**
 * Where the app keeps a member's password between runs. The desktop app implements it with Electron's
 * safeStorage (the OS keychain) in the main process; this module stays free of Electron so the CLI and tests
 * can load it. Keyed by connection string (without password) and login.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export const secretKeyOf = (url: string, member: string): string => `team:${member}@${url}`;

/**
 * Refuses a connection string carrying a password: it would end up in shell history, process listings and
 * team.json. Returns the string unchanged otherwise.
 */
export function checkNoPassword(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CredentialError('the team database connection string is not a URL: expected postgresql://LOGIN@HOST:5432/DATABASE');
  }
  if (parsed.password || parsed.searchParams.has('password')) {
    throw new CredentialError('refusing a connection string with a password in it (it would be kept in shell history and in the '
      + `workspace): remove it and give the password with --password-file FILE or the ${PASSWORD_ENV} environment variable`);
  }
  return url;
}

/** The login named in the connection string (the member identity the database checks). */
export function loginOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new CredentialError('the connection string names no login: use postgresql://LOGIN@HOST:5432/DATABASE');
  return user;
}

/** The password for the CLI: the first line of --password-file, else the environment variable. */
export function readCliPassword(opts: { passwordFile?: string | null; env?: NodeJS.ProcessEnv }): string {
  const env = opts.env ?? process.env;
  if (opts.passwordFile) {
    let text: string;
    try {
      text = fs.readFileSync(opts.passwordFile, 'utf8');
    } catch (e) {
      throw new CredentialError(`cannot read the password file ${opts.passwordFile}: ${(e as Error).message}`);
    }
    const pw = text.split(/\r?\n/)[0] ?? '';
    if (!pw) throw new CredentialError(`the password file ${opts.passwordFile} is empty`);
    return pw;
  }
  const pw = env[PASSWORD_ENV];
  if (pw) return pw;
  throw new CredentialError(`no team database password: give --password-file FILE or set ${PASSWORD_ENV}`);
}

/** The string the driver connects with: the checked URL plus the password, held in memory only. */
export function withPassword(url: string, password: string): string {
  const u = new URL(checkNoPassword(url));
  u.password = password;
  return u.toString();
}
