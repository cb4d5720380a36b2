"""Administration of configuration items, users and teams, on both backends: what is refused,
what stays in history, and that every change leaves an event."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.errors import BeaconError, StaleRecordError
from desktop.models import CIRelation, ConfigurationItem, Event, Notification, Role, User, UserRole, database
from desktop.workflow.admin import cis, people
from desktop.workflow.common import session
from desktop.workflow.engine.outbox import Notice, queue_notices
from tests import factories
from tests.bank import bring_to, make_bank
from tests.conftest import as_suite


def events(entity: str) -> list[Event]:
    return list(Event.select().where(Event.entity == entity).order_by(Event.id))


def app_payload(**kw):
    return {"ci_id": None, "code": "CORE-BANK", "name": "계정계", "name_en": "Core banking", "kind": "application",
            "impact": "high", **kw}


# --- configuration items ----------------------------------------------------------------------

def test_create_edit_and_retire_an_application_keeps_its_incidents(db):
    bank = make_bank()
    admin = bank.id("admin")
    row = cis.save_ci(actor_id=admin, **app_payload(team_id=bank.team_id))
    assert row.impact == "high" and row.is_active
    assert row.id in {c.value for c in session.applications()}
    edited = cis.save_ci(actor_id=admin, **app_payload(ci_id=row.id, name="계정계 시스템", impact="low",
                                                        version=row.version))
    assert edited.name == "계정계 시스템" and edited.impact == "low" and edited.version == row.version + 1
    with pytest.raises(StaleRecordError):  # someone else's screen still holds the first version
        cis.save_ci(actor_id=admin, **app_payload(ci_id=row.id, name="old", version=row.version))

    case_id = bring_to(bank, "incident", "registered")
    before = [r.case_id for r in cis.incidents_of(actor_id=admin, ci_id=bank.app.id)]
    assert before == [case_id]
    app = cis.get_ci(bank.app.id)
    retired = cis.set_ci_active(actor_id=admin, ci_id=app.id, active=False, version=app.version)
    assert not retired.is_active
    assert bank.app.id not in {c.value for c in session.applications()}  # gone from the registration picker
    assert [r.case_id for r in cis.incidents_of(actor_id=admin, ci_id=bank.app.id)] == before  # history intact
    with pytest.raises(BeaconError) as refused:  # and never deleted while a case names it
        cis.delete_ci(actor_id=admin, ci_id=app.id)
    assert "폐기하세요" in refused.value.message("ko") and "retire it instead" in refused.value.message("en")
    back = cis.set_ci_active(actor_id=admin, ci_id=app.id, active=True, version=retired.version)
    assert back.is_active and bank.app.id in {c.value for c in session.applications()}
    kinds = [e.kind for e in events("ci")]
    assert kinds == ["created", "updated", "retired", "reactivated"]
    assert json.loads(events("ci")[1].after)["impact"] == "low"


def test_ci_input_is_checked_and_nothing_half_saved(db):
    bank = make_bank()
    admin = bank.id("admin")
    cis.save_ci(actor_id=admin, **app_payload())
    cases = [
        (app_payload(code="core-bank"), "already taken"),  # codes are unique regardless of case
        (app_payload(code="계정계"), "letters, digits"),
        (app_payload(name=" "), "give a name"),
        (app_payload(code="X1", impact=""), "needs an impact level"),
        (app_payload(code="X2", impact="huge"), "no impact level 'huge'"),
        (app_payload(code="X3", kind="spaceship"), "allowed:"),
    ]
    for payload, words in cases:
        with pytest.raises(BeaconError) as refused:
            cis.save_ci(actor_id=admin, **payload)
        assert words in refused.value.message("en"), payload
        assert refused.value.message("ko") != refused.value.message("en")
    assert ConfigurationItem.select().where(ConfigurationItem.code.startswith("X")).count() == 0
    server = cis.save_ci(actor_id=admin, ci_id=None, code="SRV-01", name="WAS 1호기", kind="server")
    assert server.impact == ""  # only applications need an impact
    with pytest.raises(BeaconError) as not_admin:
        cis.save_ci(actor_id=bank.id("handler"), **app_payload(code="HANDLER-MADE"))
    assert "may not" in not_admin.value.message("en")
    assert len(events("ci")) == 2


def test_relations_refuse_self_duplicates_and_cycles(db):
    bank = make_bank()
    admin = bank.id("admin")
    a = cis.save_ci(actor_id=admin, ci_id=None, code="A", name="A", kind="server")
    b = cis.save_ci(actor_id=admin, ci_id=None, code="B", name="B", kind="server")
    c = cis.save_ci(actor_id=admin, ci_id=None, code="C", name="C", kind="database")
    cis.add_relation(actor_id=admin, source_id=a.id, target_id=b.id, kind="depends_on")
    cis.add_relation(actor_id=admin, source_id=b.id, target_id=c.id, kind="depends_on")
    with pytest.raises(BeaconError) as cycle:
        cis.add_relation(actor_id=admin, source_id=c.id, target_id=a.id, kind="depends_on")
    assert "C → A → B → C" in cycle.value.message("en") and "순환" in cycle.value.message("ko")
    with pytest.raises(BeaconError, match="itself"):
        cis.add_relation(actor_id=admin, source_id=a.id, target_id=a.id, kind="runs_on")
    with pytest.raises(BeaconError, match="already exists"):
        cis.add_relation(actor_id=admin, source_id=a.id, target_id=b.id, kind="depends_on")
    # a cycle of one kind is not a cycle of another: C may connect to A
    cis.add_relation(actor_id=admin, source_id=c.id, target_id=a.id, kind="connects_to")
    seen_from_b = {(r.kind, r.outgoing, r.other_code) for r in cis.relations_of(b.id)}
    assert seen_from_b == {("depends_on", False, "A"), ("depends_on", True, "C")}
    rel = next(r for r in cis.relations_of(a.id) if r.outgoing)
    cis.remove_relation(actor_id=admin, relation_id=rel.id)
    cis.add_relation(actor_id=admin, source_id=c.id, target_id=a.id, kind="depends_on")  # no cycle any more
    assert CIRelation.select().count() == 3
    assert [e.kind for e in events("ci")].count("relation_added") == 4
    assert [e.kind for e in events("ci")].count("relation_removed") == 1


def test_unreferenced_ci_may_be_deleted(db):
    bank = make_bank()
    made = cis.save_ci(actor_id=bank.id("admin"), ci_id=None, code="TYPO", name="오타", kind="other")
    cis.delete_ci(actor_id=bank.id("admin"), ci_id=made.id)
    assert ConfigurationItem.get_or_none(ConfigurationItem.code == "TYPO") is None
    assert events("ci")[-1].kind == "deleted"


# --- users -------------------------------------------------------------------------------------

def new_user(admin: int, **kw) -> people.SavedUser:
    values = {"user_id": None, "login": "kim.sj", "name": "김수진", "name_en": "Sujin Kim",
              "email": "kim.sj@bank.example", "language": "en", "time_zone": "Europe/London", **kw}
    return people.save_user(actor_id=admin, **values)


def test_created_user_signs_in_and_disabled_user_is_refused(db):
    bank = make_bank()
    admin = bank.id("admin")
    saved = new_user(admin, team_id=bank.team_id, password="correct horse", roles=("handler",))
    assert saved.password is None and saved.user.roles == ("handler",)
    actor = session.authenticate("kim.sj", "correct horse")
    assert actor.roles == frozenset({"handler"}) and actor.language == "en"
    as_suite()  # PostgreSQL: the sign-in connected as kim.sj, who administers nothing
    assert saved.user.id in {c.value for c in session.users()}
    listed = people.list_users(text="kim.sj")
    assert [u.login for u in listed] == ["kim.sj"] and isinstance(listed[0].last_login_at, datetime)
    assert listed[0].team_name == "채널운영팀" and listed[0].roles == ("handler",)

    disabled = people.set_user_active(actor_id=admin, user_id=saved.user.id, active=False,
                                      version=people.get_user(saved.user.id).version)
    assert not disabled.is_active
    with pytest.raises(BeaconError) as refused:
        session.authenticate("kim.sj", "correct horse")
    assert refused.value.message("ko") == "이 계정은 사용 중지되었습니다. 다시 사용하려면 관리자에게 문의하세요."
    assert "has been disabled" in refused.value.message("en")
    with pytest.raises(BeaconError) as wrong:  # a stranger learns nothing about the account
        session.authenticate("kim.sj", "guess")
    assert wrong.value.code == "auth.failed"
    as_suite()
    assert saved.user.id not in {c.value for c in session.users()}
    assert User.get_by_id(saved.user.id).login == "kim.sj"  # never deleted

    people.set_user_active(actor_id=admin, user_id=saved.user.id, active=True, version=disabled.version)
    assert session.authenticate("kim.sj", "correct horse").id == saved.user.id
    assert [e.kind for e in events("user")] == ["created", "roles_changed", "disabled", "enabled"]


def test_disabling_a_handler_tells_how_many_open_cases_they_keep(db):
    bank = make_bank()
    admin = bank.id("admin")
    bring_to(bank, "incident", "in_progress")  # assigned to the handler by the matrix
    bring_to(bank, "incident", "closed")
    handler = people.get_user(bank.id("handler"))
    assert people.open_assignments(handler.id) == 1
    people.set_user_active(actor_id=admin, user_id=handler.id, active=False, version=handler.version)
    assert events("user")[-1].note == "open cases still assigned: 1"


def test_generated_and_reset_passwords(db):
    bank = make_bank()
    admin = bank.id("admin")
    saved = new_user(admin)
    assert saved.password and len(saved.password) >= people.MIN_PASSWORD_LENGTH
    first = session.authenticate("kim.sj", saved.password)
    # a generated password is a temporary one: the first sign-in asks for a new one
    assert first.login == "kim.sj" and first.must_change_password
    as_suite()
    with pytest.raises(BeaconError) as short:
        people.reset_password(actor_id=admin, user_id=saved.user.id, new_password="abc")
    assert "at least 10" in short.value.message("en") and "10자 이상" in short.value.message("ko")
    assert session.authenticate("kim.sj", saved.password)  # unchanged after the refusal
    as_suite()
    new = people.reset_password(actor_id=admin, user_id=saved.user.id)
    assert new and new != saved.password
    with pytest.raises(BeaconError):
        session.authenticate("kim.sj", saved.password)
    as_suite()
    assert people.reset_password(actor_id=admin, user_id=saved.user.id, new_password="chosen-by-admin") is None
    temporary = session.authenticate("kim.sj", "chosen-by-admin")
    assert temporary.must_change_password
    with pytest.raises(BeaconError) as weak:
        session.change_own_password(actor=temporary, current="chosen-by-admin", new="short")
    assert weak.value.code == "auth.weak_password"
    session.change_own_password(actor=temporary, current="chosen-by-admin", new="my own secret 1")
    assert not session.authenticate("kim.sj", "my own secret 1").must_change_password
    as_suite()
    resets = [e for e in events("user") if e.kind == "password_reset"]
    assert len(resets) == 2 and all("argon2" not in (e.before + e.after + e.note) for e in resets)


def test_user_input_is_checked(db):
    bank = make_bank()
    admin = bank.id("admin")
    new_user(admin)
    for kw, words in [({"login": "KIM.SJ"}, "already taken"), ({"login": "x"}, "2 to 60"),
                      ({"login": "new1", "email": "not-mail"}, "not an e-mail"),
                      ({"login": "new2", "time_zone": "Mars/Olympus"}, "Unknown time zone 'Mars/Olympus'"),
                      ({"login": "new3", "language": "fr"}, "allowed: ko, en"),
                      ({"login": "new4", "password": "short"}, "at least 10"),
                      ({"login": "new5", "name": ""}, "give a name"),
                      ({"login": "new6", "channels": people.Channels(webhook=True)}, "webhook notices need an address"),
                      ({"login": "new7", "roles": ("admin", "wizard")}, "unknown role(s): wizard")]:
        with pytest.raises(BeaconError) as refused:
            new_user(admin, **kw)
        assert words in refused.value.message("en"), kw
    assert User.select().where(User.login.startswith("new")).count() == 0
    with pytest.raises(BeaconError, match="may not"):
        new_user(bank.id("lead"), login="by-lead")


def test_last_administrator_is_protected(db):
    bank = make_bank()
    admin = bank.id("admin")
    me = people.get_user(admin)
    with pytest.raises(BeaconError) as refused:
        people.set_roles(actor_id=admin, user_id=admin, roles=("handler",))
    assert "last active administrator" in refused.value.message("en")
    assert "마지막 활성 관리자" in refused.value.message("ko")
    with pytest.raises(BeaconError, match="your own account"):
        people.set_user_active(actor_id=admin, user_id=admin, active=False, version=me.version)
    second = new_user(admin, login="second.admin", password="password-2", roles=("admin",)).user
    # with a second administrator, the first may hand over
    people.set_roles(actor_id=admin, user_id=admin, roles=("handler",))
    assert "admin" not in people.get_user(admin).roles
    # now `second` is the last one: another administrator-less user cannot be left in charge
    with pytest.raises(BeaconError) as last:
        people.set_roles(actor_id=second.id, user_id=second.id, roles=())
    assert "last active administrator" in last.value.message("en")
    assert people.get_user(second.id).roles == ("admin",)
    role_events = [json.loads(e.after) for e in events("user") if e.kind == "roles_changed"]
    assert role_events == [["admin"], ["handler"]]


def test_disabling_an_administrator_is_refused_when_last(db):
    bank = make_bank()
    admin = bank.id("admin")
    other = new_user(admin, login="boss", password="password-2", roles=("admin",)).user
    people.set_roles(actor_id=other.id, user_id=admin, roles=())  # `boss` is now the only administrator
    third = new_user(other.id, login="third", password="password-3", roles=("admin",)).user
    people.set_user_active(actor_id=third.id, user_id=other.id, active=False, version=people.get_user(other.id).version)
    # third is now the last: nobody else can disable them, and they cannot disable themselves
    with pytest.raises(BeaconError):
        people.set_user_active(actor_id=third.id, user_id=third.id, active=False, version=1)
    assert people.get_user(third.id).is_active


def test_channels_reach_the_outbox(db):
    bank = make_bank()
    admin = bank.id("admin")
    user = new_user(admin).user
    with pytest.raises(BeaconError, match="http"):
        people.set_channels(actor_id=admin, user_id=user.id,
                            channels=people.Channels(webhook=True, webhook_target="ftp://x"))
    saved = people.set_channels(actor_id=admin, user_id=user.id,
                                channels=people.Channels(email=True, webhook=True,
                                                         webhook_target="https://hooks.example/beacon"))
    assert saved == people.Channels(email=True, webhook=True, webhook_target="https://hooks.example/beacon")
    case_id = bring_to(bank, "incident", "registered")
    from desktop.models import Case

    with database.atomic():  # with its event, in one transaction, as the engine writes notices
        event = Event.create(case=case_id, entity="incident", kind="registered", actor=admin)
        queue_notices([Notice(user.id, "registered", "manual_add")], case=Case.get_by_id(case_id), event=event,
                      actor_name="x", at=bank.app.created_at, key="t")
    rows = {(n.channel, n.target) for n in Notification.select().where(Notification.recipient == user.id)}
    assert rows == {("inapp", ""), ("email", "kim.sj@bank.example"), ("webhook", "https://hooks.example/beacon")}
    people.set_channels(actor_id=admin, user_id=user.id, channels=people.Channels())
    assert people.channels_of(user.id) == people.Channels(webhook_target="")
    assert [e.kind for e in events("user")].count("channels_changed") == 2


# --- teams -------------------------------------------------------------------------------------

def test_teams_create_rename_move_and_disable(db):
    bank = make_bank()
    admin = bank.id("admin")
    dept = people.save_team(actor_id=admin, team_id=None, code="IT", name="IT본부", name_en="IT division")
    ops = people.save_team(actor_id=admin, team_id=None, code="OPS", name="운영팀", parent_id=dept.id)
    assert ops.parent_name == "IT본부"
    with pytest.raises(BeaconError) as loop:
        people.save_team(actor_id=admin, team_id=dept.id, code="IT", name="IT본부", parent_id=ops.id,
                         version=dept.version)
    assert "own sub-team" in loop.value.message("en")
    renamed = people.save_team(actor_id=admin, team_id=ops.id, code="OPS", name="시스템운영팀", parent_id=dept.id,
                               version=ops.version)
    assert renamed.name == "시스템운영팀"
    with pytest.raises(BeaconError, match="already taken"):
        people.save_team(actor_id=admin, team_id=None, code="ops", name="dup")
    member = new_user(admin, team_id=ops.id).user
    with pytest.raises(BeaconError) as busy:
        people.set_team_active(actor_id=admin, team_id=ops.id, active=False, version=renamed.version)
    assert "1 active member" in busy.value.message("en")
    with pytest.raises(BeaconError) as has_child:
        people.set_team_active(actor_id=admin, team_id=dept.id, active=False, version=dept.version)
    assert "1 active sub-team" in has_child.value.message("en")
    people.save_user(actor_id=admin, user_id=member.id, login=member.login, name=member.name, team_id=bank.team_id,
                     version=people.get_user(member.id).version, language="ko", time_zone="Asia/Seoul")
    off = people.set_team_active(actor_id=admin, team_id=ops.id, active=False, version=renamed.version)
    assert not off.is_active and ops.id not in {c.value for c in session.teams()}
    with pytest.raises(BeaconError, match="disabled and cannot be chosen"):
        new_user(admin, login="late", team_id=ops.id)
    assert [e.kind for e in events("team")] == ["created", "created", "updated", "disabled"]


# --- relations, property-based ---------------------------------------------------------------

def _reaches(edges: set[tuple[int, int]], start: int, goal: int) -> bool:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            todo += [t for s, t in edges if s == node]
    return False


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3),  # few CIs, so cycles are near
                                st.sampled_from(["depends_on", "runs_on", "connects_to"]), st.booleans()),
                      min_size=2, max_size=30))
def test_random_relation_edits_never_leave_a_cycle(db, steps):
    """Any sequence of adds and removes: each refusal is for a real self-relation, duplicate or cycle,
    each acceptance keeps runs-on and depends-on acyclic."""
    with database.atomic() as txn:
        try:
            admin = factories.user(login="prop-admin")
            UserRole.create(user=admin, role=Role.get(Role.code == "admin"))
            ids = [cis.save_ci(actor_id=admin.id, ci_id=None, code=f"P{i}", name=f"P{i}", kind="server").id
                   for i in range(4)]
            model: dict[str, set[tuple[int, int]]] = {k: set() for k in cis.RELATION_KINDS}
            for a, b, kind, remove in steps:
                source, target = ids[a], ids[b]
                if remove and (source, target) in model[kind]:
                    rel = CIRelation.get((CIRelation.source == source) & (CIRelation.target == target)
                                         & (CIRelation.kind == kind))
                    cis.remove_relation(actor_id=admin.id, relation_id=rel.id)
                    model[kind].discard((source, target))
                    continue
                expected = ("admin.relation_self" if source == target
                            else "admin.relation_duplicate" if (source, target) in model[kind]
                            else "admin.relation_cycle" if kind in cis.ACYCLIC_KINDS
                            and _reaches(model[kind], target, source) else None)
                try:
                    cis.add_relation(actor_id=admin.id, source_id=source, target_id=target, kind=kind)
                    refused = None
                except BeaconError as exc:
                    refused = exc.code
                assert refused == expected, (a, b, kind)
                event(f"{kind}: {refused or 'added'}")
                if refused is None:
                    model[kind].add((source, target))
            stored = {(s, t, k) for s, t, k in CIRelation.select(CIRelation.source, CIRelation.target,
                                                                  CIRelation.kind).tuples()}
            assert stored == {(s, t, k) for k, edges in model.items() for s, t in edges}
            for kind in cis.ACYCLIC_KINDS:
                assert not any(_reaches(model[kind], t, s) for s, t in model[kind])
        finally:
            txn.rollback()


def test_a_renamed_user_signs_in_under_the_new_name_with_the_same_password(db):
    bank = make_bank()
    admin = bank.id("admin")
    saved = new_user(admin, login="kim.old", password="correct horse", roles=("handler",))
    people.save_user(actor_id=admin, user_id=saved.user.id, login="kim.new", name="김수진",
                     version=people.get_user(saved.user.id).version)
    assert session.authenticate("kim.new", "correct horse").login == "kim.new"
    as_suite()
    with pytest.raises(BeaconError):
        session.authenticate("kim.old", "correct horse")
    as_suite()
