/** Contract methods for team workspaces on PostgreSQL (issue 18): link or join, status, sync, conflicts, activity, authorship. */
import { z } from 'zod';
import { method } from './define';
import { empty, id, text } from './schemas';
import type { TeamActivityItem, TeamAuthorView, TeamConflictView, TeamStatusView, TeamSyncView } from './views-team';
import type { TeamMemberView } from './views-team';

/** A connection string without a password (the host refuses one with a password inside). */
const db = z.string().min(1).max(2000).regex(/^postgres(ql)?:\/\//, 'expected postgresql://LOGIN@HOST:5432/DATABASE');
const password = z.string().min(1).max(1000);
/** A member's PostgreSQL login and role (members methods). */
const login = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a login is lower-case letters, digits or _ (at most 63)');
const role = z.enum(['owner', 'editor', 'viewer']);
const teamId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected the team workspace id (a UUID)');

/** Every team method can meet each of these: not linked, refused or already linked, unknown team or conflict, database down. */
const TEAM_ERRORS = ['unsupported', 'conflict', 'not_found', 'storage_failed'] as const;

export const teamApi = {
  'team.status': method<TeamStatusView>()({ request: empty, errors: TEAM_ERRORS }),
  /** Shares this workspace as a new team workspace (the login becomes its owner). */
  'team.link': method<TeamSyncView>()({
    request: z.object({ db, password, title: text(200).optional() }).strict(),
    errors: TEAM_ERRORS,
  }),
  /** Joins an existing team workspace into this (empty) workspace. */
  'team.join': method<TeamSyncView>()({
    request: z.object({ db, password, teamId }).strict(),
    errors: TEAM_ERRORS,
  }),
  /** Gives the password again for a linked workspace (browser mode keeps it for the session only). */
  'team.unlock': method<TeamStatusView>()({ request: z.object({ password }).strict(), errors: TEAM_ERRORS }),
  'team.sync': method<TeamSyncView>()({ request: empty, errors: TEAM_ERRORS }),
  'team.conflicts': method<TeamConflictView[]>()({ request: empty, errors: TEAM_ERRORS }),
  'team.resolveConflict': method<TeamConflictView[]>()({
    request: z.object({ id: z.string().min(1).max(200), pick: z.enum(['local', 'remote']) }).strict(),
    errors: TEAM_ERRORS,
  }),
  'team.activity': method<TeamActivityItem[]>()({
    request: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    errors: TEAM_ERRORS,
  }),
  'team.authorOf': method<TeamAuthorView | null>()({
    request: z.object({ collection: z.string().min(1).max(40), id }).strict(),
    errors: TEAM_ERRORS,
  }),
  /** Owners only (the database decides): adds an existing team login with a role; answers the members. */
  'team.addMember': method<TeamMemberView[]>()({ request: z.object({ login, role }).strict(), errors: TEAM_ERRORS }),
  /** Owners only; the last owner cannot be demoted (refused by the database). */
  'team.setRole': method<TeamMemberView[]>()({ request: z.object({ login, role }).strict(), errors: TEAM_ERRORS }),
  /** Owners only; the last owner cannot be removed. */
  'team.removeMember': method<TeamMemberView[]>()({ request: z.object({ login }).strict(), errors: TEAM_ERRORS }),
};
