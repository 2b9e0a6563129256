/**
 * Team use of the open workspace for a host (desktop services or browser mode): link or join, the background
 * TeamSync loop while the password is known, and the views the team methods answer. One per open Workbench.
 */
import path from 'node:path';
import { COLLECTION_NAMES } from '../../../shared/domain/types';
import type { SecretStorageKind, TeamActivityItem, TeamAuthorView, TeamMemberView, TeamStatusView } from '../../../shared/contract/views-team';
import type { Workbench } from '../workbench/workbench';
import { checkNoPassword, CredentialError, loginOf, secretKeyOf, withPassword, type SecretStore } from './credentials';
import { TeamDbError } from './errors';
import { TeamSync, writeNewLink, type SyncReport } from './sync';
import { loadLink, readAuthors, readLink, type AuthorMark, type TeamLink } from './sync-state';
import { isUnreachable } from './sync-wire';
import { TeamDb } from './team-db';
import { activityOfAuthors, activityOfRemote, authorWithPending } from './team-views';
import { openTeamConflicts } from './conflict-share';
import { MemberAdmin, MemberError, withTeamClient } from './member-admin';

const FEED_KEPT = 500;
const MEMBERS_FRESH_MS = 15_000;

export interface TeamHostOptions {
  secrets: SecretStore;
  secretStorage: SecretStorageKind;
  /** Run the background loop (LISTEN/NOTIFY, push on edit); tests turn it off to order syncs themselves. Default on. */
  background?: boolean;
}

/** A failure the handlers turn into a contract error. */
export class TeamRequestError extends Error {
  constructor(readonly code: 'invalid_request' | 'conflict' | 'not_found' | 'unsupported' | 'storage_failed', message: string) {
    super(message);
  }
}

/** Database and credential errors as an analyst can act on them. */
export function explainTeamError(e: unknown): TeamRequestError {
  if (e instanceof TeamRequestError) return e;
  if (e instanceof CredentialError) return new TeamRequestError('invalid_request', e.message);
  if (e instanceof TeamDbError) return new TeamRequestError(e.kind === 'insecure' || e.kind === 'bad_input' ? 'invalid_request' : 'conflict', e.message);
  const code = (e as { code?: string })?.code;
  if (code === '28P01' || code === '28000') return new TeamRequestError('conflict', 'The team database refused the login: wrong password or unknown login.');
  if (code === '3D000') return new TeamRequestError('not_found', `The team database does not exist: ${(e as Error).message}`);
  if (isUnreachable(e)) return new TeamRequestError('storage_failed', `The team database cannot be reached (${(e as Error).message}).`);
  return new TeamRequestError('conflict', `Team database: ${(e as Error)?.message ?? String(e)}`);
}

export class TeamService {
  sync: TeamSync | null = null;
  private link: Pick<TeamLink, 'url' | 'workspaceId' | 'workspaceName' | 'member'> | null = null;
  private connectionString: string | null = null;
  private members: TeamMemberView[] | null = null;
  private membersAt = 0;
  private teamOpenConflicts: number | null = null;
  private feed: TeamActivityItem[] = [];
  private closed = false;
  /** Why the password given this session is not in the keychain, or null. */
  private keychainProblem: string | null = null;

  constructor(readonly wb: Workbench, private readonly opts: TeamHostOptions) {}

  private get dir(): string {
    return this.wb.store.dir;
  }

  /** Starts background sync when this workspace is linked and the host knows the password; otherwise waits for team.unlock. */
  async startIfLinked(): Promise<void> {
    const link = safeReadLink(this.dir);
    if (!link || this.sync) return;
    const pw = await this.opts.secrets.get(secretKeyOf(link.url, link.member));
    if (pw && !this.closed && !this.sync) this.begin(link, pw);
  }

  private begin(link: TeamLink, password: string, prepare?: (s: TeamSync) => void): TeamSync {
    this.connectionString = withPassword(link.url, password);
    const sync = TeamSync.attach(this.wb, { connectionString: this.connectionString });
    this.link = { url: link.url, workspaceId: link.workspaceId, workspaceName: link.workspaceName, member: link.member };
    this.feed = activityOfAuthors(this.wb, readAuthors(this.dir), link.member).slice(0, FEED_KEPT);
    sync.onApplied = (_ops, remote) => {
      this.feed = [...activityOfRemote(this.wb, remote, link.member, (c, id) => sync.authorOf(c, id)), ...this.feed].slice(0, FEED_KEPT);
    };
    this.sync = sync;
    prepare?.(sync);
    if (this.opts.background !== false) sync.start();
    void this.refreshMembers().catch(() => undefined);
    return sync;
  }

