/** A migrated team database on a throwaway cluster, with member logins for two teams (see pg-cluster.ts). */
import pg from 'pg';
import { TeamDb } from '../../electron/services/team/team-db';
import { startPgCluster, type PgCluster } from './pg-cluster';

export interface TeamFixture {
  cluster: PgCluster;
  /** The harness superuser on the team database (runs migrations, creates logins). */
  adminUrl: string;
  admin: TeamDb;
  /** Team A: alice owner, bob editor, vera viewer. Team B: carol owner. */
  wsA: string;
  wsB: string;
  as(login: Login): Promise<TeamDb>;
  /** A raw pg client logged in as `login`, for hand-written SQL a modified client could send. */
  raw(login: Login): Promise<pg.Client>;
  close(): Promise<void>;
}

export type Login = 'alice' | 'bob' | 'vera' | 'carol';
const password = (login: string) => `${login}-secret-pw`;

export async function startTeamFixture(database = 'team'): Promise<TeamFixture> {
  const cluster = await startPgCluster();
  const opened: { end(): Promise<void> }[] = [];
  try {
    const adminUrl = await cluster.createDatabase(database);
    const admin = await TeamDb.connect(adminUrl);
    opened.push({ end: () => admin.close() });
    await admin.migrate();
    for (const login of ['alice', 'bob', 'vera', 'carol']) await admin.createMemberLogin(login, password(login));
    const url = (login: string) => cluster.urlFor(login, password(login), database);
    const as = async (login: Login) => {
      const db = await TeamDb.connect(url(login));
      opened.push({ end: () => db.close() });
      return db;
    };
    const raw = async (login: Login) => {
      const client = new pg.Client({ connectionString: url(login) });
      await client.connect();
      opened.push({ end: () => client.end() });
      return client;
    };
    const alice = await as('alice');
    const wsA = (await alice.createTeamWorkspace('Team A')).id;
    await alice.addMember(wsA, 'bob', 'editor');
    await alice.addMember(wsA, 'vera', 'viewer');
    const wsB = (await (await as('carol')).createTeamWorkspace('Team B')).id;
    const close = async () => {
      for (const c of opened.reverse()) await c.end().catch(() => undefined);
      await cluster.stop();
    };
    return { cluster, adminUrl, admin, wsA, wsB, as, raw, close };
  } catch (err) {
    for (const c of opened) await c.end().catch(() => undefined);
    await cluster.stop();
    throw err;
  }
}
