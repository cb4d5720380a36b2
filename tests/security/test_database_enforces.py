"""An ordinary handler, with nothing but their own login and psql, can do no more than Beacon lets them.

Each attempt is made over a raw psycopg2 connection as a demo handler's own login (`kim.minsu`,
password `beacon`, made by the demo on PostgreSQL): the database refuses it, or, where a handler may
legitimately change rows, records the change in `audit_log` under that login. PostgreSQL only:
SQLite is one person's file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import psycopg2
import pytest
from psycopg2 import errors

from desktop.models import Incident, NotificationPreference, Setting, User, database
from desktop.models import db as dbmod
from desktop.models.schema import ensure_schema
from desktop.models.security import group, login_prefix
from desktop.workflow.admin.defaults import seed_defaults
from tests.conftest import PG_URL, bind

HANDLER = "kim.minsu"
CUSTOMER = "kim.jieun"
SMTP_PASSWORD = "smtp-secret-42"
WEBHOOK_SECRET = "hook-secret-42"


@pytest.fixture(scope="module")
def demo_bank(tmp_path_factory) -> Iterator[dict[str, object]]:
    """The demo bank on PostgreSQL, loaded by the owner (as init-db does), with a secret or two to steal."""
    from desktop.demo.bank import load_demo

    bind("postgresql", tmp_path_factory.mktemp("security"))
    ensure_schema()
    seed_defaults()
    load_demo(incidents=40, problems=4)
    handler = User.get(User.login == HANDLER)
    Setting.create(key="smtp", value=json.dumps({"host": "mail.bank", "password": SMTP_PASSWORD}))
    Setting.create(key="sr_secrets", value=json.dumps({"servicenow": {"Authorization": f"Bearer {SMTP_PASSWORD}"}}))
    NotificationPreference.create(user=handler, kind="*", channel="webhook", target="https://hook.example/x",
                                  secret=WEBHOOK_SECRET)
    facts = {
        "handler_id": handler.id,
        "admin_id": User.get(User.login == "admin").id,
        "customer_id": User.get(User.login == CUSTOMER).id,
        "incident": Incident.select(Incident.case).order_by(Incident.case).first().case_id,
        "incidents": Incident.select().count(),
    }
    yield facts
    dbmod.close()


def connect_as(login: str, password: str = "beacon") -> psycopg2.extensions.connection:
    target = dbmod.parse_url(PG_URL)
    conn = psycopg2.connect(host=target.host, port=target.port, dbname=target.name,
                            user=login_prefix() + login, password=password, application_name="psql")
    conn.autocommit = True
    return conn


@pytest.fixture
def handler(demo_bank) -> Iterator[psycopg2.extensions.cursor]:
    conn = connect_as(HANDLER)
    try:
        yield conn.cursor()
    finally:
        conn.close()


REFUSED = (errors.InsufficientPrivilege, errors.RaiseException, errors.RestrictViolation)


def refused(cur, sql: str, params: tuple = ()) -> None:
    with pytest.raises(REFUSED):
        cur.execute(sql, params)


def test_the_handler_is_their_own_login_and_not_the_owner(handler):
    handler.execute("SELECT session_user, beacon_user_id(), pg_has_role(session_user, %s, 'MEMBER')",
                    (group("handler"),))
    user, beacon_id, is_handler = handler.fetchone()
    assert user == login_prefix() + HANDLER and beacon_id is not None and is_handler
    handler.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = session_user")
    assert handler.fetchone()[0] == 0


def test_triggers_cannot_be_disabled_or_dropped(handler):
    refused(handler, "ALTER TABLE event DISABLE TRIGGER ALL")
    refused(handler, "ALTER TABLE event DISABLE TRIGGER event_append_only")
    refused(handler, "DROP TRIGGER event_append_only ON event")
    refused(handler, "DROP TRIGGER incident_audit ON incident")
    refused(handler, "ALTER TABLE incident DISABLE ROW LEVEL SECURITY")


def test_events_cannot_be_updated_or_deleted(handler):
    refused(handler, "UPDATE event SET note = 'rewritten'")
    refused(handler, "DELETE FROM event")
    refused(handler, "TRUNCATE event")


def test_an_event_cannot_be_written_as_someone_else(handler, demo_bank):
    refused(handler, "INSERT INTO event (case_id, entity, entity_id, kind, actor_id, occurred_at, from_state, "
                     "to_state, before, after, note) VALUES (%s, 'incident', '', 'close', %s, now(), '', '', "
                     "'{}', '{}', 'closed by the administrator')",
            (demo_bank["incident"], demo_bank["admin_id"]))
    # as oneself it is the ordinary insert-only log
    handler.execute("INSERT INTO event (case_id, entity, entity_id, kind, actor_id, occurred_at, from_state, "
                    "to_state, before, after, note) VALUES (%s, 'incident', '', 'action', %s, now(), '', '', "
                    "'{}', '{}', 'my own note') RETURNING id", (demo_bank["incident"], demo_bank["handler_id"]))
    assert handler.fetchone()[0]


def test_an_action_cannot_be_logged_as_someone_else(handler, demo_bank):
    case_id = open_incident()
    action = ("INSERT INTO action (case_id, actor_id, body, kind, acted_at, recorded_at) "
              "VALUES (%s, %s, 'restarted WAS 1', 'fix', now(), now()) RETURNING id")
    # the history would show it as the administrator's, unmarked were it written with an event of one's own
    with pytest.raises(errors.InsufficientPrivilege, match="actor must be the signed-in user"):
        handler.execute(action, (case_id, demo_bank["admin_id"]))
    handler.execute(action, (case_id, demo_bank["handler_id"]))
    mine = handler.fetchone()[0]
    with pytest.raises(errors.InsufficientPrivilege, match="actor must be the signed-in user"):
        handler.execute("UPDATE action SET actor_id = %s WHERE id = %s", (demo_bank["admin_id"], mine))
    handler.execute("UPDATE action SET body = 'restarted WAS 1 and 2' WHERE id = %s", (mine,))  # audited, as ever
    assert handler.rowcount == 1


def test_nobody_grants_themselves_administrator(handler, demo_bank):
    refused(handler, f'GRANT "{group("admin")}" TO CURRENT_USER')
    refused(handler, "INSERT INTO user_role (user_id, role_id) SELECT %s, id FROM role WHERE code = 'admin'",
            (demo_bank["handler_id"],))
    refused(handler, "SELECT beacon_login_set_groups(%s, ARRAY['admin'])", (HANDLER,))
    refused(handler, "SELECT beacon_login_save(%s, NULL, ARRAY['admin'], true)", (HANDLER,))
    refused(handler, f'ALTER ROLE "{login_prefix()}{HANDLER}" CREATEROLE')
    handler.execute("SELECT pg_has_role(session_user, %s, 'MEMBER')", (group("admin"),))
    assert handler.fetchone()[0] is False


def test_password_hashes_are_read_by_nobody(handler):
    refused(handler, "SELECT password_hash FROM credential")
    refused(handler, "SELECT * FROM credential")
    refused(handler, "SELECT rolpassword FROM pg_authid")


def test_secrets_stay_with_administrators_and_the_dispatcher(handler):
    handler.execute("SELECT value FROM setting WHERE key IN ('smtp', 'sr_secrets', 'intake_tokens')")
    assert handler.fetchall() == []  # row security: the rows are not there for a handler
    handler.execute("SELECT string_agg(value, '') FROM setting")
    assert SMTP_PASSWORD not in (handler.fetchone()[0] or "")
    refused(handler, "SELECT secret FROM notification_preference")
    refused(handler, "SELECT * FROM notification_preference")
    handler.execute("SELECT target FROM notification_preference WHERE channel = 'webhook'")
    assert handler.fetchall() == [("https://hook.example/x",)]  # what is not secret stays readable


def test_an_incident_changed_outside_beacon_is_audited_under_the_login(handler, demo_bank):
    handler.execute("UPDATE incident SET state = 'cancelled', title = 'quietly changed' WHERE case_id = %s",
                    (demo_bank["incident"],))
    assert handler.rowcount == 1
    # the audit is not the handler's to read, nor to write, nor to clean up
    refused(handler, "SELECT * FROM audit_log")
    refused(handler, "DELETE FROM audit_log")
    refused(handler, "INSERT INTO audit_log (occurred_at, db_user, table_name, operation) "
                     "VALUES (now(), 'someone', 'incident', 'UPDATE')")
    row = database.execute_sql(
        "SELECT db_user, operation, after ->> 'title', application FROM audit_log "
        "WHERE table_name = 'incident' AND row_key = %s ORDER BY id DESC LIMIT 1",
        (str(demo_bank["incident"]),)).fetchone()
    assert row == (login_prefix() + HANDLER, "UPDATE", "quietly changed", "psql")
    refused(handler, "DELETE FROM incident WHERE case_id = %s", (demo_bank["incident"],))


def test_the_history_shows_a_change_made_outside_beacon_to_an_administrator(handler, demo_bank):
    from desktop.workflow.cases import case_service as cs
    from desktop.workflow.cases.queries import OUTSIDE, timeline

    case_id = open_incident()
    handler.execute("UPDATE incident SET description = 'edited in psql' WHERE case_id = %s", (case_id,))
    dbmod.connect(PG_URL, user=login_prefix() + "admin", password="beacon")  # the administrator's own login
    try:
        outside = [e for e in timeline(actor_id=demo_bank["admin_id"], case_id=case_id) if e.kind == OUTSIDE]
        cs.add_action(actor_id=demo_bank["admin_id"], case_id=case_id, body="checked through Beacon",
                      kind="comment")  # Beacon's own change: an action row, with its event
        again = [e for e in timeline(actor_id=demo_bank["admin_id"], case_id=case_id) if e.kind == OUTSIDE]
    finally:
        dbmod.connect(PG_URL)
    mine = [e for e in outside if ("incident.description", "edited in psql") in
            [(name, after) for name, _, after in e.extra["fields"]]]
    assert len(mine) == 1 and mine[0].actor == login_prefix() + HANDLER
    assert mine[0].extra["application"] == "psql"
    assert len(again) == len(outside)  # a change through Beacon's connection is not marked
    # a customer learns nothing of the audit, not even of their own cases
    conn = connect_as(CUSTOMER)
    try:
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM beacon_case_outside_changes(%s)", (case_id,))
        assert cur.fetchone()[0] == 0
    finally:
        conn.close()


def open_incident(title: str = "카드 승인 지연") -> int:
    """A new incident, registered through Beacon by the demo's customer, waiting for the handler's acceptance.

    Registered on an application the handler is the primary handler of, so the owner matrix assigns it to them.
    """
    from desktop.models import OwnerMatrixEntry, Role
    from desktop.workflow.cases import case_service as cs

    handler = User.get(User.login == HANDLER)
    app = (OwnerMatrixEntry.select(OwnerMatrixEntry.ci).join(Role)
           .where((OwnerMatrixEntry.user == handler.id) & (Role.code == "primary_handler")).first()).ci_id
    return cs.register_incident(actor_id=User.get(User.login == CUSTOMER).id, title=title, description="승인 실패",
                                application_id=app, urgency="high", incident_type="application").case_id


def test_a_notice_cannot_be_redirected(handler):
    refused(handler, "UPDATE notification SET target = 'thief@evil.example', status = 'pending'")
    handler.execute("UPDATE notification SET read_at = now() WHERE false")  # marking read is the person's


NOTICE = ("INSERT INTO notification (recipient_id, channel, kind, reason, payload, dedupe_key, status, attempts, "
          "next_attempt_at, created_at, last_error, target, claimed_by) VALUES (%s, %s, 'registered', '', "
          "'{\"title\": \"wire 1,000,000 now\"}', %s, 'pending', 0, now(), now(), '', %s, '')")


# an event of one's own (the trigger refuses any other actor), and a notice tied to an event
OWN_EVENT = ("INSERT INTO event (case_id, entity, entity_id, kind, actor_id, occurred_at, from_state, to_state, "
             "before, after, note) VALUES (%s, 'incident', '', 'action', beacon_user_id(), now(), '', '', '{}', "
             "'{}', 'my own note') RETURNING id")
NOTICE_OF = ("INSERT INTO notification (event_id, case_id, recipient_id, channel, kind, reason, payload, dedupe_key, "
             "status, attempts, next_attempt_at, created_at, last_error, target, claimed_by, db_user, author_id) "
             "VALUES (%s, %s, %s, %s, 'registered', '', '{\"title\": \"wire 1,000,000 now\"}', %s, 'sent', 0, "
             "now(), now(), '', %s, '', 'admin', %s) RETURNING id")


def notice_with_own_event(cur, case_id: int, recipient: int, channel: str, key: str, target: str = "", *,
                          event_case: int | None = None, forged_author: int | None = None) -> int:
    """In one transaction, as psql would: an event of one's own (on `event_case`), then a notice tied to it."""
    cur.execute("BEGIN")
    try:
        cur.execute(OWN_EVENT, (event_case or case_id,))
        event_id = cur.fetchone()[0]
        cur.execute(NOTICE_OF, (event_id, case_id, recipient, channel, key, target, forged_author))
        notice_id = cur.fetchone()[0]
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")
    return notice_id