  private async refreshMembers(): Promise<void> {
    if (!this.connectionString || !this.link) return;
    const ws = this.link.workspaceId;
    await withTeamClient(this.connectionString, async (c) => {
      const rows = await new MemberAdmin(c, ws).list().catch((e: unknown) => { if (e instanceof MemberError) return []; throw e; });
      this.members = rows.map((m) => ({ login: m.login, role: m.role }));
      // Every member's conflicts, as their syncs recorded them (conflict-share.ts).
      this.teamOpenConflicts = (await openTeamConflicts(c, ws)).length;
      this.membersAt = Date.now();
    });
  }

  /** An owner's change to the members (member-admin.ts; the database decides); answers the members it now has. */
  async changeMembers(f: (m: MemberAdmin) => Promise<unknown>): Promise<TeamMemberView[]> {
    this.running();
    if (!this.connectionString || !this.link) throw notLinked();
    const ws = this.link.workspaceId;
    try {
      await withTeamClient(this.connectionString, (c) => f(new MemberAdmin(c, ws)));
    } catch (e) {
      if (!(e instanceof MemberError)) throw explainTeamError(e);
      const code = e.kind === 'bad_input' ? 'invalid_request' : e.kind === 'unknown_login' || e.kind === 'not_member' ? 'not_found' : 'conflict';
      throw new TeamRequestError(code, e.message);
    }
    await this.refreshMembers().catch(() => undefined);
    return this.members ?? [];
  }

  status(): TeamStatusView {
    const secretStorage = this.opts.secretStorage;
    const link = this.sync ? null : safeLoadLink(this.dir, this.wb.store.lastSeq);
    if (!this.sync && !link) return { linked: false, secretStorage };
    if (this.sync && this.link) {
      const s = this.sync.status();
      if (Date.now() - this.membersAt > MEMBERS_FRESH_MS && s.online) void this.refreshMembers().catch(() => undefined);
      return {
        linked: true, secretStorage, teamId: this.link.workspaceId, workspaceName: this.link.workspaceName, url: this.link.url,
        member: s.member, role: s.role, connection: s.refused ? 'refused' : s.online ? 'online' : 'offline',
        reason: s.refused ?? s.lastError ?? (s.online ? this.keychainProblem : 'Connecting to the team database…'), needsPassword: false,
        lastSyncAt: s.lastSyncAt, lastSeq: s.lastSeq, pendingEdits: s.pending, openConflicts: s.openConflicts, members: this.members, teamOpenConflicts: this.teamOpenConflicts,
      };
    }
    const l = link!;
    return {
      linked: true, secretStorage, teamId: l.workspaceId, workspaceName: l.workspaceName, url: l.url, member: l.member, role: l.role,
      connection: 'offline', reason: 'The team password is needed to sync in this session.', needsPassword: true,
      lastSyncAt: l.lastSyncAt, lastSeq: l.lastSeq, pendingEdits: l.pending.length,
      openConflicts: l.conflicts.filter((c) => !c.resolved).length, members: null,
    };
  }

  /** Shares this workspace as a new team workspace, owned by the login in `url`. */
  async create(url: string, password: string, title?: string): Promise<SyncReport> {
    const { conn, member } = this.prepareLink(url, password);
    const db = await TeamDb.connect(conn, { poolSize: 1 });
    let workspaceId: string;
    const workspaceName = title?.trim() || path.basename(path.resolve(this.dir));
    try {
      workspaceId = (await db.createTeamWorkspace(workspaceName)).id;
    } finally {
      await db.close();
    }
    return this.linkAndSync(url, password, { workspaceId, workspaceName, member, role: 'owner' }, true);
  }

  /** Joins team workspace `teamId` into this workspace, which must hold nothing yet. */
  async join(url: string, password: string, teamId: string): Promise<SyncReport> {
    const { conn, member } = this.prepareLink(url, password);
    if (!COLLECTION_NAMES.every((c) => this.wb.state.count(c) === 0)) {
      throw new TeamRequestError('conflict', 'Joining a team workspace needs an empty workspace: open a new, empty workspace and join from there.');
    }
    const db = await TeamDb.connect(conn, { poolSize: 1 });
    let role: TeamLink['role'];
    try {
      const me = (await db.members(teamId)).find((m) => m.login === member);
      if (!me) throw new TeamRequestError('not_found', `${member} is not a member of team workspace ${teamId} (or it does not exist): ask its owner to add you.`);
      role = me.role;
    } finally {
      await db.close();
    }
    return this.linkAndSync(url, password, { workspaceId: teamId, workspaceName: teamId, member, role }, false);
  }

  private prepareLink(url: string, password: string): { conn: string; member: string } {
    if (this.closed) throw new TeamRequestError('unsupported', 'The workspace is closing.');
    if (safeReadLink(this.dir)) throw new TeamRequestError('conflict', 'This workspace is already linked to a team workspace.');
    const member = loginOf(checkNoPassword(url));
    return { conn: withPassword(url, password), member };
  }

