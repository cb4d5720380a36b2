"""PostgreSQL enforces what Beacon allows: roles, grants, row security and audit triggers (schema v10–v14).

The role that runs `init-db` (the owner: it needs CREATEROLE, never SUPERUSER) holds every table and
function. People and services connect as their own logins, members of NOLOGIN group roles named after
the database (`<db>_handler`, `<db>_admin`, ..., `<db>_dispatcher`, `<db>_intake`) under one common
`<db>_runtime` group; those groups own nothing and can create nothing. Per table:

- the event log: INSERT and SELECT only, and a trigger refuses an event (and, v12, a logged action) whose
  actor is not the session's own user (services may write for others: the intake registers as its monitoring user;
  an administrator may carry over another system's history on a case they imported);
- configuration (users, roles, matrices, SLA, calendars, processes, settings): written by administrators;
- secrets (the `smtp`, `sr_secrets` and `intake_tokens` settings, webhook secrets): read by
  administrators and the services that use them only; password hashes (`credential`): read by nobody;
- case tables: people and services insert and update, nobody deletes; every change, by anyone and from
  any client, leaves a row in `audit_log` with `session_user`, the time and before → after;
- incidents: row-level security lets a customer (without a staff role) see only what they or their team
  registered; a case's other rows (events, actions, work orders, links, clocks, notices, the case row)
  follow the case they belong to (schema v11);
- changes outside Beacon (schema v12): Beacon changes a case only together with an event on that case, in
  the same transaction (every case service writes one per change). Triggers stamp every event and every
  audit row with the transaction (`txid_current()`) and the login (`session_user`), whatever the client
  sends; an audit row is "through Beacon" when its login wrote an event on the same case in the same
  transaction, and "outside Beacon" otherwise, shown so in a case's history and printed reports to staff
  (`beacon_case_outside_changes`). No setting a client can make moves the mark (v11 asked the client's
  `beacon.via` setting, which `SET beacon.via = 'app'` forged; rows from before v12 keep that old mark). A
  person who, from psql, writes a proper event with their change has recorded it under their own name in
  the case's event log, which is what Beacon itself would have done: that change is not marked, and need
  not be;
- the outbox: a person inserts notices, but only to where the engine would send them (no address in-app,
  else the recipient's own e-mail or enabled preference, or a service request's configured system), and
  (v12) only with an event of their own on the same case in the same transaction, so a notice is always tied
  to a recorded act of its writer; a trigger stamps the writing login (`db_user`) and, when the writer is a
  person rather than a service, their Beacon user (`author_id`), which the inbox shows as its sender;
- a forced password change is cleared only by `beacon_change_own_password`, which sets the new password.

A Beacon user on PostgreSQL is the login `<prefix><login>` (prefix empty unless `BEACON_PG_LOGIN_PREFIX`
sets one at init-db, e.g. for several Beacon databases on one cluster). Administrators create, disable and
reset logins through SECURITY DEFINER functions owned by the owner, so they need no superuser; those
functions touch only roles in `<db>_runtime` and only this database's groups. SQLite is untouched: it is
one person's file.
"""

from __future__ import annotations

import os
from typing import Any

import peewee

from desktop.models.base import database

PEOPLE_ROLES = ("customer", "handler", "second_line", "team_lead", "department_head", "problem_manager",
                "change_manager", "admin")
SERVICE_ROLES = ("dispatcher", "intake")
STAFF_ROLES = tuple(r for r in PEOPLE_ROLES if r != "customer")
LOGIN_PREFIX_ENV = "BEACON_PG_LOGIN_PREFIX"

# table names by what may write them
CONFIG_TABLES = ("setting", "team", "user", "role", "user_role", "urgency_level", "impact_level", "grade",
                 "priority_matrix_cell", "business_calendar", "calendar_day", "sla_policy", "process_definition",
                 "configuration_item", "ci_relation", "owner_matrix_entry", "propagation_override",
                 "notification_preference", "imported_record")
CASE_TABLES = ("cases", "incident", "problem", "change", "work_order", "service_request_link", "case_link",
               "action", "attachment", "sla_clock", "sla_pause", "alert_link")
OUTBOX_TABLES = ("number_sequence",)
OWN_TABLES = ("saved_filter",)
# a case's rows a customer may see, by the case they belong to: "is it one of the incidents this login
# sees?" asked as the login itself (incident's own row security answers) of that one case, through
# incident's primary key. Never the set of all their incidents (`case_id IN (SELECT ...)`): a customer's
# team registers a hundred thousand incidents in a big bank, a set too large to hash, and PostgreSQL then
# scans it once per row (schema v14; the customer's list page on a million incidents never finished).
# Nor a function per row, which the planner cannot see into.
def _their_case(column: str) -> str:
    return f"EXISTS (SELECT 1 FROM incident i WHERE i.case_id = {column})"