def test_a_notice_goes_only_where_the_engine_would_send_it(handler, demo_bank):
    me, admin, case_id = demo_bank["handler_id"], demo_bank["admin_id"], open_incident()
    # spam or exfiltration through the dispatcher: any other address is refused, for anyone, event or not
    refused(handler, NOTICE, (me, "email", "forged-1", "thief@evil.example"))
    refused(handler, NOTICE, (admin, "webhook", "forged-2", "https://evil.example/collect"))
    for recipient, channel, key, target in ((me, "email", "forged-1", "thief@evil.example"),
                                            (admin, "webhook", "forged-2", "https://evil.example/collect"),
                                            (me, "webhook", "forged-3", "https://evil.example/collect"),
                                            (me, "inapp", "forged-4", "thief@evil.example"),
                                            (me, "sr", "forged-5", "servicenow")):  # no service request there
        with pytest.raises(errors.InsufficientPrivilege, match="only to its recipient's own address"):
            notice_with_own_event(handler, case_id, recipient, channel, key, target)
    # what the engine writes still goes: an in-app notice, and the recipient's own enabled webhook
    assert notice_with_own_event(handler, case_id, admin, "inapp", "fine-1")
    assert notice_with_own_event(handler, case_id, me, "webhook", "fine-2", "https://hook.example/x")


