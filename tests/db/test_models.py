"""Every model can be written and read back, with its relations, on both backends."""

from __future__ import annotations

import json
from datetime import date, timedelta

import peewee
import pytest

from desktop.models import (
    ALL_MODELS,
    ATTACHMENT_MAX_BYTES,
    Action,
    AlertLink,
    Attachment,
    BusinessCalendar,
    CalendarDay,
    CandidateDismissal,
    Case,
    CaseLink,
    Change,
    CIRelation,
    ConfigurationItem,
    Credential,
    EarlyWarning,
    Event,
    Grade,
    Incident,
    Notification,
    NotificationPreference,
    OwnerMatrixEntry,
    PriorityMatrixCell,
    Problem,
    ProcessDefinition,
    PropagationOverride,
    Role,
    SavedFilter,
    ServiceRequestLink,
    Setting,
    SlaClock,
    SlaPause,
    SlaPolicy,
    UserRole,
    WorkOrder,
    database,
    utcnow,
)
from desktop.models import db as dbmod
from desktop.models.imports import ImportedRecord
from desktop.models.numbering import create_case
from desktop.workflow.common.auth import hash_password, verify_password
from tests import factories


def build_world() -> dict[str, object]:
    """One row (at least) in every table, linked the way the product links them."""
    ops = factories.team(name="채널운영팀")
    lead = factories.user(name="김팀장", team=ops)
    # on PostgreSQL a password is the login's own, and nobody at run time writes or reads `credential`
    secret = {"password_hash": hash_password("비밀번호1")} if dbmod.backend() == "sqlite" else {}
    handler = factories.user(name="이담당", team=ops, **secret)
    customer = factories.user(name="박고객")
    UserRole.create(user=handler, role=Role.get(Role.code == "handler"))
    app = factories.application(name="인터넷뱅킹", team=ops)
    server = ConfigurationItem.create(code="SRV-IB-01", name="인터넷뱅킹 WAS 1호기", kind="server", parent=app)
    CIRelation.create(source=app, target=server, kind="runs_on")
    OwnerMatrixEntry.create(ci=app, role=Role.get(Role.code == "primary_handler"), user=handler, position=0)
    OwnerMatrixEntry.create(ci=app, role=Role.get(Role.code == "team_lead"), user=lead, position=0)
    PropagationOverride.create(application=app, user=customer, mode="add", reason="영업점 대표", created_by=lead)
    CalendarDay.create(calendar=BusinessCalendar.get(BusinessCalendar.code == "kr_business"),
                       day=date(2026, 12, 31), kind="holiday", name="연말 휴무")
    process = ProcessDefinition.create(process="incident", version=99, source="[process]\nname='incident'",
                                       checksum="0" * 64)
    inc = factories.incident(reporter=customer, app=app, assignee=handler, assigned_team=ops, process=process,
                             description="로그인 후 10초 이상 대기")
    now = utcnow()
    with database.atomic():
        prb = Problem.create(case=create_case("problem", year=now.year), title="WAS 세션 풀 고갈",
                             state="registered", registered_by=handler, application=app)
        chg = Change.create(case=create_case("change", year=now.year), title="세션 풀 설정 변경", state="requested",
                            requested_by=handler, parent=inc.case)
        wo = WorkOrder.create(case=create_case("work_order", year=now.year), parent=inc.case,
                              title="WAS 힙 덤프 분석", state="issued", issued_by=handler, assignee=lead)
    CaseLink.create(source=inc.case, target=prb.case, kind="problem", created_by=handler)
    ServiceRequestLink.create(case=inc.case, system="대외계", external_ref="SR-77", title="금결원 회선 점검 요청")
    Action.create(case=inc.case, actor=handler, body="WAS 재기동", kind="fix", minutes_spent=15)
    Attachment.create(case=inc.case, file_name="로그.txt", size=5, sha256="a" * 64, data=b"hello", uploaded_by=handler)
    with database.atomic():  # a notice is written with its event (PostgreSQL refuses one without)
        ev = Event.create(case=inc.case, entity="incident", entity_id=inc.case.number, kind="register",
                          actor=customer, to_state="registered", after=json.dumps({"grade": 1}))
        Notification.create(event=ev, case=inc.case, recipient=lead, channel="inapp", kind="registered",
                            dedupe_key=f"{inc.case.number}:registered:{lead.id}:inapp", reason="team_lead")
    policy = SlaPolicy.get(SlaPolicy.grade == Grade.get(Grade.level == 1))
    SlaClock.create(case=inc.case, kind="response", policy=policy, calendar=policy.calendar,
                    target_minutes=policy.response_minutes, started_at=now, due_at=now + timedelta(minutes=10))
    SlaPause.create(case=inc.case, started_at=now, ended_at=now + timedelta(minutes=5), reason="waiting")
    NotificationPreference.create(user=lead, channel="email", kind="*", target="lead@bank.example")
    SavedFilter.create(user=handler, list_key="incidents", name="내 1등급", definition='{"grades": [1]}')
    ImportedRecord.create(source="servicenow", source_number="INC0010001", case=inc.case, imported_by=handler,
                          source_priority="2 - High")
    AlertLink.create(source="alertmanager", fingerprint="c2a1f0b3", open_key="c2a1f0b3", case=inc.case)
    CandidateDismissal.create(group_key=f"app:{app.id}:{inc.case_id}", case_ids=f"[{inc.case_id}]",
                              reason="한 번뿐인 장애", dismissed_by=handler)
    EarlyWarning.create(scope=f"app:{app.id}", application=app, case=inc.case, first_at=utcnow(), last_at=utcnow(),
                        count=3)
    return {"incident": inc, "problem": prb, "change": chg, "work_order": wo, "handler": handler, "app": app}


