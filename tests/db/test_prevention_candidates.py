"""Problem candidates and the major-incident early warning on both backends: the detector over the labelled
fixture stored as incidents, dismissing, creating the problem in one transaction, and a burst told once."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from desktop.errors import BeaconError
from desktop.models import (
    CandidateDismissal,
    CaseLink,
    CIRelation,
    ConfigurationItem,
    EarlyWarning,
    Event,
    Incident,
    Notification,
    OwnerMatrixEntry,
    Problem,
    Role,
    database,
)
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.settings import put_setting
from desktop.workflow.prevention import candidates, early_warning
from tests import factories
from tests.bank import T0, make_bank
from tests.prevention_fixture import APPLICATIONS, build, expected, score

NOW = T0 + timedelta(days=120)


def _register(bank, title: str, at, app=None):
    return cs.register_incident(
        actor_id=bank.id("customer"),
        title=title,
        description="d",
        application_id=(app or bank.app).id,
        urgency="high",
        incident_type="application",
        now=at,
    )


def _store_fixture(bank) -> dict[int, int]:
    """The labelled fixture as incidents (accepted and closed as they would be); fixture key → case id."""
    apps = {}
    for code, (name, name_en) in APPLICATIONS.items():
        apps[code] = factories.application(code=f"FX-{code}", name=name, name_en=name_en, team=bank.app.team)
    ids = {}
    with database.atomic():
        for f in build(now=NOW):
            row = factories.incident(
                reporter=bank.users["customer"],
                app=apps[f.application],
                at=f.registered_at,
                title=f.title,
                cause=f.cause,
                state="closed",
                resolved_at=f.registered_at + timedelta(hours=2),
                closed_at=f.registered_at + timedelta(hours=2),
            )
            ids[f.key] = row.case_id
    return ids


@pytest.mark.usefixtures("db")
def test_the_detector_finds_the_fixtures_recurring_faults_and_a_dismissed_group_stays_dismissed():
    bank = make_bank()
    ids = _store_fixture(bank)
    run = candidates.detect(now=NOW)
    back = {case_id: key for key, case_id in ids.items()}
    found = [{back[c] for c in g.case_ids} for g in run.groups]
    precision, recall = score(found, expected(build(now=NOW)))
    print(f"\nstored fixture ({run.scanned} incidents): precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.90 and recall >= 0.80
    group = max(run.groups, key=lambda g: len(g.incidents))
    assert group.total_downtime_minutes == 120 * len(group.incidents)
    assert group.common_words, "a group says which words its titles share"
    assert group.why("en", window_days=30, min_incidents=3).startswith(f"{group.peak} incidents on ")

    with pytest.raises(BeaconError):  # a reason is required
        candidates.dismiss_group(actor_id=bank.id("pm"), case_ids=list(group.case_ids), reason=" ")
    with pytest.raises(BeaconError):  # only those who manage problems dismiss
        candidates.dismiss_group(actor_id=bank.id("customer"), case_ids=list(group.case_ids), reason="x")
    candidates.dismiss_group(
        actor_id=bank.id("pm"), case_ids=list(group.case_ids), reason="known vendor bug", key=group.key, now=NOW
    )
    again = candidates.detect(now=NOW)
    assert group.case_ids not in [g.case_ids for g in again.groups]
    assert again.hidden == 1
    row = CandidateDismissal.get()
    assert row.reason == "known vendor bug" and row.dismissed_by_id == bank.id("pm")

    # a new incident with the same fault joins the group: it is shown again, saying it was dismissed before
    first = Incident.get(Incident.case == group.case_ids[0])
    factories.incident(
        reporter=bank.users["customer"],
        app=ConfigurationItem.get_by_id(group.application_id),
        at=NOW - timedelta(hours=3),
        title=first.title,
    )
    shown = [g for g in candidates.detect(now=NOW).groups if set(group.case_ids) < set(g.case_ids)]
    assert len(shown) == 1 and shown[0].previously_dismissed.reason == "known vendor bug"


@pytest.mark.usefixtures("db")
def test_one_action_creates_the_problem_links_the_incidents_and_assigns_the_problem_manager():
    bank = make_bank()
    case_ids = []
    for i, title in enumerate(("인터넷뱅킹 로그인 오류", "Login fails with an error", "로그인 시 에러 발생")):
        case = _register(bank, title, T0 + timedelta(days=i))
        cs.accept_incident(
            actor_id=bank.id("handler"), case_id=case.case_id, version=None, now=T0 + timedelta(days=i, minutes=5)
        )
        case_ids.append(case.case_id)
    waiting = _register(bank, "로그인 오류 또 발생", T0 + timedelta(days=3)).case_id  # still registered: linkable too
    run = candidates.detect(now=T0 + timedelta(days=4))
    assert [sorted(g.case_ids) for g in run.groups] == [sorted([*case_ids, waiting])]

    with pytest.raises(BeaconError):
        candidates.create_problem_from_group(actor_id=bank.id("customer"), case_ids=case_ids)
    made = candidates.create_problem_from_group(
        actor_id=bank.id("pm"), case_ids=[*case_ids, waiting], language="en", now=T0 + timedelta(days=4)
    )
    problem = Problem.get_by_id(made.problem_id)
    assert problem.assignee_id == bank.id("pm") and made.assigned_by == "actor"
    assert problem.application_id == bank.app.id and "login" in problem.title.lower()
    linked = {
        link.source_id
        for link in CaseLink.select().where((CaseLink.target == made.problem_id) & (CaseLink.kind == "problem"))
    }
    assert linked == {*case_ids, waiting}  # the shipped process links a problem from registration on
    assert made.skipped == ()
    # the linked incidents are no candidate any more
    assert candidates.detect(now=T0 + timedelta(days=4)).groups == []

    # the matrix names a problem manager for the application: that person gets it
    other = factories.user(login="pm2", name="문제관리자2")
    OwnerMatrixEntry.create(ci=bank.app, role=Role.get(Role.code == "problem_manager"), user=other, position=0)
    assert candidates.problem_manager_for(bank.app.id, bank.id("admin")) == (other.id, "matrix")


@pytest.mark.usefixtures("db")
def test_a_failed_link_leaves_no_problem_behind():
    bank = make_bank()
    case = _register(bank, "로그인 오류", T0)
    with pytest.raises(BeaconError):
        candidates.create_problem_from_group(actor_id=bank.id("pm"), case_ids=[case.case_id, 999_999])
    assert Problem.select().count() == 0


@pytest.mark.usefixtures("db")
def test_a_burst_of_three_incidents_on_one_application_warns_the_lead_and_handler_once():
    bank = make_bank()
    for minute in (0, 4, 9):
        _register(bank, f"인터넷뱅킹 접속 불가 {minute}", T0 + timedelta(minutes=minute))
    warnings = list(EarlyWarning.select())
    assert len(warnings) == 1 and warnings[0].scope == f"app:{bank.app.id}" and warnings[0].count == 3
    told = Notification.select().where(Notification.kind == early_warning.NOTICE_KIND)
    assert {n.recipient_id for n in told} == {bank.id("lead"), bank.id("handler")}
    event = Event.get(Event.kind == "early_warning")
    assert {n.event_id for n in told} == {event.id} and event.case_id == warnings[0].case_id
    assert "3" in json.loads(event.after)["note"]["en"]

    # the fourth of the same burst extends it: nobody is told again
    _register(bank, "인터넷뱅킹 접속 불가 또", T0 + timedelta(minutes=14))
    assert EarlyWarning.select().count() == 1 and EarlyWarning.get().count == 4
    assert told.count() == 2

    banner = early_warning.active_warnings(actor_id=bank.id("lead"), now=T0 + timedelta(minutes=20))
    assert len(banner) == 1 and len(banner[0].incidents) == 4
    assert early_warning.active_warnings(actor_id=bank.id("customer"), now=T0 + timedelta(minutes=20)) == []
    parent = banner[0].incidents[0]
    done = early_warning.make_parent(
        actor_id=bank.id("admin"), warning_id=banner[0].id, parent_id=parent.case_id, now=T0 + timedelta(minutes=21)
    )
    assert len(done.children) == 3 and not done.skipped
    assert {i.parent_id for i in Incident.select().where(Incident.case != parent.case_id)} == {parent.case_id}
    assert early_warning.active_warnings(actor_id=bank.id("lead"), now=T0 + timedelta(minutes=22)) == []

    # a later burst, after a quiet spell, is a new one
    for minute in (60, 62, 63):
        _register(bank, "인터넷뱅킹 오류", T0 + timedelta(minutes=minute))
    assert EarlyWarning.select().count() == 2


@pytest.mark.usefixtures("db")
def test_a_burst_across_applications_sharing_a_server_and_the_thresholds_tuned():
    bank = make_bank()
    other = factories.application(name="모바일뱅킹", team=bank.app.team)
    server = factories.application(code="SRV-WAS", name="WAS 서버", kind="server")
    for app in (bank.app, other):
        CIRelation.create(source=app, target=server, kind="runs_on")
    _register(bank, "접속 오류", T0)
    _register(bank, "접속 오류", T0 + timedelta(minutes=2), app=other)
    assert EarlyWarning.select().count() == 0
    _register(bank, "접속 오류", T0 + timedelta(minutes=3), app=other)
    warning = EarlyWarning.get()
    assert warning.scope == f"ci:{server.id}" and warning.shared_ci_id == server.id
    assert "WAS" in Event.get(Event.kind == "early_warning").note

    put_setting("early_warning", {"min_incidents": 5, "window_minutes": 30})
    for minute in range(100, 104):
        _register(bank, "접속 오류", T0 + timedelta(minutes=minute))
    assert EarlyWarning.select().count() == 1  # four in 30 minutes: below the tuned threshold
    _register(bank, "접속 오류", T0 + timedelta(minutes=110))
    assert EarlyWarning.select().count() == 2


def test_the_cli_prints_candidates_with_their_evidence_and_json_for_a_scheduler(cli_as, capsys):
    from desktop.cli import main
    from desktop.models import db as dbmod
    from desktop.models import utcnow

    bank = make_bank()
    now = utcnow()
    for days, title in ((20, "카드 승인 타임아웃"), (12, "Card approval timeout"), (3, "카드 승인 시간초과 발생")):
        factories.incident(reporter=bank.users["customer"], app=bank.app, at=now - timedelta(days=days), title=title)
    factories.incident(
        reporter=bank.users["customer"], app=bank.app, at=now - timedelta(days=5), title="공지 팝업 오타"
    )
    customer = cli_as("customer")
    dbmod.close()
    assert main(["--lang", "en", "prevention", "candidates", "--database", customer]) == 2
    assert "Problem candidates" in capsys.readouterr().err
    url = cli_as("pm")
    dbmod.close()
    assert main(["--lang", "en", "prevention", "candidates", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "1 problem candidates (last 90 days, 3 or more in 30 days)" in out
    assert "Card approval timeout" in out and "공지 팝업" not in out
    assert "common: " in out and "timeout" in out.split("common: ")[1].splitlines()[0]
    assert main(["prevention", "candidates", "--days", "10", "--json", "--database", url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lookback_days"] == 10 and data["groups"] == []
    assert main(["prevention", "candidates", "--days", "30", "--json", "--database", url]) == 0
    group = json.loads(capsys.readouterr().out)["groups"][0]
    assert [i["title"] for i in group["incidents"]] == [
        "카드 승인 타임아웃",
        "Card approval timeout",
        "카드 승인 시간초과 발생",
    ]
    assert group["common_words"] and group["why"]


@pytest.mark.usefixtures("db")
def test_a_look_back_of_no_days_is_refused_in_words():
    with pytest.raises(BeaconError) as refused:
        candidates.detect(days=0)
    assert "days to look back" in refused.value.message("en") and "조회 일수" in refused.value.message("ko")