def test_a_service_login_cannot_be_taken_over_by_an_administrator(demo_bank):
    service = f"{login_prefix()}alerts-service"
    owner = database.execute_sql("SELECT current_user").fetchone()[0]
    assert owner  # the owner makes the service's login, as a DBA would
    database.execute_sql(f'DROP ROLE IF EXISTS "{service}"')
    database.execute_sql(f'CREATE ROLE "{service}" LOGIN IN ROLE "{group("intake")}"')
    admin = connect_as("admin")
    try:
        with pytest.raises(errors.DuplicateObject):
            admin.cursor().execute("SELECT beacon_login_save('alerts-service', NULL, ARRAY['handler'], true)")
    finally:
        admin.close()
        database.execute_sql(f'DROP ROLE "{service}"')


def test_nothing_can_be_created(handler):
    refused(handler, "CREATE TABLE stash (x text)")
    refused(handler, "CREATE FUNCTION evil() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$")
    refused(handler, "CREATE TEMP TABLE stash (x text)")
    refused(handler, "CREATE VIEW peek AS SELECT 1")
    refused(handler, "CREATE SCHEMA mine")


def test_configuration_is_written_by_administrators_only(handler, demo_bank):
    refused(handler, "UPDATE owner_matrix_entry SET user_id = %s", (demo_bank["handler_id"],))
    refused(handler, "DELETE FROM owner_matrix_entry")
    refused(handler, "INSERT INTO setting (key, value, version, updated_at) VALUES ('x', '1', 1, now())")
    refused(handler, "UPDATE setting SET value = '99' WHERE key = 'delivery_max_attempts'")
    refused(handler, "UPDATE setting SET value = '99'")
    refused(handler, "UPDATE priority_matrix_cell SET grade_id = grade_id")
    refused(handler, "UPDATE \"user\" SET is_active = false")
    refused(handler, "UPDATE sla_policy SET resolution_minutes = 1")


