"""A hand-written ServiceNow audit export (tests/fixtures/import/servicenow-audit-reopens.csv) imports to exactly
the history written down by hand beside it (…timeline.txt): two reopens, waits that end at Resolved rows, a
reassignment on a Resolved row, an un-assignment and a group change, update-time ties ordered by sys_mod_count,
a missing resolved_at, "?" cells and no title column. Then its damaged variants: cut off, out of order."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.errors import BeaconError
from desktop.models import Case, CaseLink, Change, Event, Incident, SlaClock, SlaPause, Team, User
from desktop.models.imports import ImportedRecord
from desktop.workflow.integrations import importer
from tests.bank import make_bank

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
CSV = FIXTURES / "servicenow-audit-reopens.csv"
TIMELINE = FIXTURES / "servicenow-audit-reopens.timeline.txt"
SEOUL = timedelta(hours=9)


def seoul(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M") - SEOUL  # stored in UTC


def expected() -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for line in TIMELINE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, *cells = [c.strip() for c in line.split("|")]
        out.setdefault(kind, []).append(cells)
    return out


def run(bank, data: bytes, *, dry_run: bool = False, markers=("?",), mapping=None):
    return importer.run_import(actor_id=bank.id("admin"), data=data, mapping=mapping or importer.builtin_mapping(
        "servicenow"), dry_run=dry_run, time_zone="Asia/Seoul", file_name=CSV.name, null_markers=markers)


def case_of(number: str, kind: str = "incident") -> int:
    return ImportedRecord.get((ImportedRecord.source == "servicenow") & (ImportedRecord.kind == kind)
                              & (ImportedRecord.source_number == number)).case_id


def actual_events(case_id: int) -> list[list[str]]:
    logins = dict(User.select(User.id, User.login).tuples())
    teams = dict(Team.select(Team.id, Team.name).tuples())
    assignee = team = None
    out = []
    for e in Event.select().where(Event.case == case_id).order_by(Event.occurred_at, Event.id):
        if e.kind == "imported" or e.kind.startswith("link_"):
            continue
        after = json.loads(e.after)
        assignee = after.get("assignee", assignee)
        team = after.get("assigned_team", team)
        out.append([(e.occurred_at + SEOUL).strftime("%Y-%m-%d %H:%M"), e.kind, e.to_state,
                    logins[assignee] if assignee else "-", teams[team] if team else "-", logins[e.actor_id]])
    return out


def minutes(at: datetime | None) -> str:
    return (at + SEOUL).strftime("%Y-%m-%d %H:%M") if at else "-"


def test_the_audit_fixture_imports_to_the_hand_written_timeline(db):
    bank = make_bank()
    data = CSV.read_bytes()
    dry = run(bank, data, dry_run=True)
    assert dry.ok and not dry.applied, [i.message("en") for i in dry.issues]
    assert (dry.new, dry.placeholders, dry.created["group"]) == (3, 2, 1)  # DB운영팀 is new
    assert Incident.select().count() == 0 and not Team.select().where(Team.name == "DB운영팀").exists()
    report = run(bank, data)
    assert report.ok and report.applied, [i.message("en") for i in report.issues]
    assert (report.rows, report.new) == (21, 3)
    want = expected()
    for number in ("INC0020001", "INC0020002", "INC0020003"):
        mine = [cells[1:] for cells in want["event"] if cells[0] == number]
        got = actual_events(case_of(number))
        for index, (w, g) in enumerate(zip(mine, got, strict=False)):
            assert g == w, f"{number} event {index + 1}: imported {g}, written down {w}"
        assert len(got) == len(mine), f"{number}: {len(got)} events imported, {len(mine)} written down"
    logins = dict(User.select(User.id, User.login).tuples())
    teams = dict(Team.select(Team.id, Team.name).tuples())
    for number, state, title, category, resolved, closed, reopens, assignee, team in want["final"]:
        inc = Incident.get(Incident.case == case_of(number))
        record = ImportedRecord.get(ImportedRecord.case == inc.case_id)
        assert [inc.state, inc.title, record.source_category, f"resolved {minutes(inc.resolved_at)}",
                f"closed {minutes(inc.closed_at)}", f"reopens {inc.reopen_count}", logins.get(inc.assignee_id, "-"),
                teams.get(inc.assigned_team_id, "-")] == \
            [state, title, category, resolved, closed, reopens, assignee, team], number
    for number, start, end, reason in want["pause"]:
        assert SlaPause.select().where((SlaPause.case == case_of(number)) & (SlaPause.started_at == seoul(start))
                                       & (SlaPause.ended_at == seoul(end)) & (SlaPause.reason == reason)).exists(), \
            (number, start, end, reason)
    for number in {cells[0] for cells in want["pause"]}:
        assert SlaPause.select().where(SlaPause.case == case_of(number)).count() == \
            sum(1 for cells in want["pause"] if cells[0] == number)
    for number, kind, elapsed, verdict in want["clock"]:
        clock = SlaClock.get((SlaClock.case == case_of(number)) & (SlaClock.kind == kind))
        figure = clock.elapsed_business_minutes if clock.uses_business_time else clock.elapsed_wall_minutes
        assert {"met": True, "breached": False, "none": None}[verdict] == clock.met, (number, kind)
        if elapsed != "-":
            assert figure == int(elapsed), (number, kind)
    for number, at, kind, target in want["link"]:
        link = CaseLink.get((CaseLink.source == case_of(number)) & (CaseLink.kind == kind))
        assert link.created_at == seoul(at) and link.target_id == case_of(target, kind)
    # the change numbered like an incident is a change of its own, beside the incident
    assert Change.get(Change.case == case_of("INC0020001", "change")).case_id != case_of("INC0020001")
    assert any("Facilities" in w["en"] for w in report.warnings)  # the unmapped category is said, and kept
    assert any("titled from their category and symptom" in w["en"] for w in report.warnings)
    again = run(bank, data)
    assert (again.applied, again.new, again.skipped) == (False, 0, 3)


def reordered() -> bytes:
    """The fixture with its data rows reversed: only the times and sys_mod_count say the order."""
    lines = CSV.read_text(encoding="utf-8").splitlines()
    return ("\n".join([lines[0], *reversed(lines[1:])]) + "\n").encode()


def test_row_order_in_the_file_does_not_matter(db):
    bank = make_bank()
    report = run(bank, reordered())
    assert report.applied
    want = expected()
    mine = [cells[1:] for cells in want["event"] if cells[0] == "INC0020001"]
    assert actual_events(case_of("INC0020001")) == mine


def tie_variant(with_sequence: bool) -> bytes:
    """INC0020002's New and In Progress rows at one second, In Progress listed first."""
    lines = CSV.read_text(encoding="utf-8").splitlines()
    lines = [line.replace("2026-03-05 10:05:00,1,", "2026-03-05 10:00:00,1,") for line in lines]
    new = next(i for i, line in enumerate(lines) if line.startswith("INC0020002,New"))
    moved = lines.pop(new)
    progress = next(i for i, line in enumerate(lines) if line.startswith("INC0020002,In Progress"))
    lines.insert(progress + 1, moved)
    if not with_sequence:
        lines = [",".join(c for i, c in enumerate(line.split(",")) if i != 4) for line in lines]
    return ("\n".join(lines) + "\n").encode()


