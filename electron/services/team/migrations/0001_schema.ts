/** Migration 0001: the team tables (workspaces, members, ops, records, texts, conflicts). Never edit once shipped. */

// seq is a plain bigint filled by a trigger (0002), not a bigserial default: the trigger takes a per-workspace lock
// before drawing the number, so within a workspace seqs become visible in order and "ops since seq N" never skips
// an op that commits late. A default would draw the number before the lock.
export const sql = `
CREATE TABLE team.workspaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_by text NOT NULL DEFAULT session_user,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- user_name is the member's PostgreSQL login role: identity comes from the database login, never from the client.
CREATE TABLE team.members (
  workspace_id uuid NOT NULL REFERENCES team.workspaces (id) ON DELETE CASCADE,
  user_name text NOT NULL CHECK (user_name ~ '^[a-z_][a-z0-9_]{0,62}$'),
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  added_by text NOT NULL DEFAULT session_user,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_name)
);
CREATE INDEX members_by_user ON team.members (user_name);

CREATE SEQUENCE team.ops_seq AS bigint;
CREATE TABLE team.ops (
  seq bigint PRIMARY KEY,
  op_id uuid NOT NULL UNIQUE,
  workspace_id uuid NOT NULL REFERENCES team.workspaces (id),
  author text NOT NULL DEFAULT session_user,
  tx_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  collection text NOT NULL CHECK (collection ~ '^[A-Za-z][A-Za-z0-9_]{0,63}$'),
  record_id text NOT NULL CHECK (length(record_id) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('put', 'del')),
  value jsonb,
  CHECK ((kind = 'put') = (value IS NOT NULL))
);
-- "ops since seq N for workspace W", the pull query.
CREATE INDEX ops_by_workspace_seq ON team.ops (workspace_id, seq);

-- The current state, derived from ops by a trigger; clients never write it directly.
CREATE TABLE team.records (
  workspace_id uuid NOT NULL REFERENCES team.workspaces (id),
  collection text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  value jsonb,
  deleted boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (workspace_id, collection, id)
);

-- Text bodies stored once by SHA-256; the CHECK makes a body stored under someone else's hash impossible.
CREATE TABLE team.texts (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (sha256 = encode(sha256(convert_to(content, 'UTF8')), 'hex'))
);
-- Which workspaces may read a text: a text is shared storage, its visibility is per workspace.
CREATE TABLE team.workspace_texts (
  workspace_id uuid NOT NULL REFERENCES team.workspaces (id),
  sha256 text NOT NULL REFERENCES team.texts (sha256),
  added_by text NOT NULL DEFAULT session_user,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, sha256)
);
CREATE INDEX workspace_texts_by_sha ON team.workspace_texts (sha256);

-- Concurrent edits of one field: every candidate value is kept until an analyst resolves it. id is chosen by the
-- detecting client (deterministic from the ops involved) so two clients recording one conflict store it once.
CREATE TABLE team.conflicts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES team.workspaces (id),
  collection text NOT NULL,
  record_id text NOT NULL,
  field text NOT NULL,
  candidates jsonb NOT NULL CHECK (jsonb_typeof(candidates) = 'array'),
  detected_by text NOT NULL DEFAULT session_user,
  detected_at timestamptz NOT NULL DEFAULT now(),
  resolved boolean NOT NULL DEFAULT false,
  resolution jsonb,
  resolved_by text,
  resolved_at timestamptz
);
CREATE INDEX conflicts_open ON team.conflicts (workspace_id) WHERE NOT resolved;
`;
