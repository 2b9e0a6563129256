/** Migration 0004: member safeguards (a workspace keeps an owner; only team logins join) and secret NOTIFY channels. Never edit once shipped. */

// The last-owner check lives in the database so no client (the CLI, the app, hand-written SQL) can leave a workspace
// nobody may manage. Checks of one workspace are serialised by an advisory lock taken in the trigger: under READ
// COMMITTED each statement of the function then sees what a concurrent change committed, so two owners demoting
// each other at once leave one of them owner (the second is refused). Under SERIALIZABLE the same write skew is
// refused by PostgreSQL's own checks; under REPEATABLE READ the other owners' rows are locked, which makes a
// concurrent change fail the transaction rather than pass unseen.
//
// LISTEN needs no privilege, so a channel named after the workspace id let any login that knew the id watch the
// team's activity. The channel is now 'team_ops_' + a random secret kept in workspace_channels, which row-level
// security shows to members only. 32 hex digits keep the name inside PostgreSQL's 63-byte identifier limit.
export const sql = `
CREATE FUNCTION team.members_keep_owner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
DECLARE others integer;
BEGIN
  IF OLD.role <> 'owner' OR (TG_OP = 'UPDATE' AND NEW.role = 'owner' AND NEW.workspace_id = OLD.workspace_id) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  -- The workspace itself is being deleted (its members go by cascade): nothing is left to manage.
  IF NOT EXISTS (SELECT 1 FROM team.workspaces WHERE id = OLD.workspace_id) THEN RETURN OLD; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('team.members'), hashtext(OLD.workspace_id::text));
  IF current_setting('transaction_isolation') = 'repeatable read' THEN
    SELECT count(*) INTO others FROM (SELECT 1 FROM team.members WHERE workspace_id = OLD.workspace_id AND role = 'owner'
      AND user_name <> OLD.user_name FOR SHARE) o;
  ELSE
    SELECT count(*) INTO others FROM team.members WHERE workspace_id = OLD.workspace_id AND role = 'owner' AND user_name <> OLD.user_name;
  END IF;
  IF others = 0 THEN
    RAISE EXCEPTION '% is the last owner of this team workspace: make another member owner first', OLD.user_name
      USING ERRCODE = '23514', HINT = 'workbench team set-role --login OTHER --role owner';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$f$;

-- A member is a login in the team group: a typo or a role outside the team would otherwise be "added" silently.
-- A superuser counts as a member of every role, and needs no membership (it bypasses row-level security).
CREATE FUNCTION team.members_known_login() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = NEW.user_name AND r.rolcanlogin AND NOT r.rolsuper
                 AND pg_catalog.pg_has_role(r.oid, 'workbench_team_member', 'MEMBER')) THEN
    RAISE EXCEPTION 'unknown team login %: the database administrator creates it first', NEW.user_name
      USING ERRCODE = '23503', HINT = 'workbench team add-member --create-login (needs CREATEROLE)';
  END IF;
  RETURN NEW;
END
$f$;

CREATE TABLE team.workspace_channels (
  workspace_id uuid PRIMARY KEY REFERENCES team.workspaces (id) ON DELETE CASCADE,
  secret text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text, '-', '') CHECK (secret ~ '^[0-9a-f]{32}$')
);
INSERT INTO team.workspace_channels (workspace_id) SELECT id FROM team.workspaces;

CREATE FUNCTION team.workspaces_channel() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  INSERT INTO team.workspace_channels (workspace_id) VALUES (NEW.id);
  RETURN NULL;
END
$f$;

-- Same statement-level shape as 0002's, now SECURITY DEFINER: the channel table is not the inserter's to read.
CREATE OR REPLACE FUNCTION team.ops_notify() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $f$
BEGIN
  PERFORM pg_notify('team_ops_' || c.secret, n.seq::text)
    FROM (SELECT workspace_id, max(seq) AS seq FROM new_ops GROUP BY workspace_id) n
    JOIN team.workspace_channels c USING (workspace_id);
  RETURN NULL;
END
$f$;

REVOKE ALL ON FUNCTION team.members_keep_owner(), team.members_known_login(), team.workspaces_channel(), team.ops_notify() FROM PUBLIC;

CREATE TRIGGER members_keep_owner BEFORE UPDATE OR DELETE ON team.members FOR EACH ROW EXECUTE FUNCTION team.members_keep_owner();
CREATE TRIGGER members_known_login BEFORE INSERT OR UPDATE OF user_name ON team.members FOR EACH ROW EXECUTE FUNCTION team.members_known_login();
CREATE TRIGGER workspaces_channel AFTER INSERT ON team.workspaces FOR EACH ROW EXECUTE FUNCTION team.workspaces_channel();

GRANT SELECT ON team.workspace_channels TO workbench_team_member;
ALTER TABLE team.workspace_channels ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_reads ON team.workspace_channels FOR SELECT USING (team.my_role(workspace_id) IS NOT NULL);
`;
