"""Exporting a list writes what the list shows: every matching row in its order, in the user's language and
time zone, as CSV (UTF-8 with BOM) or XLSX that a manager opens in Excel — and nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import os
import threading
from datetime import datetime, timedelta

import openpyxl
import pytest

from desktop.cli import main
from desktop.models import ConfigurationItem, ImpactLevel, Role, User, UserRole
from desktop.workflow.admin import matrix as am
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.queries import CaseFilter, IncidentFilter, Sort
from desktop.workflow.integrations.export import (
    ExportCancelled,
    ExportError,
    ExportSpec,
    csv_safe,
    default_file_name,
    export_list,
)
from tests import factories
from tests.bank import T0, bring_to, make_bank

NOW = T0 + timedelta(hours=5)  # grade 1 (4 h wall clock) is 1 h over; grade 2 (8 h) has 3 h left
NASTY = ["=HYPERLINK(\"http://evil\")", "+82 결제 오류", "-1 건 누락", "@SUM(A1)"]  # titles are stripped of \t and \r


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    return bank


def _register(bank, title: str, urgency: str, minutes: int, app=None):
    return cs.register_incident(actor_id=bank.id("customer"), title=title, description="설명",
                                application_id=(app or bank.app).id, urgency=urgency, incident_type="application",
                                now=T0 + timedelta(minutes=minutes))


def _incidents(bank):
    """Grade 1 (high urgency) and grade 2 (medium) incidents, some titles a spreadsheet would run, plus grade 3
    ones the filter leaves out; returns (number, title, minutes) of those the grade filter keeps."""
    kept = []
    for i, title in enumerate(["나 장애", *NASTY, "가 장애", "라 장애", "=1+2"]):
        urgency = "high" if i % 2 == 0 else "medium"
        r = _register(bank, title, urgency, i)
        kept.append((r.number, title, i, 1 if urgency == "high" else 2))
    for i in range(3):
        _register(bank, f"다 낮은 장애 {i}", "low", 20 + i)
    return kept


def _export(bank, tmp_path, fmt: str, language: str, **kw):
    spec = ExportSpec(kind="incident", filters=IncidentFilter(grades=(1, 2)), sort=Sort("title", False), **kw)
    path = tmp_path / default_file_name("incident", fmt, NOW.date())
    result = export_list(actor_id=bank.id("handler"), spec=spec, path=path, fmt=fmt, language=language,
                         time_zone="Asia/Seoul", now=NOW, page_size=3)
    return result


def test_csv_has_every_matching_row_in_the_lists_order_with_korean_headers_and_a_bom(bank, tmp_path):
    kept = _incidents(bank)
    result = _export(bank, tmp_path, "csv", "ko")
    assert result.path.name == "incidents-2026-03-02.csv" and result.rows == len(kept) == 8
    data = result.path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads Hangul right only with the BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["번호", "등급", "제목", "업무시스템", "상태", "담당자", "해결 기한까지", "등록 일시"]
    expected = sorted(kept, key=lambda k: k[1])  # title ascending, over pages of 3 rows
    assert [r[0] for r in rows[1:]] == [k[0] for k in expected]
    by_number = {r[0]: r for r in rows[1:]}
    for number, title, minutes, grade in kept:
        row = by_number[number]
        assert row[1] == str(grade)
        assert row[2] == ("'" + title if title[0] in "=+-@" else title)  # stays text in Excel
        assert row[3] == "인터넷뱅킹" and row[4] == "등록" and row[5] == "handler님"
        assert row[7] == f"2026-03-02 09:{30 + minutes:02d}"  # Seoul time, as the list shows it
        # the resolution clock runs from registration: grade 1 for 4 hours, grade 2 for 8 (wall clock)
        if grade == 1:
            assert row[6] == ("1시간 초과" if minutes == 0 else f"{60 - minutes}분 초과")
        else:
            assert row[6] == f"3시간 {minutes}분"


def test_xlsx_has_typed_cells_a_frozen_bold_header_an_autofilter_and_says_what_it_is(bank, tmp_path):
    kept = _incidents(bank)
    result = _export(bank, tmp_path, "xlsx", "en")
    book = openpyxl.load_workbook(result.path)
    sheet, about = book.worksheets
    assert sheet.title == "Incidents"
    header = [c.value for c in sheet[1]]
    assert header == ["Number", "Grade", "Title", "Application", "State", "Assignee", "Resolve within", "Registered"]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H9"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [k[0] for k in sorted(kept, key=lambda k: k[1])]
    first = {r[0]: r for r in rows}[kept[0][0]]
    assert first[1] == 1 and first[4] == "Registered" and first[6] == "1h over"
    assert first[7] == datetime(2026, 3, 2, 9, 30)  # a real date cell, local and naive
    assert sheet.cell(row=2, column=8).number_format == "yyyy-mm-dd hh:mm"
    formula = next(c for c in sheet["C"] if c.value == NASTY[0])
    assert formula.data_type == "s"  # a string, never a formula
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width
    facts = {r[0]: r[1] for r in about.iter_rows(values_only=True)}
    assert facts["List"] == "Incidents" and facts["Rows"] == 8
    assert facts["Grade"].startswith("Grade 1") or "1" in facts["Grade"]
    assert facts["Sort"] == "Title, ascending" and facts["Exported by"] == "handler님 (handler)"
    assert facts["Exported at"] == datetime(2026, 3, 2, 14, 30) and facts["Time zone"] == "Asia/Seoul"


def test_a_customer_exports_only_their_own_incidents(bank, tmp_path):
    _register(bank, "내 장애", "high", 0)
    other = factories.user(login="other.customer", name="다른 고객")
    UserRole.create(user=other, role=Role.get(Role.code == "customer"))
    cs.register_incident(actor_id=other.id, title="남의 장애", description="설명", application_id=bank.app.id,
                         urgency="high", incident_type="application", now=T0)
    result = export_list(actor_id=bank.id("customer"), spec=ExportSpec(kind="incident"), path=tmp_path / "mine.csv",
                         fmt="csv", language="ko", time_zone="Asia/Seoul", now=NOW)
    assert result.rows == 1 and "남의 장애" not in result.path.read_text(encoding="utf-8-sig")


def test_a_case_list_exports_only_its_shown_columns_in_their_order(bank, tmp_path):
    numbers = [cs.register_problem(actor_id=bank.id("pm"), title=title, description="원인 미상",
                                   now=T0 + timedelta(minutes=i)).number
               for i, title in enumerate(["첫 문제", "=cmd|' /C calc'!A0", "셋째 문제"])]
    bring_to(bank, "change", "requested")
    spec = ExportSpec(kind="problem", filters=CaseFilter(), columns=("title", "number", "opened_at"))
    result = export_list(actor_id=bank.id("pm"), spec=spec, path=tmp_path / "p.xlsx", fmt="xlsx", language="ko",
                         time_zone="UTC", now=NOW)
    sheet = openpyxl.load_workbook(result.path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("제목", "번호", "등록 일시")
    assert [r[1] for r in rows[1:]] == numbers[::-1]  # newest first, problems only
    assert rows[2][0] == "=cmd|' /C calc'!A0" and sheet["A3"].data_type == "s"
    assert rows[3][2] == T0  # UTC asked for, UTC given


def test_cancel_leaves_no_file_and_a_locked_target_a_clear_message(bank, tmp_path, monkeypatch):
    _incidents(bank)
    tmp_path = tmp_path / "out"  # the SQLite database lives in tmp_path itself
    tmp_path.mkdir()
    cancel = threading.Event()
    with pytest.raises(ExportCancelled):
        export_list(actor_id=bank.id("admin"), spec=ExportSpec(kind="incident"), path=tmp_path / "x.xlsx",
                    fmt="xlsx", language="ko", time_zone="Asia/Seoul", page_size=2, cancel=cancel,
                    progress=lambda rows: cancel.set())
    assert os.listdir(tmp_path) == []

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr("desktop.workflow.integrations.export.os.replace", locked)
    with pytest.raises(ExportError) as caught:
        export_list(actor_id=bank.id("admin"), spec=ExportSpec(kind="incident"), path=tmp_path / "x.csv",
                    fmt="csv", language="ko", time_zone="Asia/Seoul")
    assert "Excel" in caught.value.message("ko") and "x.csv" in caught.value.message("en")
    assert "다른 프로그램" in caught.value.message("ko") and "another program" in caught.value.message("en")
    assert os.listdir(tmp_path) == []  # the temporary file went too


def test_the_formula_guard_quotes_only_what_a_spreadsheet_would_run():
    assert [csv_safe(t) for t in [*NASTY, "\t탭", "\r캐리지"]] == ["'" + t for t in [*NASTY, "\t탭", "\r캐리지"]]
    assert csv_safe("장애 = 오류") == "장애 = 오류" and csv_safe(12) == 12 and csv_safe("") == ""


def test_owner_matrix_csv_quotes_formulas_and_reads_them_back(bank):
    ci = factories.application(name="=HYPERLINK(\"x\")", code="@APP", team=None,
                               impact=ImpactLevel.get(ImpactLevel.code == "low"))
    User.update(name="+설치 담당").where(User.id == bank.id("second")).execute()
    from desktop.models import OwnerMatrixEntry

    OwnerMatrixEntry.create(ci=ci, role=Role.get(Role.code == "second_line"), user=bank.id("second"), position=0)
    data = am.export_matrix_csv(actor_id=bank.id("admin"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == "'@APP")
    assert row[1] == "'=HYPERLINK(\"x\")" and row[5] == "'+설치 담당"
    parsed = am.parse_matrix_csv(data)  # the file imports back unchanged
    assert parsed.ok, [e.message("en") for e in parsed.errors]
    assert am.import_matrix_csv(actor_id=bank.id("admin"), data=data).cells == 0
    assert ConfigurationItem.get(ConfigurationItem.code == "@APP").id == ci.id


def test_cli_exports_a_filtered_list_for_a_scheduled_report(bank, cli_as, tmp_path, capsys):
    kept = _incidents(bank)
    bank.url = cli_as("lead")  # the file holds what the lead may see
    out = tmp_path / "weekly.xlsx"
    assert main(["export", "incidents", "--grade", "1", "--state", "open", "--application", bank.app.code,
                 "--from", "2026-03-02", "--to", "2026-03-02", "--sort", "number", "--ascending",
                 "--format", "xlsx", "--out", str(out), "--lang", "en", "--database", bank.url]) == 0
    assert "4 rows" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == [k[0] for k in kept if k[3] == 1]
    assert main(["export", "incidents", "--to", "2026-03-01", "--format", "csv", "--out", str(tmp_path / "e.csv"),
                 "--database", bank.url]) == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # the header only
    assert main(["export", "incidents", "--text", "라 장애", "--format", "csv", "--out", str(tmp_path / "one.csv"),
                 "--lang", "en", "--database", bank.url]) == 0
    assert "(1 row)" in capsys.readouterr().out  # not "1 rows"
    assert main(["export", "problems", "--grade", "1", "--format", "csv", "--out", str(tmp_path / "p.csv"),
                 "--lang", "en", "--database", bank.url]) == 2
    assert "--grade applies to the incident list only" in capsys.readouterr().err
    assert main(["export", "changes", "--state", "nonsense", "--format", "csv", "--out", str(tmp_path / "c.csv"),
                 "--lang", "ko", "--database", bank.url]) == 2
    assert "'nonsense'은(는) 변경의 상태가 아닙니다" in capsys.readouterr().err
    assert main(["export", "incidents", "--from", "2026/03/02", "--format", "csv", "--out", str(tmp_path / "d.csv"),
                 "--lang", "en", "--database", bank.url]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not (tmp_path / "p.csv").exists() and not (tmp_path / "c.csv").exists()
