/** Connection-string checks: a team database off this machine is reached over TLS only. */
import { TeamDbError } from './errors';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;
const TLS_MODES = new Set(['require', 'verify-ca', 'verify-full']);

/** A unix socket path or a loopback address: traffic that never leaves the machine. */
export const isLocalHost = (host: string): boolean => host.startsWith('/') || LOOPBACK.test(host);

/** Hosts the string points at: the URL host(s), else a host= parameter (a socket dir), else PGHOST, else localhost. */
function hostsOf(url: URL, raw: string): string[] {
  // new URL() keeps only the first of "h1:5432,h2:5432"; libpq-style multi-host strings are read from the raw text.
  const authority = /^[a-z]+:\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(raw)?.[1] ?? '';
  const fromUrl = authority.split(',').map((h) => h.replace(/:\d+$/, '')).filter(Boolean).map(decodeURIComponent);
  if (fromUrl.length) return fromUrl;
  const param = url.searchParams.get('host');
  if (param) return param.split(',');
  return (process.env.PGHOST ?? 'localhost').split(',');
}

/**
 * Refuses, before any network traffic, a connection string that would talk to a remote server without TLS.
 * Accepts postgres:// and postgresql:// URLs. Returns the hosts it checked.
 */
export function checkConnectionString(connectionString: string): { hosts: string[]; local: boolean } {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new TeamDbError('bad_input', 'the team database connection string is not a URL: expected postgresql://user@host:5432/database?sslmode=verify-full');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new TeamDbError('bad_input', `the team database connection string must start with postgresql:// (got ${url.protocol}//)`);
  }
  const hosts = hostsOf(url, connectionString);
  const local = hosts.every(isLocalHost);
  if (!local) {
    const sslmode = url.searchParams.get('sslmode');
    const ssl = url.searchParams.get('ssl');
    const tls = sslmode ? TLS_MODES.has(sslmode) : ssl === 'true' || ssl === '1';
    if (!tls) {
      const remote = hosts.filter((h) => !isLocalHost(h)).join(', ');
      throw new TeamDbError('insecure', `refusing an unencrypted connection to the remote team database at ${remote}: add sslmode=verify-full to the connection string` +
        (sslmode ? ` (it says sslmode=${sslmode}, which does not require verified TLS)` : ' (TLS is optional only on this machine: localhost or a unix socket)'));
    }
  }
  return { hosts, local };
}
