"""Importing incidents from another ITSM: a ServiceNow audit export, CP949, bad rows, idempotence."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from desktop.errors import BeaconError
from desktop.models import (
    Case,
    CaseLink,
    ConfigurationItem,
    Credential,
    Event,
    Incident,
    Notification,
    Problem,
    SlaClock,
    SlaPause,
    Team,
    User,
)
from desktop.models import db as dbmod
from desktop.models.imports import ImportedRecord
from desktop.workflow.cases.queries import IncidentFilter, list_incidents
from desktop.workflow.integrations import importer
from tests.bank import make_bank

COLUMNS = ["number", "short_description", "description", "incident_state", "opened_at", "impact", "urgency",
           "priority", "cmdb_ci", "category", "assignment_group", "assigned_to", "opened_by", "problem_id", "rfc",
           "resolved_at", "closed_at", "close_code", "close_notes", "reopen_count", "sys_updated_on",
           "sys_updated_by"]


def row(number: str, state: str, updated: str, **extra: str) -> dict[str, str]:
    base = {"number": number, "short_description": f"{number} login slow", "description": "Users cannot sign in",
            "incident_state": state, "opened_at": "02-03-2026 09:30:00", "impact": "1 - High",
            "urgency": "2 - Medium", "priority": "2 - High", "cmdb_ci": "인터넷뱅킹", "category": "Software",
            "assignment_group": "", "assigned_to": "handler", "opened_by": "customer", "sys_updated_on": updated,
            "sys_updated_by": "handler"}
    base.update(extra)
    return base


def audit_export() -> list[dict[str, str]]:
    """Three incidents, one row per update, deliberately not in time order in the file.

    INC0010001: New → In Progress → Awaiting User Info (1 h) → In Progress → Resolved → Closed,
                with a problem and a change number.
    INC0010002: In Progress → Resolved → In Progress (reopened after 2 h) → Resolved; same problem.
    INC0010003: still On Hold (waiting) at the end of the export.
    """
    return [
        row("INC0010001", "In Progress", "02-03-2026 09:40:00"),
        row("INC0010001", "New", "02-03-2026 09:30:00", assigned_to=""),
        row("INC0010001", "Awaiting User Info", "02-03-2026 10:00:00"),
        row("INC0010001", "In Progress", "02-03-2026 11:00:00", problem_id="PRB0040001"),
        row("INC0010001", "Resolved", "02-03-2026 12:30:00", problem_id="PRB0040001", rfc="CHG0030001",
            resolved_at="02-03-2026 12:30:00", close_code="Solved (Permanently)", close_notes="WAS 재기동"),
        row("INC0010001", "Closed", "05-03-2026 12:30:00", problem_id="PRB0040001", rfc="CHG0030001",
            resolved_at="02-03-2026 12:30:00", closed_at="05-03-2026 12:30:00",
            close_code="Solved (Permanently)", close_notes="WAS 재기동"),
        row("INC0010002", "In Progress", "02-03-2026 13:00:00", opened_at="02-03-2026 13:00:00",
            urgency="1 - High", problem_id="PRB0040001"),
        row("INC0010002", "Resolved", "02-03-2026 14:00:00", opened_at="02-03-2026 13:00:00", urgency="1 - High",
            resolved_at="02-03-2026 14:00:00", problem_id="PRB0040001"),
        row("INC0010002", "In Progress", "02-03-2026 16:00:00", opened_at="02-03-2026 13:00:00", urgency="1 - High",
            problem_id="PRB0040001", reopen_count="1"),
        row("INC0010002", "Resolved", "02-03-2026 16:30:00", opened_at="02-03-2026 13:00:00", urgency="1 - High",
            resolved_at="02-03-2026 16:30:00", problem_id="PRB0040001", reopen_count="1", close_notes="캐시 초기화"),
        row("INC0010003", "New", "03-03-2026 09:00:00", opened_at="03-03-2026 09:00:00", urgency="3 - Low"),
        row("INC0010003", "On Hold", "03-03-2026 09:20:00", opened_at="03-03-2026 09:00:00", urgency="3 - Low"),
    ]


def to_csv(rows: list[dict[str, str]], encoding: str = "utf-8-sig", columns: list[str] = COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: r.get(c, "") for c in columns})
    return out.getvalue().encode(encoding)


def run(bank, data: bytes, *, dry_run: bool = False, mapping=None, **kw):
    return importer.run_import(actor_id=bank.id("admin"), data=data, mapping=mapping or importer.builtin_mapping(
        "servicenow"), dry_run=dry_run, time_zone="Asia/Seoul", file_name="export.csv", **kw)


def incident(source_number: str) -> Incident:
    record = ImportedRecord.get((ImportedRecord.source == "servicenow") & (ImportedRecord.source_number
                                                                           == source_number))
    return Incident.get(Incident.case == record.case_id)


def history(inc: Incident) -> list[tuple[str, str, str]]:
    return [(e.kind, e.to_state, e.occurred_at.strftime("%d %H:%M")) for e in
            Event.select().where(Event.case == inc.case_id).order_by(Event.occurred_at, Event.id)
            if e.kind not in ("imported", "link_problem", "link_change")]


def test_audit_export_rebuilds_each_incident_once_with_its_history(db):
    bank = make_bank()
    report = run(bank, to_csv(audit_export()))
    assert report.ok and report.applied, [i.message("en") for i in report.issues]
    assert (report.rows, report.incidents, report.new, report.skipped) == (12, 3, 3, 0)
    assert Incident.select().count() == 3
    assert Notification.select().count() == 0  # historic cases tell nobody

    first = incident("INC0010001")
    assert Case.get_by_id(first.case_id).number == "INC-2026-000001"
    assert first.state == "closed" and first.reopen_count == 0
    assert first.registered_by_id == bank.id("customer") and first.assignee_id == bank.id("handler")
    assert first.application_id == bank.app.id and first.resolution == "WAS 재기동"
    assert first.grade.level == 2  # urgency medium × impact high through Beacon's matrix
    # times are Seoul wall-clock in the file, UTC in the database
    assert first.registered_at == datetime(2026, 3, 2, 0, 30)
    assert first.resolved_at == datetime(2026, 3, 2, 3, 30) and first.closed_at == datetime(2026, 3, 5, 3, 30)
    assert history(first) == [
        ("register", "registered", "02 00:30"),
        ("assign", "registered", "02 00:40"),  # New had nobody; the In Progress row names the handler
        ("accept", "accepted", "02 00:40"),  # New → In Progress is accept + start in Beacon's process
        ("start", "in_progress", "02 00:40"),
        ("wait", "waiting", "02 01:00"),
        ("resume", "in_progress", "02 02:00"),
        ("close", "closed", "02 03:30"),
    ]
    pauses = list(SlaPause.select().where(SlaPause.case == first.case_id).order_by(SlaPause.started_at))
    assert [(p.started_at, p.ended_at, p.reason) for p in pauses] == [
        (datetime(2026, 3, 2, 1, 0), datetime(2026, 3, 2, 2, 0), "waiting")]
    clocks = {c.kind: c for c in SlaClock.select().where(SlaClock.case == first.case_id)}
    # grade 2 is 24×7: response 10 min of 30 → met; resolution 3 h open minus 1 h waiting = 120 of 480 → met
    assert clocks["response"].elapsed_wall_minutes == 10 and clocks["response"].met is True
    assert clocks["resolution"].elapsed_wall_minutes == 120 and clocks["resolution"].paused_wall_minutes == 60
    assert clocks["resolution"].met is True

    second = incident("INC0010002")
    assert second.reopen_count == 1 and second.state == "closed" and second.grade.level == 1
    assert [k for k, _, _ in history(second)] == ["register", "accept", "start", "close", "reopen", "close"]
    reopened = SlaPause.get((SlaPause.case == second.case_id) & (SlaPause.reason == "reopened"))
    assert (reopened.started_at, reopened.ended_at) == (datetime(2026, 3, 2, 5, 0), datetime(2026, 3, 2, 7, 0))
    resolution = SlaClock.get((SlaClock.case == second.case_id) & (SlaClock.kind == "resolution"))
    assert resolution.elapsed_wall_minutes == 90  # 13:00–14:00 and 16:00–16:30; the closed 2 h do not count

    third = incident("INC0010003")
    assert third.state == "waiting" and third.waiting_for_customer
    open_pause = SlaPause.get(SlaPause.case == third.case_id)
    assert open_pause.started_at == datetime(2026, 3, 3, 0, 20) and open_pause.ended_at is None
    running = SlaClock.get((SlaClock.case == third.case_id) & (SlaClock.kind == "resolution"))
    assert running.stopped_at is None and running.paused_at == datetime(2026, 3, 3, 0, 20)

    # one problem placeholder shared by two incidents, one change placeholder
    problem_link = {(lk.source_id, lk.kind) for lk in CaseLink.select()}
    assert problem_link == {(first.case_id, "problem"), (first.case_id, "change"), (second.case_id, "problem")}
    problem = Problem.get()
    assert "PRB0040001" in problem.title and Case.get_by_id(problem.case_id).number.startswith("PRB-2026-")
    assert report.placeholders == 2 and report.links == 3
    # linked when the export first names the number (11:00 Seoul), not when the incident was opened
    linked = CaseLink.get((CaseLink.source == first.case_id) & (CaseLink.kind == "problem"))
    assert linked.created_at == datetime(2026, 3, 2, 2, 0)
    # the ServiceNow priority is kept for audit
    assert ImportedRecord.get(ImportedRecord.source_number == "INC0010001").source_priority == "2 - High"
    imported = Event.get((Event.case == first.case_id) & (Event.kind == "imported"))
    assert json.loads(imported.after)["source_priority"] == "2 - High"


def test_reimport_changes_nothing_and_links_to_existing_placeholders(db):
    bank = make_bank()
    data = to_csv(audit_export())
    run(bank, data)
    counts = (Case.select().count(), Event.select().count(), SlaPause.select().count(), CaseLink.select().count())
    again = run(bank, data)
    assert again.applied is False and (again.new, again.skipped) == (0, 3)
    assert (Case.select().count(), Event.select().count(), SlaPause.select().count(),
            CaseLink.select().count()) == counts
    # a new export with one more incident naming the same problem links to the placeholder made before
    more = [*audit_export(), row("INC0010004", "New", "04-03-2026 09:00:00", opened_at="04-03-2026 09:00:00",
                                 problem_id="PRB0040001")]
    report = run(bank, to_csv(more))
    assert (report.new, report.skipped, report.placeholders) == (1, 3, 0)
    assert Problem.select().count() == 1
    assert CaseLink.select().where(CaseLink.source == incident("INC0010004").case_id).get().target_id == \
        Problem.get().case_id


def test_source_number_is_found_by_the_list_search(db):
    bank = make_bank()
    run(bank, to_csv(audit_export()))
    page = list_incidents(actor_id=bank.id("admin"), filters=IncidentFilter(text="INC0010002"))
    assert [r.number for r in page.rows] == [Case.get_by_id(incident("INC0010002").case_id).number]


def test_bad_rows_are_all_named_and_nothing_is_written(db):
    bank = make_bank()
    rows = audit_export()
    rows[2]["sys_updated_on"] = "2026-13-45 99:00"  # row 4 in Excel (header is row 1)
    rows[5]["incident_state"] = "Parked"  # row 7
    rows[8]["urgency"] = "9 - Whenever"  # row 10
    rows[10]["opened_at"] = ""  # row 12
    mapping = importer.builtin_mapping("servicenow")
    mapping.unknown["application"] = "reject"
    rows[11]["cmdb_ci"] = "없는시스템"  # row 13
    before = (Case.select().count(), Event.select().count(), User.select().count())
    report = run(bank, to_csv(rows), mapping=mapping)
    assert not report.applied
    found = [(i.row, i.column) for i in report.issues]
    assert found == [(4, "sys_updated_on"), (7, "incident_state"), (10, "urgency"), (12, "opened_at"),
                     (13, "cmdb_ci")]
    assert "row 7 [incident_state] 'Parked': unknown state" in report.issues[1].message("en")
    assert report.issues[1].message("ko").startswith("7행 [incident_state] 'Parked': 알 수 없는 상태")
    assert (Case.select().count(), Event.select().count(), User.select().count()) == before


def test_dry_run_lists_unknowns_and_writes_nothing(db):
    bank = make_bank()
    rows = audit_export()
    rows[0]["assigned_to"] = "Beth Anglin"
    rows[0]["assignment_group"] = "Service Desk"
    rows[1]["cmdb_ci"] = "SAP ERP"
    report = run(bank, to_csv(rows), dry_run=True)
    assert report.ok and not report.applied and report.new == 3
    assert {(u.kind, u.value, u.action) for u in report.unknowns} == {
        ("user", "Beth Anglin", "create"), ("group", "Service Desk", "create"), ("application", "SAP ERP", "create")}
    assert "will be created (beth.anglin)" in next(u for u in report.unknowns if u.kind == "user").message("en")
    assert Incident.select().count() == 0 and not User.select().where(User.name == "Beth Anglin").exists()
    report = run(bank, to_csv(rows))
    assert report.created == {"application": 1, "user": 1, "group": 1}
    beth = User.get(User.login == "beth.anglin")
    if dbmod.backend() == "sqlite":  # no password until an administrator sets one (PostgreSQL: no login)
        assert not Credential.select().where(Credential.user == beth.id).exists()
    assert Team.get(Team.name == "Service Desk") and ConfigurationItem.get(ConfigurationItem.name == "SAP ERP")


def test_cp949_generic_file_with_hangul(db, tmp_path):
    bank = make_bank()
    mapping = importer.read_mapping_file(importer.resource_path("import", "generic-example.toml"))
    mapping.values["application"] = {"인뱅": bank.app.code.casefold()}
    text = ("장애번호,제목,내용,상태,발생일시,긴급도,업무시스템,담당자,등록자,처리완료일시,조치내용,원인\r\n"
            "L-1,이체 지연,영업점 이체가 30초 이상 걸림,완료,2026.03.02 10:00,긴급,인뱅,handler,customer,"
            "2026.03.02 11:15,세션 풀 확대,커넥션 누수\r\n"
            "L-2,조회 오류,잔액 조회 시 오류 코드 E102,처리중,2026.03.03 14:00,보통,인뱅,퇴사자,customer,,,\r\n")
    data = text.encode("cp949")
    with pytest.raises(BeaconError) as caught:
        importer.read_file(data, "utf-8")
    assert "not UTF-8" in caught.value.message("en")
    report = importer.run_import(actor_id=bank.id("admin"), data=data, mapping=mapping, file_name="장애목록.csv")
    assert report.ok and report.applied and report.encoding == "cp949"
    done = Incident.get(Incident.title == "이체 지연")
    assert done.state == "closed" and done.cause == "커넥션 누수" and done.resolution == "세션 풀 확대"
    assert done.urgency.code == "high" and done.registered_at == datetime(2026, 3, 2, 1, 0)
    open_one = Incident.get(Incident.title == "조회 오류")
    assert open_one.state == "in_progress"
    assert open_one.assignee.login == "admin"  # the mapping maps people who left to the administrator
    assert ImportedRecord.get(ImportedRecord.case == done.case_id).source == "legacy-itsm"


def test_impossible_history_is_a_bad_row(db):
    bank = make_bank()
    rows = [row("INC9", "Canceled", "02-03-2026 10:00:00"), row("INC9", "In Progress", "02-03-2026 11:00:00")]
    report = run(bank, to_csv(rows))
    assert [(i.row, i.column, i.value) for i in report.issues] == [(3, "incident_state", "In Progress")]
    # in the file's own words: its column, its values, the row it cannot follow
    assert report.issues[0].message("en").startswith(
        "row 3 [incident_state] 'In Progress': cannot follow 'Canceled' of row 2: the incident process has no way "
        "from 'Cancelled' to 'Handling'.")


def test_mapping_errors_name_the_key():
    with pytest.raises(importer.MappingError) as caught:
        importer.parse_mapping('[columns]\nnumber = "number"\ntitle = "headline"\n')
    assert "columns.title" in caught.value.message("en") and "unknown field 'headline'" in caught.value.message("en")
    with pytest.raises(importer.MappingError) as caught:
        importer.parse_mapping('[columns]\nnumber = "number"\n')
    assert "required fields: state, opened_at" in caught.value.message("en")  # a title is composed when missing
    text = importer.mapping_to_toml(importer.builtin_mapping("servicenow"))
    again = importer.parse_mapping(text)
    assert again.columns == importer.builtin_mapping("servicenow").columns
    assert again.values["state"]["awaiting user info"] == "waiting"


def test_cli_dry_run_bad_rows_import_and_again(cli_as, tmp_path, capsys):
    from desktop.cli import main

    make_bank()
    db = cli_as("admin")
    good = tmp_path / "incidents.csv"
    rows = audit_export()
    rows[0]["assigned_to"] = "Beth Anglin"
    good.write_bytes(to_csv(rows))
    assert main(["--lang", "en", "import", "incidents", str(good), "--dry-run", "--database", db]) == 0
    out = capsys.readouterr().out
    assert "Dry run: 12 rows; 3 incidents would be imported" in out
    assert "user 'Beth Anglin': will be created (beth.anglin)" in out
    assert Incident.select().count() == 0
    bad = tmp_path / "bad.csv"
    rows[3]["opened_at"] = "someday"
    bad.write_bytes(to_csv(rows))
    assert main(["--lang", "en", "import", "incidents", str(bad), "--database", db]) == 1
    err = capsys.readouterr().err
    assert "row 5 [opened_at] 'someday': not a date and time" in err and "nothing was imported" in err
    handler = cli_as("handler")
    assert main(["--lang", "en", "import", "incidents", str(good), "--database", handler]) == 2
    assert "Only an administrator may import incidents" in capsys.readouterr().err
    db = cli_as("admin")
    assert main(["--lang", "en", "import", "incidents", str(good), "--format", "generic", "--database", db]) == 2
    assert "needs a mapping file" in capsys.readouterr().err
    assert main(["--lang", "ko", "import", "incidents", str(good), "--database", db]) == 0
    out = capsys.readouterr().out
    assert "장애 3건을 가져왔습니다" in out and "INC0010001 → Beacon INC-2026-000001" in out
    assert main(["--lang", "en", "import", "incidents", str(good), "--database", db]) == 0
    assert "Nothing new to import: all 3 incidents were imported before" in capsys.readouterr().out
    assert Incident.select().count() == 3


def test_a_plain_export_of_closed_incidents_gives_no_response_verdict(db):
    """One row per incident, already Resolved: when work began is unknown, so the response clock is stopped
    without a verdict (left out of on-time rates) while the resolution clock is measured."""
    bank = make_bank()
    rows = [row("INC1", "Resolved", "", opened_at="2026-03-02 09:00:00", resolved_at="2026-03-02 12:00:00",
                urgency="1 - High")]
    report = run(bank, to_csv(rows))
    assert report.applied
    inc = incident("INC1")
    assert [k for k, _, _ in history(inc)] == ["register", "accept", "close"]
    clocks = {c.kind: c for c in SlaClock.select().where(SlaClock.case == inc.case_id)}
    assert clocks["response"].met is None and clocks["response"].stopped_at == datetime(2026, 3, 2, 3, 0)
    assert clocks["resolution"].elapsed_wall_minutes == 180 and clocks["resolution"].met is True


@pytest.mark.parametrize(("text", "expected"), [
    ("02-03-2026 09:30", datetime(2026, 3, 2, 0, 30)),
    ("02-03-2026 09:30:15", datetime(2026, 3, 2, 0, 30, 15)),
    ("2026-03-02 09:30:00", datetime(2026, 3, 2, 0, 30)),
    ("2026-03-02T09:30:00+09:00", datetime(2026, 3, 2, 0, 30)),
    ("2026-03-02T00:30:00Z", datetime(2026, 3, 2, 0, 30)),
    ("2026-03-02T09:30:00-05:00", datetime(2026, 3, 2, 14, 30)),
    ("2026.03.02 09:30", datetime(2026, 3, 2, 0, 30)),
    ("31-02-2026 09:30", None),
    ("yesterday", None),
])
def test_dates_in_the_formats_exports_use(text, expected):
    from zoneinfo import ZoneInfo

    parse = importer._DateParser([], ZoneInfo("Asia/Seoul"))
    assert parse(text) == expected


def test_the_order_of_rows_in_the_file_does_not_change_the_history(db):
    """Exports list updates in any order: each incident's history follows `sys_updated_on`, ties by file order."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    bank = make_bank()
    rows = audit_export()
    mapping = importer.builtin_mapping("servicenow")

    def histories(data: bytes) -> dict[str, list[tuple[str, str, datetime]]]:
        checked = importer.check(data, mapping)
        assert checked.ok
        planned = importer._plan_all(checked, bank.id("admin"), fake=True)
        return {p.number: [(e.kind, e.to_state, e.at) for e in p.events] for p in planned}

    expected = histories(to_csv(rows))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.permutations(rows))
    def shuffled(order):
        assert histories(to_csv(list(order))) == expected

    shuffled()