  private async linkAndSync(url: string, password: string, init: Pick<TeamLink, 'workspaceId' | 'workspaceName' | 'member' | 'role'>, share: boolean): Promise<SyncReport> {
    const link = writeNewLink(this.dir, { url, ...init });
    await this.remember(url, init.member, password);
    const sync = this.begin(link, password, share ? (s) => { s.queueWholeWorkspace(); } : undefined);
    // The first sync's failure (offline) is shown by status; the link itself is made and edits queue.
    const report = await sync.syncOnce().catch(() => ({ pulled: 0, pushed: 0, conflicts: 0 }));
    await this.refreshMembers().catch(() => undefined);
    return report;
  }

  /**
   * Keeps the password for the next run. A keychain that refuses (locked, denied) must not undo the link or stop this
   * session's sync: the password is then used for this session only, and the status says so.
   */
  private async remember(url: string, member: string, password: string): Promise<void> {
    try {
      await this.opts.secrets.set(secretKeyOf(url, member), password);
      this.keychainProblem = null;
    } catch (e) {
      this.keychainProblem = `The password could not be kept in the OS keychain (${(e as Error)?.message ?? String(e)}): `
        + 'it is used for this session only and will be asked for again next time.';
      console.error('[workbench] team password not saved:', e);
    }
  }

  /** Gives the password for a linked workspace whose host does not know it (checked against the database first). */
  async unlock(password: string): Promise<void> {
    const link = safeReadLink(this.dir);
    if (!link) throw notLinked();
    if (this.sync) throw new TeamRequestError('conflict', 'Team sync is already running in this session.');
    const db = await TeamDb.connect(withPassword(link.url, password), { poolSize: 1 });
    await db.close();
    await this.remember(link.url, link.member, password);
    if (!this.sync && !this.closed) this.begin(link, password);
  }

  /** Pushes queued edits and pulls the team's now. */
  async syncNow(): Promise<SyncReport> {
    const sync = this.running();
    try {
      const report = await sync.syncOnce();
      await this.refreshMembers().catch(() => undefined);
      return report;
    } catch (e) {
      throw explainTeamError(e);
    }
  }

  running(): TeamSync {
    if (this.sync) return this.sync;
    if (safeReadLink(this.dir)) throw new TeamRequestError('conflict', 'Give the team password first (team.unlock): this session does not know it.');
    throw notLinked();
  }

  /** Unresolved conflicts (readable without the password: they live in team.json). */
  conflicts() {
    if (this.sync) return this.sync.conflicts();
    const link = safeReadLink(this.dir);
    if (!link) throw notLinked();
    return link.conflicts.filter((c) => !c.resolved);
  }

  activity(limit: number): TeamActivityItem[] {
    if (!this.sync) {
      const link = safeReadLink(this.dir);
      if (!link) throw notLinked();
      return activityOfAuthors(this.wb, readAuthors(this.dir), link.member).slice(0, limit);
    }
    return this.feed.slice(0, limit);
  }

  /** Who created and who last changed a record, as this workspace knows it. */
  authorOf(collection: string, id: string): TeamAuthorView | null {
    const link = this.link ?? safeReadLink(this.dir);
    if (!link) throw notLinked();
    const synced = this.sync ? this.sync.authorOf(collection, id) : readAuthors(this.dir).get(`${collection}/${id}`) ?? null;
    // Our edits still queued for the team are the latest: "last changed by you" right after the edit, not after the push.
    const pending = this.sync ? this.sync.pendingTxs() : safeLoadLink(this.dir, this.wb.store.lastSeq)?.pending ?? [];
    const a = authorWithPending(synced, pending, collection, id);
    if (!a) return null;
    const mark = (m: AuthorMark) => ({ member: m.member, at: m.at, isMe: m.member === link.member });
    return { ...mark(a), created: a.created ? mark(a.created) : null };
  }

  /** Stops the background loop and writes what sync keeps (the host calls this before closing the workspace). */
  async stop(): Promise<void> {
    this.closed = true;
    const s = this.sync;
    this.sync = null;
    await s?.stop();
  }
}

const notLinked = () => new TeamRequestError('unsupported', 'This workspace is not linked to a team workspace: share it or join one in the Team panel.');

function safeReadLink(dir: string): TeamLink | null {
  try {
    return readLink(dir);
  } catch {
    return null;
  }
}

/** The link with the queued edits of the outbox; `journalSeq` drops lines whose commit never reached the journal. */
function safeLoadLink(dir: string, journalSeq: number): TeamLink | null {
  try {
    return loadLink(dir, journalSeq);
  } catch {
    return null;
  }
}