def test_a_customer_sees_only_what_they_or_their_team_registered(demo_bank):
    conn = connect_as(CUSTOMER)
    try:
        cur = conn.cursor()
        cur.execute("SELECT count(*), count(*) FILTER (WHERE registered_by_id IN "
                    "(SELECT id FROM \"user\" WHERE team_id = beacon_user_team_id())) FROM incident")
        seen, theirs = cur.fetchone()
        assert seen == theirs and seen < demo_bank["incidents"]
    finally:
        conn.close()


def test_a_wrong_password_gets_nothing(demo_bank):
    with pytest.raises(psycopg2.OperationalError):
        connect_as(HANDLER, "wrong password")


CASE_ROWS = ("event", "action", "work_order", "case_link", "sla_clock", "sla_pause", "attachment", "alert_link",
             "service_request_link", "notification", "problem", "change", "cases")


def _case_column(table: str) -> str:
    return {"cases": "id", "case_link": "source_id"}.get(table, "case_id")


def test_a_customer_sees_no_row_of_a_case_they_may_not_see(demo_bank):
    conn = connect_as(CUSTOMER)
    try:
        cur = conn.cursor()
        cur.execute("SELECT array_agg(case_id) FROM incident")  # row security: theirs and their team's
        theirs = set(cur.fetchone()[0] or ())
        assert theirs
        for table in CASE_ROWS:
            column = _case_column(table)
            everything = database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
            cur.execute(f"SELECT {column} FROM {table}")
            seen = [case_id for (case_id,) in cur.fetchall()]
            if table in ("case_link", "work_order", "change"):  # a link, or a case spawned from theirs
                pair = "source_id, target_id" if table == "case_link" else "case_id, parent_id"
                cur.execute(f"SELECT {pair} FROM {table}")
                assert all(a in theirs or b in theirs for a, b in cur.fetchall()), table
            elif table == "notification":
                cur.execute("SELECT count(*) FROM notification WHERE recipient_id <> beacon_user_id() "
                            "AND case_id <> ALL(%s)", (list(theirs),))
                assert cur.fetchone()[0] == 0
            elif table == "cases":  # their incidents, and the work orders and changes spawned from them
                spawned = {i for (i,) in database.execute_sql(
                    "SELECT case_id FROM work_order WHERE parent_id = ANY(%s) "
                    "UNION SELECT case_id FROM change WHERE parent_id = ANY(%s)",
                    (list(theirs), list(theirs))).fetchall()}
                assert set(seen) <= theirs | spawned, table
            else:
                assert set(seen) <= theirs, table
            assert len(seen) < everything or everything == 0, table
        cur.execute("SELECT count(*) FROM event WHERE case_id = ANY(%s)", (list(theirs),))
        assert cur.fetchone()[0] > 0  # their own incidents' history stays theirs to read
        other = database.execute_sql("SELECT case_id FROM incident WHERE case_id <> ALL(%s) LIMIT 1",
                                     (list(theirs),)).fetchone()[0]
        refused(cur, "INSERT INTO action (case_id, actor_id, body, kind, acted_at, recorded_at) "
                         "VALUES (%s, beacon_user_id(), 'x', 'note', now(), now())", (other,))
        cur.execute("UPDATE sla_clock SET target_minutes = 1 WHERE case_id = %s", (other,))
        assert cur.rowcount == 0
    finally:
        conn.close()


