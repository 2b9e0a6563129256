/** Typed failures of the team database layer, each with a message an analyst or admin can act on. */

export type TeamDbErrorKind =
  | 'insecure'      // a remote connection string without TLS
  | 'bad_input'     // an op, name or hash the client refused before sending
  | 'migration'     // a migration failed, was edited after being applied, or the database is newer than the app
  | 'op_conflict';  // an op_id re-sent with different content, or already used in another workspace

export class TeamDbError extends Error {
  constructor(readonly kind: TeamDbErrorKind, message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'TeamDbError';
  }
}
