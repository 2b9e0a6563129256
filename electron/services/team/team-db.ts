/** Data access for a team database: connect (TLS off-machine), workspaces, members, ops, texts, LISTEN/NOTIFY. */
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { channelFor } from './channel';
import { checkConnectionString } from './connection';
import { TeamDbError } from './errors';
import { migrate, type MigrateResult } from './migrate';
import { checkWorkspaceId, pullOps, pushOps, pushTxs, type PulledOp, type PushedOp, type TeamOpInput } from './ops';
import { scramVerifier } from './scram';
import { getBlob, linkedBlobs, putBlob } from './team-blobs-db';

export type TeamRole = 'owner' | 'editor' | 'viewer';
export type { PulledOp, PushedOp, TeamOpInput } from './ops';

export interface TeamDbOptions {
  /** Connections kept open for queries (LISTEN uses one more per listener). */
  poolSize?: number;
}

export interface Listener {
  close(): Promise<void>;
}

const LOGIN = /^[a-z_][a-z0-9_]{0,62}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const ROLES: readonly TeamRole[] = ['owner', 'editor', 'viewer'];

export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
// The NOTIFY channel is a per-workspace secret looked up after connecting (channel.ts, migration 0004).

function checkLogin(name: string): void {
  if (!LOGIN.test(name)) throw new TeamDbError('bad_input', `member login ${JSON.stringify(name).slice(0, 70)} must be lower-case letters, digits or _ (at most 63)`);
}

export class TeamDb {
  private constructor(private readonly pool: pg.Pool, private readonly config: pg.PoolConfig) {}

  /** Opens a pool. A remote host without sslmode=require/verify-ca/verify-full is refused before any traffic. */
  static async connect(connectionString: string, options: TeamDbOptions = {}): Promise<TeamDb> {
    checkConnectionString(connectionString);
    const config: pg.PoolConfig = { connectionString, max: options.poolSize ?? 4, application_name: 'analyst-workbench' };
    const pool = new pg.Pool(config);
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const client = await pool.connect().catch(async (err: unknown) => { await pool.end(); throw err; });
    client.release();
    return new TeamDb(pool, config);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** A client for one transaction or statement; released afterwards. */
  private async with<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // The pool listens for errors only on idle clients. A connection dropped while checked out (server restart, network
    // cut) emits 'error' on the client as well as failing the query: unheard, that event would crash the process.
    let broken: unknown = null;
    const onError = (e: unknown): void => { broken = e; };
    client.on('error', onError);
    try {
      return await fn(client);
    } finally {
      client.removeListener('error', onError);
      // A broken client is destroyed, not returned to the pool for the next query to fail on.
      client.release(broken ? (broken as Error) : undefined);
    }
  }

  /** Applies pending schema migrations (administrator connection). */
  migrate(): Promise<MigrateResult> {
    return this.with((c) => migrate(c));
  }

  /** Creates a login role for a member (administrator with CREATEROLE). Only a SCRAM verifier is sent. */
  async createMemberLogin(login: string, password: string): Promise<void> {
    checkLogin(login);
    await this.with((c) => c.query('SELECT team.create_member_login($1, $2)', [login, scramVerifier(password)]));
  }

  /** Creates a workspace owned by this login. */
  async createTeamWorkspace(name: string): Promise<{ id: string; name: string }> {
    if (typeof name !== 'string' || name.length < 1 || name.length > 200) throw new TeamDbError('bad_input', 'workspace name must be 1–200 characters');
    const { rows } = await this.with((c) => c.query<{ id: string }>('SELECT team.create_workspace($1) AS id', [name]));
    return { id: rows[0]!.id, name };
  }

  /** Adds a member or changes their role; the database allows it to the workspace's owners only. */
  async addMember(workspaceId: string, login: string, role: TeamRole): Promise<void> {
    checkWorkspaceId(workspaceId);
    checkLogin(login);
    if (!ROLES.includes(role)) throw new TeamDbError('bad_input', `role must be one of ${ROLES.join(', ')}`);
    await this.with((c) => c.query(
      `INSERT INTO team.members (workspace_id, user_name, role) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, user_name) DO UPDATE SET role = EXCLUDED.role`, [workspaceId, login, role]));
  }