def test_every_table_holds_and_returns_rows(db):
    world = build_world()
    unreadable = {"Credential"} if dbmod.backend() == "postgresql" else set()
    empty = [m.__name__ for m in ALL_MODELS if m.__name__ not in unreadable and m.select().count() == 0]
    assert empty == []

    inc = Incident.get_by_id(world["incident"].case_id)
    assert inc.title == "인터넷뱅킹 로그인 지연"
    assert inc.application.name == "인터넷뱅킹"
    assert inc.impact.code == "high" and inc.grade.level == 1
    assert inc.case.number.startswith("INC-")
    assert [a.body for a in inc.case.actions] == ["WAS 재기동"]
    assert inc.case.links_out.get().target.problem.get().title == "WAS 세션 풀 고갈"
    assert inc.case.work_orders.get().title == "WAS 힙 덤프 분석"
    assert Change.get().parent.number == inc.case.number
    assert bytes(Attachment.get().data) == b"hello"
    assert Event.get().after == '{"grade": 1}'
    assert Notification.get().recipient.name == "김팀장"
    assert SlaClock.get().target_minutes == 10
    assert SlaPause.get().reason == "waiting"
    assert NotificationPreference.get().user.name == "김팀장"
    assert SavedFilter.get().user.name == "이담당"
    assert AlertLink.get().case.incident.get().title == "인터넷뱅킹 로그인 지연"
    assert [(e.role.code, e.user.name) for e in world["app"].owners.order_by(OwnerMatrixEntry.id)] == [
        ("primary_handler", "이담당"), ("team_lead", "김팀장")]
    if dbmod.backend() == "sqlite":
        assert verify_password(Credential.get(Credential.user == world["handler"].id).password_hash, "비밀번호1")
        assert not verify_password(Credential.get(Credential.user == world["handler"].id).password_hash, "틀림")


def test_numbers_per_kind_and_year(db):
    with database.atomic():
        numbers = [create_case("incident", year=2026).number for _ in range(3)]
        numbers.append(create_case("problem", year=2026).number)
        numbers.append(create_case("incident", year=2027).number)
    assert numbers == ["INC-2026-000001", "INC-2026-000002", "INC-2026-000003", "PRB-2026-000001",
                       "INC-2027-000001"]


def test_rolled_back_case_returns_its_number(db):
    class Boom(Exception):
        pass

    with pytest.raises(Boom), database.atomic():
        create_case("incident", year=2026)
        raise Boom
    with database.atomic():
        assert create_case("incident", year=2026).number == "INC-2026-000001"
    assert Case.select().count() == 1


def test_defaults_ship_the_design_priority_matrix(db):
    grid = {
        (c.urgency.code, c.impact.code): c.grade.level
        for c in PriorityMatrixCell.select()
    }
    assert grid == {
        ("high", "high"): 1, ("high", "medium"): 2, ("high", "low"): 3,
        ("medium", "high"): 2, ("medium", "medium"): 3, ("medium", "low"): 4,
        ("low", "high"): 3, ("low", "medium"): 4, ("low", "low"): 4,
    }
    targets = {p.grade.level: (p.response_minutes, p.resolution_minutes, p.calendar.code) for p in SlaPolicy.select()}
    assert targets == {1: (10, 240, "24x7"), 2: (30, 480, "24x7"), 3: (120, 1440, "kr_business"),
                       4: (240, 1620, "kr_business")}
    assert json.loads(Setting.get_by_id("time_zone").value) == "Asia/Seoul"


def test_attachment_size_limit_is_enforced_by_the_database(db):
    world = build_world()
    with pytest.raises(peewee.IntegrityError), database.atomic():
        Attachment.create(case=world["incident"].case, file_name="big.iso", size=ATTACHMENT_MAX_BYTES + 1,
                          sha256="b" * 64, data=b"x", uploaded_by=world["handler"])


def test_unique_login_and_case_number(db):
    factories.user(login="kim")
    with pytest.raises(peewee.IntegrityError), database.atomic():
        factories.user(login="kim")
    with database.atomic():
        Case.create(kind="incident", number="INC-2026-999999")
    with pytest.raises(peewee.IntegrityError), database.atomic():
        Case.create(kind="incident", number="INC-2026-999999")


def test_list_indexes_exist(db):
    names = {ix.name for ix in database.get_indexes("incident")}
    columns = {tuple(ix.columns) for ix in database.get_indexes("incident")}
    assert ("state", "registered_at", "case_id") in columns, names
    assert ("assignee_id", "state", "registered_at") in columns, names
    assert ("application_id", "registered_at") in columns
    assert ("grade_id", "registered_at") in columns