def test_a_beacon_number_in_the_export_links_to_that_case(db):
    from tests.bank import bring_to

    bank = make_bank()
    problem_id = bring_to(bank, "problem", "derivation")
    number = Case.get_by_id(problem_id).number
    report = run(bank, to_csv([row("INC77", "In Progress", "02-03-2026 10:00:00", problem_id=number)]))
    assert report.applied and report.placeholders == 0
    link = CaseLink.get(CaseLink.source == incident("INC77").case_id)
    assert (link.target_id, link.kind) == (problem_id, "problem")
    assert Problem.select().count() == 1


def test_unreadable_files_say_why():
    with pytest.raises(BeaconError) as caught:
        importer.read_file(b"\xef\xbb\xbf\r\n")
    assert caught.value.message("en") == "The file is empty; its first row must name the columns."
    with pytest.raises(BeaconError) as caught:
        importer.read_file(b'number,title\r\nINC1,"never closed\r\n')
    assert caught.value.message("en").startswith("The file ends inside row 2: it was cut off.")
    with pytest.raises(BeaconError) as caught:
        importer.read_file(b"number\r\n\xff\xfe\xfd\r\n", "cp949")
    assert "neither UTF-8 nor CP949" in caught.value.message("en")
    text, used = importer.decode("번호\r\n".encode())
    assert (text, used) == ("번호\r\n", "utf-8")


def test_a_map_rule_must_name_something_that_exists(db):
    bank = make_bank()
    mapping = importer.builtin_mapping("servicenow")
    mapping.unknown["user"] = "map:nobody.here"
    rows = audit_export()
    rows[0]["assigned_to"] = "Beth Anglin"
    report = run(bank, to_csv(rows), mapping=mapping)
    assert not report.applied and Incident.select().count() == 0
    assert "[unknown] user names a user that does not exist" in report.issues[0].message("en")


def test_history_on_a_retired_application_stays_on_it(db):
    bank = make_bank()
    ConfigurationItem.update(is_active=False).where(ConfigurationItem.id == bank.app.id).execute()
    report = run(bank, to_csv([row("INC5", "Closed", "02-03-2026 12:00:00", resolved_at="02-03-2026 11:00:00")]))
    assert report.applied and report.created["application"] == 0
    assert incident("INC5").application_id == bank.app.id
