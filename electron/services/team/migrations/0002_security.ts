/** Migration 0002: roles, row-level security, the op triggers (seq, records, NOTIFY, append-only). Never edit once shipped. */

// Identity is session_user (the login role), not current_user: inside a SECURITY DEFINER function current_user is
// the function's owner, and using one notion everywhere keeps the policies and the helper function in agreement.
// The only SECURITY DEFINER functions are the membership lookup (a policy on members cannot read members itself:
// PostgreSQL rejects self-referencing policies), workspace creation (the creator is not yet an owner), storing a
// text (see put_text) and the ops triggers (so members need no rights on the sequence or on records). Each has a fixed search_path.
export const sql = `
DO $roles$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'workbench_team_member') THEN
    CREATE ROLE workbench_team_member NOLOGIN;
  END IF;
END
$roles$;

REVOKE ALL ON SCHEMA team FROM PUBLIC;
GRANT USAGE ON SCHEMA team TO workbench_team_member;

CREATE FUNCTION team.my_role(ws uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$ SELECT role FROM team.members WHERE workspace_id = ws AND user_name = session_user::text $f$;

CREATE FUNCTION team.create_workspace(ws_name text) RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
DECLARE ws uuid;
BEGIN
  INSERT INTO team.workspaces (name, created_by) VALUES (ws_name, session_user) RETURNING id INTO ws;
  INSERT INTO team.members (workspace_id, user_name, role, added_by) VALUES (ws, session_user, 'owner', session_user);
  RETURN ws;
END
$f$;

-- Texts are stored and linked to a workspace only here, from their content: knowing a hash (say, from another
-- team's export) must not be enough to link that text into one's own workspace and read it.
CREATE FUNCTION team.put_text(ws uuid, body text) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
DECLARE h text := encode(sha256(convert_to(body, 'UTF8')), 'hex');
BEGIN
  IF team.my_role(ws) IS NULL OR team.my_role(ws) NOT IN ('owner', 'editor') THEN
    RAISE EXCEPTION 'only an owner or editor of the workspace may store texts in it' USING ERRCODE = '42501';
  END IF;
  INSERT INTO team.texts (sha256, content) VALUES (h, body) ON CONFLICT (sha256) DO NOTHING;
  INSERT INTO team.workspace_texts (workspace_id, sha256, added_by) VALUES (ws, h, session_user) ON CONFLICT DO NOTHING;
  RETURN h;
END
$f$;

-- Run by an administrator with CREATEROLE (security invoker). The password arrives as a SCRAM verifier, so the
-- plain password never reaches the server or its logs. format() quotes the identifier and the literal.
CREATE FUNCTION team.create_member_login(login text, scram_verifier text) RETURNS void
  LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  IF login !~ '^[a-z_][a-z0-9_]{0,62}$' THEN RAISE EXCEPTION 'invalid login name %', login USING ERRCODE = '22023'; END IF;
  IF scram_verifier !~ '^SCRAM-SHA-256\\$' THEN RAISE EXCEPTION 'password must be a SCRAM-SHA-256 verifier' USING ERRCODE = '22023'; END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE workbench_team_member', login, scram_verifier);
END
$f$;

REVOKE ALL ON FUNCTION team.my_role(uuid), team.create_workspace(text), team.put_text(uuid, text), team.create_member_login(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team.my_role(uuid), team.create_workspace(text), team.put_text(uuid, text) TO workbench_team_member;

-- Ops: a per-workspace lock, then the seq; author and time come from the server.
CREATE FUNCTION team.ops_before_insert() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('team.ops'), hashtext(NEW.workspace_id::text));
  NEW.seq := nextval('team.ops_seq');
  NEW.author := session_user;
  NEW.created_at := now();
  RETURN NEW;
END
$f$;

-- A delete keeps the last value, so an edit that raced a delete stays recoverable.
CREATE FUNCTION team.ops_apply() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  INSERT INTO team.records AS r (workspace_id, collection, id, version, value, deleted, created_by, updated_by, updated_at, last_seq)
  VALUES (NEW.workspace_id, NEW.collection, NEW.record_id, 1, NEW.value, NEW.kind = 'del', NEW.author, NEW.author, NEW.created_at, NEW.seq)
  ON CONFLICT (workspace_id, collection, id) DO UPDATE SET
    version = r.version + 1,
    value = COALESCE(EXCLUDED.value, r.value),
    deleted = EXCLUDED.deleted,
    updated_by = EXCLUDED.updated_by,
    updated_at = EXCLUDED.updated_at,
    last_seq = EXCLUDED.last_seq;
  RETURN NULL;
END
$f$;

-- One notification per workspace per statement, carrying the highest new seq; delivered at commit.
CREATE FUNCTION team.ops_notify() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  PERFORM pg_notify('team_ops_' || replace(workspace_id::text, '-', ''), max(seq)::text) FROM new_ops GROUP BY workspace_id;
  RETURN NULL;
END
$f$;

CREATE FUNCTION team.ops_append_only() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  RAISE EXCEPTION 'team.ops is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$f$;

REVOKE ALL ON FUNCTION team.ops_before_insert(), team.ops_apply(), team.ops_notify(), team.ops_append_only() FROM PUBLIC;

CREATE TRIGGER ops_before_insert BEFORE INSERT ON team.ops FOR EACH ROW EXECUTE FUNCTION team.ops_before_insert();
CREATE TRIGGER ops_apply AFTER INSERT ON team.ops FOR EACH ROW EXECUTE FUNCTION team.ops_apply();
CREATE TRIGGER ops_notify AFTER INSERT ON team.ops REFERENCING NEW TABLE AS new_ops FOR EACH STATEMENT EXECUTE FUNCTION team.ops_notify();
-- Even the owner's mistakes: no UPDATE, DELETE or TRUNCATE of the operation log.
CREATE TRIGGER ops_append_only BEFORE UPDATE OR DELETE ON team.ops FOR EACH ROW EXECUTE FUNCTION team.ops_append_only();
CREATE TRIGGER ops_no_truncate BEFORE TRUNCATE ON team.ops FOR EACH STATEMENT EXECUTE FUNCTION team.ops_append_only();

-- Grants: reads everywhere (rows filtered by policy), writes only where listed. Nothing grants UPDATE or DELETE on ops.
GRANT SELECT ON team.workspaces, team.members, team.ops, team.records, team.texts, team.workspace_texts, team.conflicts TO workbench_team_member;
GRANT UPDATE (name) ON team.workspaces TO workbench_team_member;
GRANT INSERT (workspace_id, user_name, role), UPDATE (role), DELETE ON team.members TO workbench_team_member;
GRANT INSERT (op_id, workspace_id, tx_id, collection, record_id, kind, value) ON team.ops TO workbench_team_member;
GRANT INSERT (id, workspace_id, collection, record_id, field, candidates), UPDATE (resolved, resolution, resolved_by, resolved_at) ON team.conflicts TO workbench_team_member;

ALTER TABLE team.workspaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.ops ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.texts ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.workspace_texts ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.conflicts ENABLE ROW LEVEL SECURITY;

CREATE POLICY member_reads ON team.workspaces FOR SELECT USING (team.my_role(id) IS NOT NULL);
CREATE POLICY owner_renames ON team.workspaces FOR UPDATE USING (team.my_role(id) = 'owner') WITH CHECK (team.my_role(id) = 'owner');

CREATE POLICY member_reads ON team.members FOR SELECT USING (team.my_role(workspace_id) IS NOT NULL);
CREATE POLICY owner_adds ON team.members FOR INSERT WITH CHECK (team.my_role(workspace_id) = 'owner');
CREATE POLICY owner_changes ON team.members FOR UPDATE USING (team.my_role(workspace_id) = 'owner') WITH CHECK (team.my_role(workspace_id) = 'owner');
CREATE POLICY owner_removes ON team.members FOR DELETE USING (team.my_role(workspace_id) = 'owner');

CREATE POLICY member_reads ON team.ops FOR SELECT USING (team.my_role(workspace_id) IS NOT NULL);
CREATE POLICY writer_appends ON team.ops FOR INSERT WITH CHECK (team.my_role(workspace_id) IN ('owner', 'editor') AND author = session_user::text);

CREATE POLICY member_reads ON team.records FOR SELECT USING (team.my_role(workspace_id) IS NOT NULL);

CREATE POLICY member_reads ON team.workspace_texts FOR SELECT USING (team.my_role(workspace_id) IS NOT NULL);
-- A text is readable through a workspace the reader belongs to (the subquery is filtered by workspace_texts' policy).
CREATE POLICY linked_reads ON team.texts FOR SELECT USING (EXISTS (SELECT 1 FROM team.workspace_texts wt WHERE wt.sha256 = texts.sha256));

CREATE POLICY member_reads ON team.conflicts FOR SELECT USING (team.my_role(workspace_id) IS NOT NULL);
CREATE POLICY writer_records ON team.conflicts FOR INSERT WITH CHECK (team.my_role(workspace_id) IN ('owner', 'editor'));
CREATE POLICY writer_resolves ON team.conflicts FOR UPDATE USING (team.my_role(workspace_id) IN ('owner', 'editor'))
  WITH CHECK (team.my_role(workspace_id) IN ('owner', 'editor') AND (resolved_by IS NULL OR resolved_by = session_user::text));
`;