def test_a_customer_still_registers_an_incident_through_beacon_as_their_own_login(demo_bank):
    from desktop.models import ConfigurationItem
    from desktop.workflow.cases import case_service as cs
    from desktop.workflow.cases.queries import timeline

    app = ConfigurationItem.get(ConfigurationItem.kind == "application").id
    dbmod.connect(PG_URL, user=login_prefix() + CUSTOMER, password="beacon")
    try:
        result = cs.register_incident(actor_id=demo_bank["customer_id"], title="카드 결제 오류",
                                      description="승인 실패", application_id=app, urgency="high",
                                      incident_type="application")
        history = timeline(actor_id=demo_bank["customer_id"], case_id=result.case_id)
    finally:
        dbmod.connect(PG_URL)
    assert history and all(e.kind != "outside" for e in history)


def test_a_forced_password_change_is_cleared_only_with_a_new_password(handler, demo_bank):
    from desktop.workflow.common.auth import scram_verifier

    role = login_prefix() + HANDLER
    database.execute_sql("SELECT beacon_set_must_change(%s, true)", (HANDLER,))  # a temporary password
    try:
        refused(handler, "UPDATE credential SET must_change = false")
        with pytest.raises((errors.UndefinedFunction, errors.InsufficientPrivilege)):
            handler.execute("SELECT beacon_own_password_changed()")  # the first pass's way round it is gone
        refused(handler, "SELECT beacon_change_own_password(%s)", ("beacon",))  # never a plain password
        handler.execute("SELECT must_change FROM beacon_signed_in()")
        assert handler.fetchone() == (True,)
        handler.execute("SELECT beacon_change_own_password(%s)", (scram_verifier(role, "a new password of mine"),))
        handler.execute("SELECT must_change FROM beacon_signed_in()")
        assert handler.fetchone() == (False,)
        connect_as(HANDLER, "a new password of mine").close()  # the login's password is what cleared it
    finally:
        database.execute_sql(f'ALTER ROLE "{role}" PASSWORD %s', (scram_verifier(role, "beacon"),))
        database.execute_sql("SELECT beacon_set_must_change(%s, false)", (HANDLER,))


