/** What the team methods answer (issue 18): link status, members, conflicts with both sides, activity, authorship. */

export type TeamRoleView = 'owner' | 'editor' | 'viewer';
/** online: the last sync reached the database; offline: it could not (edits queue); refused: the database refused our edits. */
export type TeamConnection = 'online' | 'offline' | 'refused';
/** Where the host keeps the team password: the OS keychain (desktop) or memory for this session only (browser mode, tests). */
export type SecretStorageKind = 'keychain' | 'memory';

export interface TeamMemberView {
  login: string;
  role: TeamRoleView;
}

export type TeamStatusView =
  | { linked: false; secretStorage: SecretStorageKind }
  | {
    linked: true;
    secretStorage: SecretStorageKind;
    teamId: string;
    workspaceName: string;
    /** Connection string without the password. */
    url: string;
    member: string;
    role: TeamRoleView | null;
    connection: TeamConnection;
    /** Why offline or refused (or the last error), else null. */
    reason: string | null;
    /** The host has no password for this link (a new browser-mode session): team.unlock asks for it. */
    needsPassword: boolean;
    lastSyncAt: string | null;
    lastSeq: number;
    pendingEdits: number;
    openConflicts: number;
    /** Null until the database answered once in this session. */
    members: TeamMemberView[] | null;
    /** Open conflicts recorded in the team database by every member; null until read (or when it cannot be). */
    teamOpenConflicts?: number | null;
  };

export interface TeamConflictSideView {
  /** Absent: this side deleted the record or field. */
  value?: unknown;
  deleted: boolean;
  author: string;
  at: string;
}

export interface TeamConflictView {
  id: string;
  collection: string;
  recordId: string;
  /** A short human name of the record (highlight quote, claim statement, source title…). */
  recordLabel: string;
  /** The field path as text ("statement", "hypotheses[h1].label"), '' for the whole record. */
  field: string;
  kind: 'field' | 'edit-delete';
  local: TeamConflictSideView;
  remote: TeamConflictSideView;
}

export interface TeamActivityItem {
  member: string;
  /** created: the put that first brought the record into the team workspace. */
  action: 'created' | 'changed' | 'deleted';
  collection: string;
  recordId: string;
  recordLabel: string;
  at: string;
}

export interface TeamAuthorView {
  /** Who last changed the record as this workspace knows it (from pulled and pushed team ops). */
  member: string;
  at: string;
  /** True when that is the member using this workspace. */
  isMe: boolean;
  /** Who created the record; null when unknown (first seen as a delete, or synced before creators were kept). */
  created: TeamAuthorMarkView | null;
}

/** One member's edit at one time, as shown ("Created by alice"). */
export interface TeamAuthorMarkView {
  member: string;
  at: string;
  isMe: boolean;
}

export interface TeamSyncView {
  pulled: number;
  pushed: number;
  conflicts: number;
  status: TeamStatusView;
}
