/** Test helpers for team sync: workspaces linked to a throwaway team database, a cuttable network path, convergence checks. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Workbench } from '../workbench/workbench';
import { seedIfEmpty } from '../workbench/seed';
import { TeamSync, writeNewLink } from './sync';
import type { TeamRole } from './team-db';

/** The sample article's folder: beside the sources, or from the repository root when bundled (the bench). */
export const SEEDS = [path.resolve(__dirname, '../../../seeds'), path.resolve('seeds')].find((d) => fs.existsSync(d)) ?? 'seeds';
const password = (login: string) => `${login}-secret-pw`; // as tests/support/team-fixture.ts

export interface Client {
  dir: string;
  wb: Workbench;
  sync: TeamSync;
}

/** The team database's URL for `login` (no password inside, as team.json keeps it) and the one sync connects with. */
export function urlsFor(host: string, port: number, login: string, database = 'team') {
  const url = `postgresql://${login}@${host}:${port}/${database}`;
  return { url, connectionString: `postgresql://${login}:${encodeURIComponent(password(login))}@${host}:${port}/${database}` };
}

export async function openClient(
  opts: { host: string; port: number; login: string; role: TeamRole; workspaceId: string; seed?: boolean; dir?: string },
): Promise<Client> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), `wb-team-${opts.login}-`));
  const wb = await Workbench.open(dir, { autoBackup: false });
  if (opts.seed) await seedIfEmpty(wb, SEEDS);
  const { url, connectionString } = urlsFor(opts.host, opts.port, opts.login);
  if (!fs.existsSync(path.join(dir, 'team.json'))) {
    writeNewLink(dir, { url, workspaceId: opts.workspaceId, workspaceName: 'Team A', member: opts.login, role: opts.role });
  }
  const sync = TeamSync.attach(wb, { connectionString, poolSize: 1 });
  return { dir, wb, sync };
}

/**
 * Alice (owner) shares the sample workspace and Bob (editor) joins it: where most team tests start. `beforeJoin` runs
 * on Bob's client before his first sync (to watch what it pulls).
 */
export async function openSharedPair(
  fx: { cluster: { host: string; port: number }; wsA: string }, beforeJoin?: (b: Client) => void,
): Promise<{ a: Client; b: Client }> {
  const at = { host: fx.cluster.host, port: fx.cluster.port, workspaceId: fx.wsA };
  const a = await openClient({ ...at, login: 'alice', role: 'owner', seed: true });
  a.sync.queueWholeWorkspace();
  await a.sync.syncOnce();
  const b = await openClient({ ...at, login: 'bob', role: 'editor' });
  beforeJoin?.(b);
  await b.sync.syncOnce();
  return { a, b };
}

/** The value of a service Result, or the test fails with its message. */
export const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

export async function closeClient(c: Client): Promise<void> {
  await c.sync.stop();
  await c.wb.close();
}

/** Every collection, for "both sides hold the same workspace". */
export const contentOf = (c: Client) => JSON.parse(JSON.stringify(c.wb.state.toJson())) as Record<string, Record<string, unknown>>;

/** A TCP relay in front of the database that a test can cut and restore, like a network outage. */
export async function startRelay(targetHost: string, targetPort: number): Promise<{ port: number; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const make = () => net.createServer((inbound) => {
    const outbound = net.connect(targetPort, targetHost);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s)).on('error', () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  let server = make();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  let listening = true;
  const down = async () => {
    if (!listening) return;
    listening = false;
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  };
  const up = async () => {
    if (listening) return;
    server = make();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    listening = true;
  };
  return { port, down, up, close: down };
}