def test_a_tie_is_ordered_by_the_sequence_column_else_named_in_the_files_words(db):
    bank = make_bank()
    report = run(bank, tie_variant(with_sequence=False), dry_run=True)
    assert [(i.row, i.column, i.value) for i in report.issues] == [(9, "incident_state", "New")]
    message = report.issues[0].message("en")
    assert message.startswith("row 9 [incident_state] 'New': cannot follow 'In Progress' of row 8: the incident "
                              "process has no way from 'Handling' to 'Registered'.")
    assert "map the file's sequence column (e.g. sys_mod_count)" in message
    assert "7행 [incident_state]" not in report.issues[0].message("ko") and "'New'" in report.issues[0].message("ko")
    report = run(bank, tie_variant(with_sequence=True))
    assert report.applied and report.new == 3
    got = actual_events(case_of("INC0020002"))
    assert [g[:2] for g in got[:3]] == [["2026-03-05 10:00", "register"], ["2026-03-05 10:00", "accept"],
                                        ["2026-03-05 10:00", "start"]]


def test_a_file_cut_off_inside_its_last_row_is_refused_and_the_whole_file_then_imports(db):
    bank = make_bank()
    data = CSV.read_bytes()
    cut = data[:data.rindex(b"Software") + 5]  # "…,Softw": the last row ends inside its category
    with pytest.raises(BeaconError) as caught:
        run(bank, cut)
    assert caught.value.message("en").startswith("The file ends inside row 22: it was cut off.")
    assert Incident.select().count() == 0
    with pytest.raises(BeaconError) as caught:  # inside a quoted cell
        run(bank, data + b'INC0020004,New,2026-03-09 09:00:00,"2026-03-09')
    assert "ends inside row 23" in caught.value.message("en")
    assert run(bank, data).new == 3 and Incident.select().count() == 3