  async members(workspaceId: string): Promise<{ login: string; role: TeamRole }[]> {
    checkWorkspaceId(workspaceId);
    const { rows } = await this.with((c) => c.query<{ user_name: string; role: TeamRole }>(
      'SELECT user_name, role FROM team.members WHERE workspace_id = $1 ORDER BY user_name', [workspaceId]));
    return rows.map((r) => ({ login: r.user_name, role: r.role }));
  }

  /** See ops.ts pushTxs: several local transactions in one database transaction, all or none. */
  pushTxs(workspaceId: string, txs: readonly { txId: string; ops: readonly TeamOpInput[] }[]): Promise<PushedOp[][]> {
    return this.with((c) => pushTxs(c, workspaceId, txs));
  }

  /** See ops.ts pushOps. All ops of one call share a tx id (one local transaction). */
  pushOps(workspaceId: string, ops: readonly TeamOpInput[], txId: string = randomUUID()): Promise<PushedOp[]> {
    return this.with((c) => pushOps(c, workspaceId, ops, txId));
  }

  pullOps(workspaceId: string, sinceSeq: number, limit?: number): Promise<PulledOp[]> {
    return this.with((c) => pullOps(c, workspaceId, sinceSeq, limit));
  }

  /** Stores a text once (by SHA-256) and makes it readable in the workspace. Returns the hash. */
  async putText(workspaceId: string, content: string): Promise<string> {
    checkWorkspaceId(workspaceId);
    if (typeof content !== 'string') throw new TeamDbError('bad_input', 'text content must be a string');
    // Content always travels: the server hashes it, so a hash alone never grants a text (migration 0002, put_text).
    const { rows } = await this.with((c) => c.query<{ sha: string }>('SELECT team.put_text($1, $2) AS sha', [workspaceId, content]));
    // Differs only if the connection's encoding is not UTF-8: then later lookups by the local hash would miss.
    if (rows[0]!.sha !== sha256Of(content)) throw new TeamDbError('bad_input', 'the team database hashed the text differently: its client encoding is not UTF-8');
    return rows[0]!.sha;
  }

  /** A text this login may read (through one of its workspaces), or null. */
  async getText(sha256: string): Promise<string | null> {
    if (!SHA256.test(sha256)) throw new TeamDbError('bad_input', 'a text hash is 64 lower-case hex digits');
    const { rows } = await this.with((c) => c.query<{ content: string }>('SELECT content FROM team.texts WHERE sha256 = $1', [sha256]));
    return rows[0]?.content ?? null;
  }

  /** Capture files (team-blobs-db.ts): store and link one (server-hashed), which are linked already, read one (unverified). */
  putBlob(workspaceId: string, bytes: Uint8Array): Promise<string> {
    return this.with((c) => putBlob(c, workspaceId, bytes));
  }

  linkedBlobs(workspaceId: string, hashes: readonly string[]): Promise<Set<string>> {
    return this.with((c) => linkedBlobs(c, workspaceId, hashes));
  }

  getBlob(sha256: string): Promise<Buffer | null> {
    return this.with((c) => getBlob(c, sha256));
  }

  /**
   * Calls `onSeq` with the highest new seq each time ops are committed to the workspace (by anyone, this login
   * included). Uses a connection of its own. Reconnecting after a drop is the caller's job (`onError`).
   */
  async listen(workspaceId: string, onSeq: (seq: number) => void, onError: (err: Error) => void = () => undefined): Promise<Listener> {
    checkWorkspaceId(workspaceId);
    const client = new pg.Client(this.config);
    client.on('error', onError);
    await client.connect();
    let channel: string;
    try {
      channel = await channelFor(client, workspaceId);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    client.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload) onSeq(Number(msg.payload));
    });
    // LISTEN takes an identifier, not a parameter: the name comes from the database (hex only) and is quoted.
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    return { close: () => client.end() };
  }
}
