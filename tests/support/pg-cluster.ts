/** Throwaway PostgreSQL cluster for tests: initdb into a temp folder, serve on a free loopback port, delete on stop. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** Superuser connection string (the harness role) to the `postgres` database. */
  url: string;
  host: string;
  port: number;
  /** A connection string for `database` as `user` with `password` on this cluster. */
  urlFor(user: string, password: string, database?: string): string;
  /** Creates a fresh database (so tests in one file do not see each other's rows) and returns its superuser URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export const HARNESS_USER = 'harness';

/** Directory holding initdb and postgres: PATH first, then Debian's /usr/lib/postgresql/<version>/bin (newest). */
export function findPgBin(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const initdb = path.join(dir, 'initdb');
    if (dir && fs.existsSync(initdb)) {
      const real = path.dirname(fs.realpathSync(initdb));
      if (fs.existsSync(path.join(real, 'postgres'))) return real;
    }
  }
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(base, v, 'bin', 'initdb'))) return path.join(base, v, 'bin');
  return null;
}

/**
 * PostgreSQL refuses to run as root (CI containers often are root): then the server runs as `nobody`, which owns
 * the temp folder. Any other user runs it as itself.
 */
function serverIdentity(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with code ${server.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${String(err)}\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes clusters left by test processes that were killed before their teardown ran (a SIGKILLed worker runs no
 * exit handler): stops their postmaster, checked by its command line so a reused pid is never signalled.
 */
function reapStaleClusters(base: string): void {
  for (const name of fs.readdirSync(base).filter((n) => n.startsWith('wb-pg-'))) {
    const dir = path.join(base, name);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (!owner || alive(owner)) continue;
      const pm = Number(fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pm && alive(pm) && fs.readFileSync(`/proc/${pm}/cmdline`, 'utf8').includes('postgres')) process.kill(pm, 'SIGQUIT');
    } catch {
      // No owner file (being created) or no postmaster.pid (server already gone): nothing to stop.
    }
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (owner && !alive(owner)) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process reaped it first.
    }
  }
}

/** Starts a cluster. One per test file (in beforeAll) keeps it quick: initdb costs about a second. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, postgres) not found in PATH or /usr/lib/postgresql/*/bin: install the Debian package "postgresql" (.ci/run does)');
  const id = serverIdentity();
  // The server user must reach the folder: a root-only TMPDIR (e.g. /root/tmp) is swapped for /tmp.
  const reachable = (dir: string) => !id || spawnSync('test', ['-x', dir, '-a', '-w', dir], id).status === 0;
  const base = reachable(os.tmpdir()) ? os.tmpdir() : '/tmp';
  reapStaleClusters(base);
  const root = fs.mkdtempSync(path.join(base, 'wb-pg-'));
  fs.writeFileSync(path.join(root, 'owner.pid'), String(process.pid));
  const data = path.join(root, 'data');
  const password = `pw-${process.pid}-${Date.now()}`;
  fs.writeFileSync(path.join(root, 'pw'), password);
  if (id) for (const p of [root, path.join(root, 'pw')]) fs.chownSync(p, id.uid, id.gid);
  const spawnOpts = { ...(id ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', HARNESS_USER, `--pwfile=${path.join(root, 'pw')}`,
    '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...spawnOpts, encoding: 'utf8' });
  if (init.status !== 0) {
    fs.rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.error?.message}): ${init.stderr}`);
  }
  const port = await freePort();
  const host = '127.0.0.1';
  let output = '';
  // Durability is pointless for a throwaway cluster; turning it off keeps the tests fast.
  const server = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', root, '-c', `listen_addresses=${host}`,
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=60', '-c', 'shared_buffers=16MB'], { ...spawnOpts, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  server.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  // A test process that dies without teardown must not leave a server running.
  const killOnExit = () => { server.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  const enc = encodeURIComponent;
  const urlFor = (user: string, pw: string, database = 'postgres') => `postgresql://${enc(user)}:${enc(pw)}@${host}:${port}/${enc(database)}`;
  const url = urlFor(HARNESS_USER, password);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGINT'); // fast shutdown: disconnects clients, no checkpoint wait worth mentioning with fsync off
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitReady(url, server, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
    return urlFor(HARNESS_USER, password, name);
  };
  return { url, host, port, urlFor, createDatabase, stop };
}