def test_question_marks_are_values_unless_declared_empty(db):
    bank = make_bank()
    report = run(bank, CSV.read_bytes(), dry_run=True, markers=())
    assert ("user", "?", "create") in {(u.kind, u.value, u.action) for u in report.unknowns}  # a user "?"
    assert ("resolved_at", "?") in {(i.column, i.value) for i in report.issues}  # and "?" is not a date
    mapping = importer.builtin_mapping("servicenow")
    mapping = importer.parse_mapping(importer.mapping_to_toml(mapping).replace("null_markers = []",
                                                                                'null_markers = ["?"]'))
    assert mapping.null_markers == ["?"]
    report = run(bank, CSV.read_bytes(), dry_run=True, markers=(), mapping=mapping)
    assert report.ok and "?" not in {u.value for u in report.unknowns}


def test_cli_null_marker_and_report_by_source_number(cli_as, tmp_path, capsys):
    from desktop.cli import main

    make_bank()
    db = cli_as("admin")
    path = tmp_path / "audit.csv"
    path.write_bytes(CSV.read_bytes())
    assert main(["--lang", "en", "import", "incidents", str(path), "--format", "servicenow", "--null-marker", "?",
                 "--dry-run", "--database", db]) == 0
    out = capsys.readouterr().out
    assert "Dry run: 21 rows; 3 incidents would be imported" in out
    assert "Note: 3 incidents have no title in the file: titled from their category and symptom" in out
    assert "Unknown value: user '?'" not in out
    assert main(["--lang", "en", "import", "incidents", str(path), "--null-marker", "?", "--null-marker", "-",
                 "--database", db]) == 0
    capsys.readouterr()
    pdf = tmp_path / "inc.pdf"
    assert main(["--lang", "en", "report", "incident", "INC0020001", "--out", str(pdf), "--database", db]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_report_shows_the_team_at_each_time(db):
    from desktop.reports.data import load_incident_report

    bank = make_bank()
    run(bank, CSV.read_bytes())
    data = load_incident_report("INC0020001")  # the source number finds the imported incident
    assert data.number == Case.get_by_id(case_of("INC0020001")).number
    rows = [(h.handler.name["ko"], (h.handler.team or {}).get("ko", "-"), minutes(h.at)) for h in data.handlers]
    assert rows == [("handler님", "채널운영팀", "2026-03-02 09:10"), ("미배정", "DB운영팀", "2026-03-03 10:00"),
                    ("second님", "DB운영팀", "2026-03-03 13:00"), ("lead님", "DB운영팀", "2026-03-04 09:00")]


def test_one_pass_names_every_missing_column_and_every_unknown_value(db):
    bank = make_bank()
    text = ("number,incident_state,sys_updated_at,closed_code,cmdb_ci\r\n"
            "INC1,Awaiting Vendor,2026-03-02 10:00:00,,인터넷뱅킹\r\n"
            "INC1,Parked,2026-03-02 11:00:00,,인터넷뱅킹\r\n"
            "INC2,Parked,2026-03-02 11:00:00,,인터넷뱅킹\r\n"
            "INC2,Limbo,2026-03-02 12:00:00,,인터넷뱅킹\r\n")
    report = run(bank, text.encode(), dry_run=True)
    found = [(i.row, i.column, i.value, i.count) for i in report.issues]
    assert found == [(1, "", "", 1), (3, "incident_state", "Parked", 2), (5, "incident_state", "Limbo", 1)]
    assert "required columns are missing: opened_at (opened_at)" in report.issues[0].message("en")
    assert report.issues[1].message("en").endswith("(and 1 more rows)")
    assert any("title (short_description)" in w["en"] and "sequence (sys_mod_count)" in w["en"]
               for w in report.warnings)
    assert not any("No update-time column" in w["en"] for w in report.warnings)  # sys_updated_at is one


def test_variants_of_servicenow_columns_and_states_import(db):
    bank = make_bank()
    text = ("number,incident_state,opened_at,sys_updated_at,closed_code,cmdb_ci\r\n"
            "INC7,New,2026-03-02 09:00:00,2026-03-02 09:00:00,,인터넷뱅킹\r\n"
            "INC7,In Progress,2026-03-02 09:00:00,2026-03-02 09:05:00,,인터넷뱅킹\r\n"
            "INC7,Awaiting Problem,2026-03-02 09:00:00,2026-03-02 09:30:00,,인터넷뱅킹\r\n"
            "INC7,Awaiting Vendor,2026-03-02 09:00:00,2026-03-02 10:00:00,,인터넷뱅킹\r\n"
            "INC7,Resolved,2026-03-02 09:00:00,2026-03-02 11:00:00,Solved Remotely,인터넷뱅킹\r\n")
    report = run(bank, text.encode())
    assert report.applied, [i.message("en") for i in report.issues]
    inc = Incident.get(Incident.case == case_of("INC7"))
    assert inc.result == "Solved Remotely" and inc.title == "ServiceNow INC7"  # nothing to compose from
    assert any("titled by their source number" in w["en"] for w in report.warnings)
    response = SlaClock.get((SlaClock.case == inc.case_id) & (SlaClock.kind == "response"))
    assert response.met is True and response.elapsed_wall_minutes == 5  # sys_updated_at dates the accept
    assert SlaPause.get(SlaPause.case == inc.case_id).ended_at == datetime(2026, 3, 2, 2, 0)


def test_defaults_title_is_honoured_and_composes_columns(db):
    bank = make_bank()
    mapping = importer.builtin_mapping("servicenow")
    mapping.defaults["title"] = "{cmdb_ci} - {subcategory}"
    text = ("number,incident_state,opened_at,cmdb_ci,subcategory\r\n"
            "INC8,New,2026-03-02 09:00:00,인터넷뱅킹,로그인\r\n"
            "INC9,New,2026-03-02 09:00:00,인터넷뱅킹,?\r\n")
    report = run(bank, text.encode(), mapping=mapping)
    assert report.applied
    assert Incident.get(Incident.case == case_of("INC8")).title == "인터넷뱅킹 - 로그인"
    assert Incident.get(Incident.case == case_of("INC9")).title == "인터넷뱅킹"
    assert any("No update-time column (sys_updated_on/sys_updated_at)" in w["en"] for w in report.warnings)


def test_a_utf8_file_with_one_cp949_row_names_that_row(db):
    head = "number,short_description,description,incident_state,opened_at,cmdb_ci\r\n"
    rows = ['INC1,로그인 지연,"여러 줄\r\n설명",New,2026-03-02 09:00:00,인터넷뱅킹\r\n',
            "INC2,이체 오류,설명,New,2026-03-02 09:00:00,인터넷뱅킹\r\n"]
    data = (head + rows[0]).encode() + rows[1].encode("cp949") + "INC3,조회,설명,New,2026-03-02 09:00:00,x\r\n".encode()
    with pytest.raises(BeaconError) as caught:
        importer.read_file(data)
    assert caught.value.message("en").startswith("Row 3 is not in UTF-8 like the rest of the file")
    with pytest.raises(BeaconError) as caught:
        importer.read_file(data, "utf-8")
    assert caught.value.message("en").startswith("Row 3: the file is not UTF-8")


def test_fifty_megabytes_of_repeated_rows_are_refused_in_bounded_memory(db, tmp_path):
    """Run in a child process so its peak memory is its own: a 50 MB file of one bad row repeated."""
    if not db.startswith("sqlite"):
        pytest.skip("memory is measured once, on SQLite")
    row = "INC1,Parked,2026-03-02 09:00:00,2026-03-02 09:00:00,인터넷뱅킹," + "설명 " * 40 + "\r\n"
    data = ("number,incident_state,opened_at,sys_updated_on,cmdb_ci,description\r\n" + row * (
        50_000_000 // len(row.encode()))).encode()
    big = tmp_path / "big.csv"
    big.write_bytes(data)
    del data
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        from desktop.models import db as dbmod
        from desktop.workflow.integrations import importer
        from desktop.models import User
        dbmod.connect({db!r})
        admin = User.get(User.login == "admin").id
        report = importer.run_import(actor_id=admin, data=open({str(big)!r}, "rb").read(),
                                     mapping=importer.builtin_mapping("servicenow"), dry_run=True)
        # VmHWM: this process's own peak (ru_maxrss would count the forked test process before exec)
        peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
        print(len(report.issues), report.issues[0].count, report.rows, peak // 1024)
    """)
    make_bank()
    from desktop.models import db as dbmod

    dbmod.close()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
    issues, count, rows, peak_mb = (int(x) for x in out.stdout.split())
    print(f"\n50 MB ({rows:,} repeated rows) refused with peak memory {peak_mb} MB")
    assert issues == 1 and count == rows  # one unknown state, named once with its row count
    assert peak_mb < 200  # the file itself is 50 MB; 687 MB before


def test_the_dry_run_meets_what_the_import_would_meet(db):
    """A database restored with its number counter behind its cases: the check cannot know, the write would fail
    on the unique case number. The dry run performs the write and rolls it back, so it says so first."""
    bank = make_bank()
    Case.create(kind="incident", number="INC-2026-000001", created_at=datetime(2026, 3, 1))
    before = (Case.select().count(), Event.select().count(), Team.select().count())
    report = run(bank, CSV.read_bytes(), dry_run=True)
    assert not report.ok and not report.applied
    assert "the import would fail in the database" in report.issues[0].message("en")
    assert "cases.number" in report.issues[0].message("en") or "cases_number" in report.issues[0].message("en")
    assert (Case.select().count(), Event.select().count(), Team.select().count()) == before


def test_a_nul_character_is_named_before_the_database_meets_it(db):
    bank = make_bank()
    text = ("number,incident_state,opened_at,cmdb_ci,short_description\r\n"
            "INC1,New,2026-03-02 09:00:00,인터넷뱅킹,a\x00b\r\n")
    report = run(bank, text.encode(), dry_run=True)
    assert [(i.row, i.column) for i in report.issues] == [(2, "short_description")]
    assert "NUL character" in report.issues[0].message("en")


def test_the_import_kinds_upgrade_keeps_source_numbers_and_lets_a_change_share_an_incidents_number(empty_db):
    """A database from before the step (made by the schema's owner): imported_record without `kind`, unique per
    (source, source_number)."""
    import peewee

    from desktop.models import SCHEMA_VERSION, SchemaVersion, database, ensure_schema
    from desktop.models.base import BaseModel
    from desktop.models.schema import MIGRATIONS
    from desktop.workflow.admin.defaults import seed_defaults

    ensure_schema()
    seed_defaults()

    class OldRecord(BaseModel):
        source = peewee.CharField(max_length=40)
        source_number = peewee.CharField(max_length=60)
        case = peewee.ForeignKeyField(Case, on_delete="CASCADE")
        imported_at = peewee.DateTimeField()
        imported_by = peewee.ForeignKeyField(User, null=True, on_delete="SET NULL")
        file_sha256 = peewee.CharField(max_length=64, default="")
        source_priority = peewee.CharField(max_length=60, default="")

        class Meta:
            table_name = "imported_record"
            indexes = ((("source", "source_number"), True),)

    bank = make_bank()
    run(bank, CSV.read_bytes())
    rows = [(r.source, r.source_number, r.case_id, r.imported_at) for r in ImportedRecord.select()]
    database.drop_tables([ImportedRecord])
    database.create_tables([OldRecord])
    for source, number, case_id, at in rows:
        if not (number == "INC0020001" and Case.get_by_id(case_id).kind == "change"):  # it could not be held
            OldRecord.create(source=source, source_number=number, case=case_id, imported_at=at)
    step = next(v for v, (_, function) in MIGRATIONS.items() if function.__name__.endswith("_import_kinds"))
    SchemaVersion.update(version=step - 1).where(SchemaVersion.version == SCHEMA_VERSION).execute()
    status = ensure_schema()
    assert (status.from_version, status.to_version) == (step - 1, SCHEMA_VERSION)
    kinds = {(r.source_number, r.kind) for r in ImportedRecord.select()}
    assert {("INC0020001", "incident"), ("INC0020003", "incident"), ("PRB0001001", "problem")} <= kinds
    change = Case.get(Case.kind == "change")
    ImportedRecord.create(source="servicenow", kind="change", source_number="INC0020001", case=change.id)
    with pytest.raises(peewee.IntegrityError), database.atomic():
        ImportedRecord.create(source="servicenow", kind="change", source_number="INC0020001", case=change.id)


def test_a_source_number_two_systems_used_asks_for_the_beacon_number(db):
    from desktop.reports.data import load_incident_report

    bank = make_bank()
    run(bank, CSV.read_bytes())
    other = importer.builtin_mapping("servicenow")
    other.source, other.label = "snow-2019", "ServiceNow 2019"
    run(bank, CSV.read_bytes(), mapping=other)
    with pytest.raises(BeaconError) as caught:
        load_incident_report("INC0020001")
    message = caught.value.message("en")
    assert "'INC0020001' was imported from more than one system: servicenow → INC-2026-" in message
    assert "snow-2019 → INC-2026-" in message and "Give the Beacon number instead" in message
    with pytest.raises(BeaconError) as caught:
        load_incident_report("INC9999999")
    assert "was not found" in caught.value.message("en")
