/** Migration 0003: capture files (original PDFs, web captures, area crops) stored once by SHA-256, readable per workspace. Never edit once shipped. */

// The same model as texts (0001/0002): the bytes live once in team.blobs (a CHECK ties the hash to the content),
// team.workspace_blobs says which workspaces may read them, and the only way in is team.put_blob, which hashes on the
// server, so knowing a hash (say, from another team's export) never links that file into one's own workspace.
// STORAGE EXTERNAL keeps the bytes uncompressed out of line: PDFs and PNGs are compressed already, and substring()
// on an uncompressed value reads only the slices asked for, which is how clients download a large file in chunks.
// 200 MB a file: a generous scanned book; PostgreSQL's own limit for a value is 1 GB.
export const sql = `
CREATE TABLE team.blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL,
  content bytea NOT NULL,
  created_by text NOT NULL DEFAULT session_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (size = octet_length(content) AND size BETWEEN 1 AND 209715200),
  CHECK (sha256 = encode(sha256(content), 'hex'))
);
ALTER TABLE team.blobs ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE TABLE team.workspace_blobs (
  workspace_id uuid NOT NULL REFERENCES team.workspaces (id),
  sha256 text NOT NULL REFERENCES team.blobs (sha256),
  added_by text NOT NULL DEFAULT session_user,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, sha256)
);
CREATE INDEX workspace_blobs_by_sha ON team.workspace_blobs (sha256);

CREATE FUNCTION team.put_blob(ws uuid, body bytea) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
DECLARE h text;
BEGIN
  IF team.my_role(ws) IS NULL OR team.my_role(ws) NOT IN ('owner', 'editor') THEN
    RAISE EXCEPTION 'only an owner or editor of the workspace may store files in it' USING ERRCODE = '42501';
  END IF;
  IF body IS NULL OR octet_length(body) = 0 OR octet_length(body) > 209715200 THEN
    RAISE EXCEPTION 'a team file must be 1 byte to 200 MB (this one is % bytes)', coalesce(octet_length(body), 0) USING ERRCODE = '54000';
  END IF;
  h := encode(sha256(body), 'hex');
  -- Checked first: an INSERT evaluates the table's CHECK (hashing the bytes again) before it sees the conflict.
  IF NOT EXISTS (SELECT 1 FROM team.blobs WHERE sha256 = h) THEN
    INSERT INTO team.blobs (sha256, size, content, created_by) VALUES (h, octet_length(body), body, session_user) ON CONFLICT (sha256) DO NOTHING;
  END IF;
  INSERT INTO team.workspace_blobs (workspace_id, sha256, added_by) VALUES (ws, h, session_user) ON CONFLICT DO NOTHING;
  RETURN h;
END
$f$;

REVOKE ALL ON FUNCTION team.put_blob(uuid, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team.put_blob(uuid, bytea) TO workbench_team_member;

-- Reads only: nothing grants INSERT, UPDATE or DELETE, so the function above is the one way to store or link a file.
GRANT SELECT ON team.blobs, team.workspace_blobs TO workbench_team_member;

ALTER TABLE team.blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.workspace_blobs ENABLE ROW LEVEL SECURITY;

CREATE POLICY member_reads ON team.workspace_blobs FOR SELECT USING (team.my_role(workspace_id) IS NOT NULL);
-- A file is readable through a workspace the reader belongs to (the subquery is filtered by workspace_blobs' policy).
CREATE POLICY linked_reads ON team.blobs FOR SELECT USING (EXISTS (SELECT 1 FROM team.workspace_blobs wb WHERE wb.sha256 = blobs.sha256));
`;