def _own_case(table: str, column: str) -> str:
    return f"EXISTS (SELECT 1 FROM {table} x WHERE x.case_id = {column})"


CUSTOMER_CASE_ROWS = {
    "problem": "registered_by_id = (SELECT beacon_user_id())",
    "change": f"requested_by_id = (SELECT beacon_user_id()) OR {_their_case('change.parent_id')}",
    "work_order": f"issued_by_id = (SELECT beacon_user_id()) OR {_their_case('work_order.parent_id')}",
    # the identity row: a customer's new incident gets its cases row before its incident row, so Beacon
    # inserts it without RETURNING (numbering.number_case) and the insert asks only for an incident's kind
    "cases": " OR ".join(_own_case(t, "cases.id") for t in ("incident", "problem", "change", "work_order")),
    "event": f"{_their_case('event.case_id')} OR (case_id IS NULL AND actor_id = (SELECT beacon_user_id()))",
    "action": _their_case("action.case_id"),
    "attachment": _their_case("attachment.case_id"),
    "sla_clock": _their_case("sla_clock.case_id"),
    "sla_pause": _their_case("sla_pause.case_id"),
    "alert_link": _their_case("alert_link.case_id"),
    "service_request_link": _their_case("service_request_link.case_id"),
    "case_link": f"{_their_case('case_link.source_id')} OR {_their_case('case_link.target_id')}",
    "notification": f"recipient_id = (SELECT beacon_user_id()) OR {_their_case('notification.case_id')}",
}
# settings only administrators and the named services read
SECRET_SETTINGS = {"smtp": "dispatcher", "sr_secrets": "dispatcher", "intake_tokens": "intake"}
OWN_FUNCTIONS = ("beacon_login_prefix()", "beacon_user_id()", "beacon_user_team_id()", "beacon_in_group(text)",
                 "beacon_audit()", "beacon_event_actor_is_self()", "beacon_require_admin()",
                 "beacon_login_role(text)", "beacon_login_set_groups(text, text[])",
                 "beacon_login_save(text, text, text[], boolean)", "beacon_change_own_password(text)",
                 "beacon_signed_in()", "beacon_set_must_change(text, boolean)", "beacon_login_rename(text, text)",
                 "beacon_case_outside_changes(integer)", "beacon_notice_target_is_the_recipients()",
                 "beacon_event_stamp()", "beacon_notice_written_with_its_event()",
                 "beacon_burst_counts(integer[], timestamp)")
PREFERENCE_PUBLIC_COLUMNS = ("id", "user_id", "kind", "channel", "enabled", "target")


def login_prefix() -> str:
    """The prefix of every person's PostgreSQL login (from the environment; empty by default)."""
    return os.environ.get(LOGIN_PREFIX_ENV, "")


_batch: list[str] | None = None


def _sql(text: str) -> None:
    """Run one statement, or keep it for the batch `install_postgres_security` sends in one round trip."""
    if _batch is not None:
        _batch.append(text)
        return
    # the driver formats `%` even without parameters (peewee passes an empty tuple): plpgsql's own `%` doubles
    database.execute_sql(text.replace("%", "%%"))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def group(code: str) -> str:
    """The name of this database's group role for a Beacon role or service code."""
    name = database.execute_sql("SELECT current_database()").fetchone()[0]
    return f"{name}_{code}"


def _groups() -> dict[str, str]:
    return {code: group(code) for code in (*PEOPLE_ROLES, *SERVICE_ROLES, "people", "runtime")}