def outside_rows(case_id: int) -> list[tuple[str, dict]]:
    """(login, after) of each change the history marks as made outside Beacon (read as the owner)."""
    return [(user, after) for user, after in database.execute_sql(
        "SELECT db_user, after FROM beacon_case_outside_changes(%s)", (case_id,)).fetchall()]


def test_setting_beacon_via_does_not_hide_a_change_made_outside_beacon(handler, demo_bank):
    login, case_id, other = login_prefix() + HANDLER, open_incident(), open_incident()
    # what Beacon's connections used to say of themselves (schema v11's mark): anyone can say it
    handler.execute("SET beacon.via = 'app'")
    handler.execute("SET application_name = 'beacon'")
    handler.execute("UPDATE incident SET title = 'quietly renamed' WHERE case_id = %s", (case_id,))
    # an event of one's own on another case, in the same transaction, does not cover this one either
    handler.execute("BEGIN")
    handler.execute(OWN_EVENT, (other,))
    handler.execute("UPDATE incident SET cause = 'covered elsewhere' WHERE case_id = %s", (case_id,))
    handler.execute("COMMIT")
    assert [(user, after) for user, after in outside_rows(case_id)] == [
        (login, {"title": "quietly renamed"}), (login, {"cause": "covered elsewhere"})]
    # the event log stamps its writer and transaction over whatever the INSERT claims
    handler.execute("BEGIN")
    handler.execute("INSERT INTO event (case_id, entity, entity_id, kind, actor_id, occurred_at, from_state, "
                    "to_state, before, after, note, db_user, xact) VALUES (%s, 'incident', '', 'action', "
                    "beacon_user_id(), now(), '', '', '{}', '{}', 'renamed it back', 'admin', 1) RETURNING id",
                    (case_id,))
    event_id = handler.fetchone()[0]
    handler.execute("UPDATE incident SET title = 'renamed with an event' WHERE case_id = %s", (case_id,))
    handler.execute("SELECT txid_current()")
    xact = handler.fetchone()[0]
    handler.execute("COMMIT")
    assert database.execute_sql("SELECT db_user, xact FROM event WHERE id = %s", (event_id,)).fetchone() == \
        (login, xact)
    # a change with a proper event of one's own is recorded in the case's own history under one's own name,
    # as Beacon would have recorded it: it is not marked (and the two marked ones stay marked); the event shows
    # in the history even as an 'action' without its action row
    assert len(outside_rows(case_id)) == 2
    from desktop.workflow.cases.queries import timeline

    shown = [(e.kind, e.actor) for e in timeline(actor_id=demo_bank["admin_id"], case_id=case_id)
             if e.note == "renamed it back"]
    assert shown == [("action", User.get(User.login == HANDLER).name)]


def test_an_inapp_notice_needs_an_event_of_ones_own_on_the_case(handler, demo_bank):
    from desktop.models import Notification
    from desktop.workflow.notify.inbox import inbox

    admin, me, case_id, other = demo_bank["admin_id"], demo_bank["handler_id"], open_incident(), open_incident()
    own_event = "event of one's own on the same case, in the same transaction"
    # phishing inside the product: a notice from nowhere, to anyone
    with pytest.raises(errors.InsufficientPrivilege, match=own_event):
        handler.execute(NOTICE_OF, (None, case_id, admin, "inapp", "phish-1", "", None))
    # someone else's event (the demo's, written by the owner)
    theirs = database.execute_sql("SELECT id FROM event WHERE case_id = %s LIMIT 1", (case_id,)).fetchone()[0]
    with pytest.raises(errors.InsufficientPrivilege, match=own_event):
        handler.execute(NOTICE_OF, (theirs, case_id, admin, "inapp", "phish-2", "", None))
    # one's own event, but from an earlier transaction
    handler.execute(OWN_EVENT, (case_id,))
    earlier = handler.fetchone()[0]
    with pytest.raises(errors.InsufficientPrivilege, match=own_event):
        handler.execute(NOTICE_OF, (earlier, case_id, admin, "inapp", "phish-3", "", None))
    # one's own event in the same transaction, but on another case
    with pytest.raises(errors.InsufficientPrivilege, match=own_event):
        notice_with_own_event(handler, case_id, admin, "inapp", "phish-4", event_case=other)
    # with an event of one's own on the case, in the transaction: it goes, under the writer's own name
    notice = notice_with_own_event(handler, case_id, admin, "inapp", "signed-1", forged_author=admin)
    assert database.execute_sql("SELECT db_user, author_id FROM notification WHERE id = %s",
                                (notice,)).fetchone() == (login_prefix() + HANDLER, me)
    items = {item.id: item for item in inbox(user_id=admin)}
    handler_user = User.get_by_id(me)
    assert items[notice].title == "wire 1,000,000 now"
    assert items[notice].sender == f"{handler_user.name} ({HANDLER})"
    # a notice Beacon wrote without a person's login (here the registration's, written by the owner) names none
    system = Notification.get((Notification.case == case_id) & (Notification.channel == "inapp")
                              & (Notification.id != notice))
    assert [i.sender for i in inbox(user_id=system.recipient_id) if i.id == system.id] == [""]


def test_beacon_writes_its_notices_as_a_persons_own_login(demo_bank):
    from desktop.models import Notification
    from desktop.workflow.cases import case_service as cs
    from desktop.workflow.notify.inbox import inbox

    case_id = (open_incident(),)
    assert Incident.get_by_id(case_id[0]).assignee_id == demo_bank["handler_id"]
    dbmod.connect(PG_URL, user=login_prefix() + HANDLER, password="beacon")
    try:
        accepted = cs.accept_incident(actor_id=demo_bank["handler_id"], case_id=case_id[0], version=None)
        told = [n.recipient_id for n in Notification.select().where(Notification.event == accepted.event_id)]
        assert told  # propagation to the application's group, written by the handler's own login
        items = [i for i in inbox(user_id=told[0]) if i.case_id == case_id[0] and i.kind == "accepted"]
    finally:
        dbmod.connect(PG_URL)
    handler_user = User.get_by_id(demo_bank["handler_id"])
    assert items and items[0].sender == f"{handler_user.name} ({HANDLER})"


def test_audit_rows_from_before_v12_keep_the_mark_they_had(demo_bank):
    case_id = open_incident()
    # as schema v11 wrote them: no transaction stamp, the client's own word in `via_app`
    for via_app, title in ((False, "v11: from psql"), (True, "v11: through Beacon"), (None, "v10: unmarked")):
        database.execute_sql("INSERT INTO audit_log (occurred_at, db_user, table_name, operation, row_key, after, "
                             "case_id, via_app) VALUES (now(), 'someone', 'incident', 'UPDATE', %s, %s, %s, %s)",
                             (str(case_id), json.dumps({"title": title}), case_id, via_app))
    assert [after["title"] for _, after in outside_rows(case_id)] == ["v11: from psql", "v10: unmarked"]


def test_a_customer_s_row_security_asks_about_each_row_s_own_case(demo_bank):
    """Row security on a case's rows looks up that row's incident by its key (schema v14), never the set of
    all the customer's incidents: a big bank's customer sees a hundred thousand, a set too large to hash, and
    PostgreSQL then scanned it once per row (v11: their list page on a million incidents never finished).
    The plan cannot show it on a demo this small (hashing 40 incidents is cheaper), so the policies are read."""
    keys = {"cases": "cases.id", "case_link": "case_link.source_id", "change": "change.parent_id",
            "work_order": "work_order.parent_id"}
    policies = dict(database.execute_sql(
        "SELECT tablename, qual FROM pg_policies WHERE schemaname = 'public' AND policyname = tablename || "
        "'_customer'").fetchall())
    for table in CASE_ROWS:
        if table == "problem":  # a customer's own problem reports: no incident to ask about
            continue
        qual = " ".join(policies[table].split())
        assert "IN ( SELECT" not in qual.replace("(SELECT", "( SELECT"), table
        assert f"= {keys.get(table, table + '.case_id')})" in qual, (table, qual)