def can_create_roles() -> bool:
    row = database.execute_sql("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    return bool(row.fetchone()[0])


def _create_groups(g: dict[str, str]) -> None:
    for name in g.values():
        exists = database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if not exists:
            _sql(f"CREATE ROLE {_quote(name)} NOLOGIN")
    runtime, people = _quote(g["runtime"]), _quote(g["people"])
    _sql(f"GRANT {runtime} TO {people}")
    for code in PEOPLE_ROLES:
        _sql(f"GRANT {people} TO {_quote(g[code])}")
    for code in SERVICE_ROLES:
        _sql(f"GRANT {runtime} TO {_quote(g[code])}")


def _functions(g: dict[str, str]) -> None:
    prefix = login_prefix().replace("'", "''")
    _sql(f"CREATE OR REPLACE FUNCTION beacon_login_prefix() RETURNS text LANGUAGE sql IMMUTABLE "
         f"AS $$ SELECT '{prefix}'::text $$")
    _sql("CREATE OR REPLACE FUNCTION beacon_user_id() RETURNS integer LANGUAGE sql STABLE "
         "SET search_path = public, pg_temp AS $$ "
         "SELECT u.id FROM \"user\" u WHERE beacon_login_prefix() || u.login = session_user::text "
         "AND u.is_active $$")
    _sql("CREATE OR REPLACE FUNCTION beacon_user_team_id() RETURNS integer LANGUAGE sql STABLE "
         "SET search_path = public, pg_temp AS $$ "
         "SELECT u.team_id FROM \"user\" u WHERE u.id = beacon_user_id() $$")
    # a role check by session_user: SET ROLE cannot borrow another group's rights for these
    _sql("CREATE OR REPLACE FUNCTION beacon_in_group(code text) RETURNS boolean LANGUAGE sql STABLE "
         "SET search_path = public, pg_temp AS $$ "
         "SELECT pg_has_role(session_user, current_database() || '_' || code, 'MEMBER') $$")
    # the audit: every change of a case table, whoever makes it and from whatever client
    _sql("""
CREATE OR REPLACE FUNCTION beacon_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'data' END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'data' END;
  whole jsonb := coalesce(new_row, old_row);
  case_key text := CASE WHEN TG_TABLE_NAME = 'cases' THEN whole ->> 'id' ELSE whole ->> 'case_id' END;
  before_part jsonb := old_row;
  after_part jsonb := new_row;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(n.key, n.value) INTO after_part FROM jsonb_each(new_row) n
      WHERE n.value IS DISTINCT FROM old_row -> n.key;
    IF after_part IS NULL THEN RETURN NULL; END IF;
    SELECT jsonb_object_agg(o.key, o.value) INTO before_part FROM jsonb_each(old_row) o WHERE after_part ? o.key;
  END IF;
  INSERT INTO audit_log (occurred_at, db_user, table_name, operation, row_key, before, after, application,
                         case_id, xact)
  VALUES (timezone('UTC', clock_timestamp()), session_user, TG_TABLE_NAME, TG_OP,
          coalesce(whole ->> 'id', whole ->> 'case_id', ''), before_part, after_part,
          left(coalesce(current_setting('application_name', true), ''), 64),
          CASE WHEN case_key ~ '^[0-9]{1,9}$' THEN case_key::integer END, txid_current());
  RETURN NULL;
END $$""")
    _sql("""
CREATE OR REPLACE FUNCTION beacon_event_actor_is_self() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  -- (also on `action`, v12: a logged action names its writer as the history shows it; a change of its actor
  -- is checked like a new one)
  IF TG_OP = 'UPDATE' AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id THEN RETURN NEW; END IF;
  IF NEW.actor_id IS NOT NULL AND NEW.actor_id IS DISTINCT FROM beacon_user_id()
     AND NOT beacon_in_group('dispatcher') AND NOT beacon_in_group('intake')
     -- another system's history, carried over by the administrator who imported the case
     AND NOT (beacon_in_group('admin') AND EXISTS (SELECT 1 FROM imported_record r
              WHERE r.case_id = NEW.case_id AND r.imported_by_id = beacon_user_id()))
     AND session_user::text <> (SELECT r.rolname::text FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                                 WHERE c.oid = TG_RELID) THEN
    RAISE EXCEPTION 'an event''s or action''s actor must be the signed-in user (%)', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$""")
    # every event says which login wrote it and in which transaction: what the client sent is overwritten
    # (the event log takes no UPDATE, so the stamp stays what the trigger wrote)
    _sql("""
CREATE OR REPLACE FUNCTION beacon_event_stamp() RETURNS trigger LANGUAGE plpgsql
SET search_path = public, pg_temp AS $$
BEGIN
  NEW.db_user := session_user;
  NEW.xact := txid_current();
  RETURN NEW;
END $$""")
    # a case's changes made outside Beacon, for the people who work cases (the audit itself stays the
    # administrators'): staff see every case, so one case's out-of-band rows tell them nothing they may
    # not know; a customer sees none (logins and raw columns are not theirs to read)
    staff = ", ".join(f"'{c}'" for c in STAFF_ROLES)
    _sql(f"""
CREATE OR REPLACE FUNCTION beacon_case_outside_changes(target_case integer)
RETURNS TABLE (occurred_at timestamp, db_user text, table_name text, operation text, before jsonb, after jsonb,
               application text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
SELECT a.occurred_at, a.db_user, a.table_name, a.operation, a.before, a.after, a.application
FROM audit_log a
WHERE a.case_id = target_case
  AND CASE WHEN a.xact IS NULL THEN a.via_app IS NOT TRUE  -- written before v12: the mark it had
           ELSE NOT EXISTS (SELECT 1 FROM event e WHERE e.case_id = a.case_id AND e.xact = a.xact
                            AND e.db_user = a.db_user) END
  AND (session_user::text = current_user::text
       OR EXISTS (SELECT 1 FROM unnest(ARRAY[{staff}]) code WHERE beacon_in_group(code)))
ORDER BY a.occurred_at, a.id $$""")
    # the outbox: a row goes where Beacon's engine would send it (outbox.channels_for) and nowhere else:
    # in-app rows carry no address; any other channel only the recipient's own e-mail or an enabled
    # preference's target, both written by administrators only
    _sql("""
CREATE OR REPLACE FUNCTION beacon_notice_target_is_the_recipients() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.channel = 'inapp' AND coalesce(NEW.target, '') = '' THEN RETURN NEW; END IF;
  -- a service request goes to a system the administrators configured, named by its link on this case
  IF NEW.channel = 'sr' AND EXISTS (SELECT 1 FROM service_request_link l WHERE l.case_id = NEW.case_id
                                     AND l.system = NEW.target) THEN
    RETURN NEW;
  END IF;
  IF NEW.channel NOT IN ('inapp', 'sr') AND NEW.target IS NOT NULL AND (
       EXISTS (SELECT 1 FROM notification_preference p WHERE p.user_id = NEW.recipient_id
               AND p.channel = NEW.channel AND p.enabled AND p.target = NEW.target)
       OR (NEW.channel = 'email' AND EXISTS (
             SELECT 1 FROM notification_preference p WHERE p.user_id = NEW.recipient_id
             AND p.channel = 'email' AND p.enabled AND coalesce(p.target, '') = '')
           AND NEW.target = (SELECT u.email FROM "user" u WHERE u.id = NEW.recipient_id))) THEN
    RETURN NEW;
  END IF;
  IF session_user::text = (SELECT r.rolname::text FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                            WHERE c.oid = TG_RELID) THEN
    RETURN NEW;  -- the owner (init-db, the demo) writes what it likes
  END IF;
  RAISE EXCEPTION 'a notice goes only to its recipient''s own address (%)', NEW.channel
    USING ERRCODE = 'insufficient_privilege';
END $$""")
    # a notice belongs to a recorded act: an event its writer wrote on the same case in the same transaction
    # (the engine's propagation, the SLA check's warning and a service request's delivery all do); the row
    # says who wrote it, and the inbox names a person as its sender (a service is the system)
    _sql("""
CREATE OR REPLACE FUNCTION beacon_notice_written_with_its_event() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  NEW.db_user := session_user;
  NEW.author_id := CASE WHEN beacon_in_group('dispatcher') OR beacon_in_group('intake') THEN NULL
                        ELSE beacon_user_id() END;
  IF session_user::text = (SELECT r.rolname::text FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                            WHERE c.oid = TG_RELID) THEN
    NEW.author_id := NULL;
    RETURN NEW;  -- the owner (init-db, the demo) writes what it likes
  END IF;
  IF NEW.event_id IS NULL OR NOT EXISTS (
       SELECT 1 FROM event e WHERE e.id = NEW.event_id AND e.case_id IS NOT DISTINCT FROM NEW.case_id
       AND e.xact = txid_current() AND e.db_user = session_user::text) THEN
    RAISE EXCEPTION 'a notice is written only with an event of one''s own on the same case, in the same '
                    'transaction (% wrote none for event %)', session_user, coalesce(NEW.event_id::text, 'NULL')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$""")
    _login_functions(g)


def _login_functions(g: dict[str, str]) -> None:
    """Administrators manage people's logins through these (SECURITY DEFINER, owned by the owner)."""
    _sql("""
CREATE OR REPLACE FUNCTION beacon_require_admin() RETURNS void LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp AS $$
BEGIN
  -- called from the owner's SECURITY DEFINER functions: current_user is the owner there, and the
  -- session is the owner's own only when the DBA runs init-db (or the demo) as the owner
  IF NOT beacon_in_group('admin') AND session_user::text <> current_user::text THEN
    RAISE EXCEPTION 'only an administrator manages logins' USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$""")
    _sql("""
CREATE OR REPLACE FUNCTION beacon_login_role(beacon_login text) RETURNS text LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp AS $$
DECLARE
  role_name text := beacon_login_prefix() || beacon_login;
  r pg_roles%ROWTYPE;
BEGIN
  SELECT * INTO r FROM pg_roles WHERE rolname = role_name;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF r.rolsuper OR r.rolcreaterole OR r.rolreplication OR r.rolbypassrls
     OR NOT pg_has_role(role_name, current_database() || '_runtime', 'MEMBER')
     -- a service's login is the DBA's, never an administrator's to take over
     OR pg_has_role(role_name, current_database() || '_dispatcher', 'MEMBER')
     OR pg_has_role(role_name, current_database() || '_intake', 'MEMBER')
     OR pg_has_role(role_name, current_user, 'MEMBER') THEN
    RAISE EXCEPTION 'PostgreSQL role % exists and is not one of this Beacon database''s logins; '
                    'a DBA grants it with GRANT "%" TO "%"', role_name, current_database() || '_runtime', role_name
      USING ERRCODE = 'duplicate_object';
  END IF;
  RETURN role_name;
END $$""")
    _sql("""
CREATE OR REPLACE FUNCTION beacon_login_set_groups(beacon_login text, codes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  role_name text;
  code text;
BEGIN
  PERFORM beacon_require_admin();
  role_name := beacon_login_role(beacon_login);
  IF role_name IS NULL THEN RAISE EXCEPTION 'no login %', beacon_login; END IF;
  FOREACH code IN ARRAY ARRAY['customer','handler','second_line','team_lead','department_head',
                              'problem_manager','change_manager','admin'] LOOP
    IF code = ANY(codes) THEN
      EXECUTE format('GRANT %I TO %I', current_database() || '_' || code, role_name);
    ELSIF pg_has_role(role_name, current_database() || '_' || code, 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', current_database() || '_' || code, role_name);
    END IF;
  END LOOP;
END $$""")
    _sql("""
CREATE OR REPLACE FUNCTION beacon_login_save(beacon_login text, verifier text, codes text[], active boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  role_name text;
BEGIN
  PERFORM beacon_require_admin();
  IF verifier IS NOT NULL AND verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    RAISE EXCEPTION 'a login''s password arrives as a SCRAM verifier, never in plain text';
  END IF;
  role_name := beacon_login_role(beacon_login);
  IF role_name IS NULL THEN
    role_name := beacon_login_prefix() || beacon_login;
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                   'IN ROLE %I', role_name, current_database() || '_runtime');
  END IF;
  IF verifier IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, verifier);
  END IF;
  EXECUTE format('ALTER ROLE %I %s', role_name, CASE WHEN active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  PERFORM beacon_login_set_groups(beacon_login, codes);
END $$""")
    _sql("""
CREATE OR REPLACE FUNCTION beacon_login_rename(old_login text, new_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  role_name text;
BEGIN
  PERFORM beacon_require_admin();
  role_name := beacon_login_role(old_login);
  IF role_name IS NULL THEN RETURN; END IF;
  IF beacon_login_role(new_login) IS NOT NULL THEN
    IF EXISTS (SELECT 1 FROM "user" WHERE login = new_login) THEN
      RAISE EXCEPTION 'login % exists', new_login USING ERRCODE = 'duplicate_object';
    END IF;
    -- a login of this database left by a user who no longer has that name: it goes
    EXECUTE format('DROP ROLE %I', beacon_login_prefix() || new_login);
  END IF;
  EXECUTE format('ALTER ROLE %I RENAME TO %I', role_name, beacon_login_prefix() || new_login);
END $$""")
    # the first pass let any login clear its own forced change without a new password
    _sql("DROP FUNCTION IF EXISTS beacon_own_password_changed()")
    # a person's new password: the login's own SCRAM verifier, set here, and only here is a forced change
    # cleared (credential is the owner's alone; nobody may clear `must_change` without a new password)
    _sql("""
CREATE OR REPLACE FUNCTION beacon_change_own_password(verifier text) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me integer := beacon_user_id();
  role_name text;
BEGIN
  IF me IS NULL THEN
    RAISE EXCEPTION 'only a Beacon user changes their password here' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF verifier IS NULL OR verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    RAISE EXCEPTION 'a login''s password arrives as a SCRAM verifier, never in plain text';
  END IF;
  role_name := beacon_login_role(substr(session_user::text, length(beacon_login_prefix()) + 1));
  IF role_name IS DISTINCT FROM session_user::text THEN
    RAISE EXCEPTION 'no Beacon login %', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, verifier);
  UPDATE credential SET must_change = false, failed_attempts = 0 WHERE user_id = me;
END $$""")
    _sql("""
CREATE OR REPLACE FUNCTION beacon_signed_in() RETURNS TABLE (user_id integer, must_change boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me integer := beacon_user_id();
BEGIN
  IF me IS NULL THEN RETURN; END IF;
  UPDATE "user" SET last_login_at = timezone('UTC', now()) WHERE id = me;
  RETURN QUERY SELECT me, coalesce((SELECT c.must_change FROM credential c WHERE c.user_id = me), false);
END $$""")
    # the early warning counts a burst on an application from inside a customer's registration: their row
    # security hides other people's incidents, so the counts (numbers per application, no incident) comes from the owner
    _sql("""
CREATE OR REPLACE FUNCTION beacon_burst_counts(app_ids integer[], since timestamp)
RETURNS TABLE (application_id integer, incidents integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
SELECT i.application_id, count(*)::integer FROM incident i WHERE i.application_id = ANY(app_ids)
  AND i.registered_at >= since AND i.cancelled_at IS NULL GROUP BY i.application_id $$""")
    _sql("""
CREATE OR REPLACE FUNCTION beacon_set_must_change(beacon_login text, flag boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE target integer := (SELECT id FROM "user" WHERE login = beacon_login);
BEGIN
  PERFORM beacon_require_admin();
  INSERT INTO credential (user_id, password_hash, failed_attempts, must_change) VALUES (target, '', 0, flag)
  ON CONFLICT (user_id) DO UPDATE SET must_change = EXCLUDED.must_change;
END $$""")


def _grants(g: dict[str, str]) -> None:
    q = {code: _quote(name) for code, name in g.items()}
    runtime, people, admin = q["runtime"], q["people"], q["admin"]
    services = f"{q['dispatcher']}, {q['intake']}"
    owner = _quote(database.execute_sql("SELECT current_user").fetchone()[0])
    dbname = _quote(database.execute_sql("SELECT current_database()").fetchone()[0])
    _sql(f"REVOKE ALL ON DATABASE {dbname} FROM PUBLIC")
    _sql(f"GRANT CONNECT ON DATABASE {dbname} TO {runtime}")
    _sql("REVOKE ALL ON SCHEMA public FROM PUBLIC")
    _sql(f"GRANT USAGE ON SCHEMA public TO {runtime}")
    _sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {runtime}")
    _sql(f"REVOKE ALL ON FUNCTION {', '.join(OWN_FUNCTIONS)} FROM PUBLIC")
    _sql(f"GRANT EXECUTE ON FUNCTION beacon_login_prefix(), beacon_user_id(), beacon_user_team_id(), "
         f"beacon_in_group(text), beacon_signed_in(), beacon_change_own_password(text), beacon_login_role(text), "
         f"beacon_require_admin(), beacon_case_outside_changes(integer), beacon_burst_counts(integer[], timestamp) "
         f"TO {runtime}")
    _sql(f"GRANT EXECUTE ON FUNCTION beacon_login_save(text, text, text[], boolean), "
         f"beacon_login_set_groups(text, text[]), beacon_set_must_change(text, boolean), "
         f"beacon_login_rename(text, text) TO {admin}")
    tables = [t for (t,) in database.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()]
    readable = [t for t in tables if t not in ("credential", "audit_log", "notification_preference")]
    _sql(f"GRANT SELECT ON {', '.join(_quote(t) for t in readable)} TO {runtime}")
    _sql(f"GRANT SELECT ({', '.join(PREFERENCE_PUBLIC_COLUMNS)}) ON notification_preference TO {runtime}")
    _sql(f"GRANT SELECT ON notification_preference TO {admin}, {q['dispatcher']}")
    _sql(f"GRANT SELECT ON audit_log TO {admin}")
    _sql(f"GRANT INSERT ON event TO {runtime}")
    _sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {runtime}")
    present = set(tables)
    case = ", ".join(_quote(t) for t in (*CASE_TABLES, *OUTBOX_TABLES) if t in present)
    _sql(f"GRANT INSERT, UPDATE ON {case} TO {people}, {services}")
    # the outbox: written with its event by whoever acts; a person then only marks notices read, an
    # administrator sends a dead one again, and only the dispatcher changes where and how one goes
    _sql(f"GRANT INSERT, UPDATE (read_at) ON notification TO {people}, {services}")
    _sql(f"GRANT UPDATE (status, attempts, next_attempt_at, last_error, claimed_by, lease_until) ON notification "
         f"TO {admin}")
    _sql(f"GRANT UPDATE ON notification TO {q['dispatcher']}")
    _sql(f"GRANT INSERT, UPDATE, DELETE ON saved_filter TO {people}")
    # prevention (v15): staff dismiss problem candidates; whoever registers an incident may raise or extend
    # an early warning, and staff mark one handled
    if "candidate_dismissal" in present:
        staff = ", ".join(q[c] for c in STAFF_ROLES)
        _sql(f"GRANT INSERT ON candidate_dismissal TO {staff}")
        _sql(f"GRANT INSERT, UPDATE ON early_warning TO {people}, {services}")
    config = ", ".join(_quote(t) for t in CONFIG_TABLES if t in present)
    _sql(f"GRANT INSERT, UPDATE, DELETE ON {config} TO {admin}")
    # the intake makes its monitoring user once; it can grant that user no role
    _sql(f'GRANT INSERT ON "user" TO {q["intake"]}')
    # owner only: schema_version, credential, audit_log (written by the definer trigger); functions made
    # later by the owner are nobody else's until granted
    _sql(f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")


def _row_security(g: dict[str, str]) -> None:
    q = {code: _quote(name) for code, name in g.items()}
    staff = ", ".join(q[c] for c in (*STAFF_ROLES, *SERVICE_ROLES))
    # incidents: staff and services see and change all; a customer what they or their team registered
    _sql("ALTER TABLE incident ENABLE ROW LEVEL SECURITY")
    for name in ("incident_staff", "incident_customer_read", "incident_customer_add", "incident_customer_change"):
        _sql(f"DROP POLICY IF EXISTS {name} ON incident")
    _sql(f"CREATE POLICY incident_staff ON incident FOR ALL TO {staff} USING (true) WITH CHECK (true)")
    mine = ("registered_by_id = (SELECT beacon_user_id()) OR registered_by_id IN "
            "(SELECT u.id FROM \"user\" u WHERE u.team_id = (SELECT beacon_user_team_id()))")
    _sql(f"CREATE POLICY incident_customer_read ON incident FOR SELECT TO {q['customer']} USING ({mine})")
    _sql(f"CREATE POLICY incident_customer_add ON incident FOR INSERT TO {q['customer']} "
         f"WITH CHECK (registered_by_id = (SELECT beacon_user_id()))")
    _sql(f"CREATE POLICY incident_customer_change ON incident FOR UPDATE TO {q['customer']} USING ({mine}) "
         f"WITH CHECK ({mine})")
    # the rest of a case follows the case: a customer sees and writes a case's rows only where they may
    # see the case (the incidents they or their team registered, what they reported themselves)
    for table, visible in CUSTOMER_CASE_ROWS.items():
        _sql(f"ALTER TABLE {_quote(table)} ENABLE ROW LEVEL SECURITY")
        _sql(f"DROP POLICY IF EXISTS {table}_staff ON {_quote(table)}")
        _sql(f"DROP POLICY IF EXISTS {table}_customer ON {_quote(table)}")
        _sql(f"CREATE POLICY {table}_staff ON {_quote(table)} FOR ALL TO {staff} USING (true) WITH CHECK (true)")
        _sql(f"DROP POLICY IF EXISTS {table}_customer_add ON {_quote(table)}")
        if table == "cases":
            _sql(f"CREATE POLICY cases_customer ON cases FOR SELECT TO {q['customer']} USING ({visible})")
            _sql(f"CREATE POLICY cases_customer_add ON cases FOR INSERT TO {q['customer']} "
                 "WITH CHECK (kind = 'incident')")
            continue
        _sql(f"CREATE POLICY {table}_customer ON {_quote(table)} FOR ALL TO {q['customer']} USING ({visible}) "
             f"WITH CHECK ({visible})")
    _prevention_row_security(q, staff)
    # secret settings: administrators and the service that uses each
    _sql("ALTER TABLE setting ENABLE ROW LEVEL SECURITY")
    for name in ("setting_read", "setting_secret_dispatcher", "setting_secret_intake", "setting_admin"):
        _sql(f"DROP POLICY IF EXISTS {name} ON setting")
    secret = ", ".join(f"'{k}'" for k in SECRET_SETTINGS)
    _sql(f"CREATE POLICY setting_read ON setting FOR SELECT TO {q['runtime']} USING (key NOT IN ({secret}))")
    for service in SERVICE_ROLES:
        keys = ", ".join(f"'{k}'" for k, v in SECRET_SETTINGS.items() if v == service)
        _sql(f"CREATE POLICY setting_secret_{service} ON setting FOR SELECT TO {q[service]} USING (key IN ({keys}))")
    _sql(f"CREATE POLICY setting_admin ON setting FOR ALL TO {q['admin']} USING (true) WITH CHECK (true)")


def _prevention_row_security(q: dict[str, str], staff: str) -> None:
    """v15: a customer sees no dismissed candidate; of early warnings they add only one on their own incident
    and read or extend any (a warning holds an application, times and a count, no incident of anyone's)."""
    present = {t for (t,) in database.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()}
    if "candidate_dismissal" not in present:
        return
    for table in ("candidate_dismissal", "early_warning"):
        _sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for suffix in ("staff", "customer_read", "customer_add", "customer_change"):
            _sql(f"DROP POLICY IF EXISTS {table}_{suffix} ON {table}")
        _sql(f"CREATE POLICY {table}_staff ON {table} FOR ALL TO {staff} USING (true) WITH CHECK (true)")
    customer = q["customer"]
    _sql(f"CREATE POLICY early_warning_customer_read ON early_warning FOR SELECT TO {customer} USING (true)")
    _sql(f"CREATE POLICY early_warning_customer_add ON early_warning FOR INSERT TO {customer} "
         f"WITH CHECK ({_their_case('early_warning.case_id')})")
    _sql(f"CREATE POLICY early_warning_customer_change ON early_warning FOR UPDATE TO {customer} USING (true) "
         f"WITH CHECK (true)")


def _triggers() -> None:
    present = {t for (t,) in database.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()}
    for table in CASE_TABLES:
        if table not in present:
            continue
        _sql(f"DROP TRIGGER IF EXISTS {table}_audit ON {_quote(table)}")
        _sql(f"CREATE TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE ON {_quote(table)} "
             "FOR EACH ROW EXECUTE FUNCTION beacon_audit()")
    _sql("DROP TRIGGER IF EXISTS notice_target_is_the_recipients ON notification")
    _sql("CREATE TRIGGER notice_target_is_the_recipients BEFORE INSERT ON notification "
         "FOR EACH ROW EXECUTE FUNCTION beacon_notice_target_is_the_recipients()")
    _sql("DROP TRIGGER IF EXISTS notice_written_with_its_event ON notification")
    _sql("CREATE TRIGGER notice_written_with_its_event BEFORE INSERT ON notification "
         "FOR EACH ROW EXECUTE FUNCTION beacon_notice_written_with_its_event()")
    _sql("DROP TRIGGER IF EXISTS event_stamp ON event")
    _sql("CREATE TRIGGER event_stamp BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION beacon_event_stamp()")
    _sql("DROP TRIGGER IF EXISTS action_actor_is_self ON action")
    _sql("CREATE TRIGGER action_actor_is_self BEFORE INSERT OR UPDATE ON action "
         "FOR EACH ROW EXECUTE FUNCTION beacon_event_actor_is_self()")
    _sql("DROP TRIGGER IF EXISTS event_actor_is_self ON event")
    _sql("CREATE TRIGGER event_actor_is_self BEFORE INSERT ON event "
         "FOR EACH ROW EXECUTE FUNCTION beacon_event_actor_is_self()")


AUDIT_TABLE = """
CREATE TABLE IF NOT EXISTS audit_log (
  id bigserial PRIMARY KEY,
  occurred_at timestamp NOT NULL,
  db_user text NOT NULL,
  table_name text NOT NULL,
  operation text NOT NULL,
  row_key text NOT NULL DEFAULT '',
  before jsonb,
  after jsonb,
  application text NOT NULL DEFAULT '',
  case_id integer,
  via_app boolean,
  xact bigint
)"""
# v11: which case a change belongs to (and the client's own word whether it came through Beacon: `via_app`,
# kept for the rows written before v12); v12: the transaction, which the event log's own stamp is matched to
AUDIT_COLUMNS = ("ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS case_id integer, "
                 "ADD COLUMN IF NOT EXISTS via_app boolean, ADD COLUMN IF NOT EXISTS xact bigint")
# v12: who wrote an event or a notice, and (an event) in which transaction; Beacon's models do not know these
# columns, the triggers fill them (SQLite, one person's file, has none)
STAMP_COLUMNS = ("ALTER TABLE event ADD COLUMN IF NOT EXISTS db_user text, ADD COLUMN IF NOT EXISTS xact bigint",
                 "ALTER TABLE notification ADD COLUMN IF NOT EXISTS db_user text, "
                 "ADD COLUMN IF NOT EXISTS author_id integer")


def install_postgres_security() -> None:
    """Create (or bring up to date) the roles, grants, policies and audit triggers; idempotent."""
    global _batch
    g = _groups()
    _create_groups(g)
    _batch = []
    try:
        _sql(AUDIT_TABLE)
        _sql(AUDIT_COLUMNS)
        for statement in STAMP_COLUMNS:
            _sql(statement)
        _sql("CREATE INDEX IF NOT EXISTS audit_log_row ON audit_log (table_name, row_key, occurred_at)")
        # v11 indexed only the rows its mark called outside; v12 decides per row against the event log
        _sql("DROP INDEX IF EXISTS audit_log_outside")
        _sql("CREATE INDEX IF NOT EXISTS audit_log_case ON audit_log (case_id, occurred_at)")
        _functions(g)
        _triggers()
        _grants(g)
        _row_security(g)
        statements, _batch = _batch, None
        database.execute_sql(";\n".join(statements).replace("%", "%%"))
    finally:
        _batch = None


def outside_changes(case_id: int) -> list[tuple[Any, ...]]:
    """PostgreSQL: a case's changes made outside Beacon, oldest first, as far as the signed-in login may see.

    Rows: (occurred_at, db_user, table_name, operation, before, after, application); before/after hold only
    the columns that changed. SQLite (one person's file) keeps no such audit: an empty list.
    """
    if not isinstance(database.obj, peewee.PostgresqlDatabase):
        return []
    return list(database.execute_sql(
        "SELECT occurred_at, db_user, table_name, operation, before, after, application "
        "FROM beacon_case_outside_changes(%s)", (case_id,)).fetchall())


def notice_authors(notice_ids: list[int]) -> dict[int, int]:
    """PostgreSQL: the Beacon user who wrote each of these notices, where a person (not a service) wrote it.

    The database stamps the writer (`notification.author_id`, schema v12); a notice of the SLA check, the
    dispatcher, the intake or the owner has none. SQLite keeps no such stamp: an empty mapping.
    """
    if not notice_ids or not isinstance(database.obj, peewee.PostgresqlDatabase):
        return {}
    return dict(database.execute_sql(
        "SELECT id, author_id FROM notification WHERE id = ANY(%s) AND author_id IS NOT NULL",
        (list(notice_ids),)).fetchall())
