"""Changes made outside Beacon, in the printed reports and the case window's history.

On PostgreSQL a handler with their own login and psql can change a case row (the grants allow what Beacon
does); the database's audit sees it and, finding no event of theirs on the case in that transaction, calls it
a change made outside Beacon — whatever the session claims (`beacon.via`, `application_name`). The incident
and problem reports print such changes in a section of their own, in both languages; the case window's
history marks them. SQLite (one person's file) keeps no such audit, and its reports have no such section.
"""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

import psycopg2
import pytest

from desktop.models import db as dbmod
from desktop.models.security import login_prefix
from desktop.reports.data import load_incident_report, load_problem_report
from desktop.reports.report_service import incident_report_pdf, problem_report_pdf
from desktop.views.case_view import CaseView
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.auth import store_password
from tests.bank import make_bank, seoul
from tests.conftest import PG_URL, as_suite
from tests.reports.helpers import Incident, pdf_text, squash

PASSWORD = "handler password 1"


@pytest.fixture
def bank(db):
    bank = make_bank(impact="high")
    bank.url = db
    yield bank
    install_language("en")


def handler_psql(bank) -> psycopg2.extensions.connection:
    """A raw connection as the bank's handler's own PostgreSQL login, as psql would open it."""
    store_password(bank.id("handler"), PASSWORD)  # the handler's login, made as Beacon's administrators do
    target = dbmod.parse_url(PG_URL)
    conn = psycopg2.connect(host=target.host, port=target.port, dbname=target.name,
                            user=login_prefix() + "handler", password=PASSWORD, application_name="psql")
    conn.autocommit = True
    return conn


def change_outside_beacon(bank, sql: str, params: tuple) -> None:
    """Run `sql` as the handler from psql, claiming to be Beacon as a v11 client could."""
    conn = handler_psql(bank)
    try:
        cur = conn.cursor()
        cur.execute("SET beacon.via = 'app'")
        cur.execute(sql, params)
        assert cur.rowcount == 1
    finally:
        conn.close()


def test_an_incident_report_and_history_show_a_change_made_outside_beacon(qtbot, bank, backend):
    case = Incident(bank, seoul(2026, 11, 24, 10, 0), title="인터넷뱅킹 로그인 지연")
    case.handle(seoul(2026, 11, 24, 10, 0))
    case.action(seoul(2026, 11, 24, 10, 20), "WAS 로그에서 세션 풀 고갈 확인", minutes=15)
    if backend == "sqlite":
        # one person's file: no database audit, and no section for it in either language
        assert load_incident_report(case.number).outside == []
        for lang in ("ko", "en"):
            text = pdf_text(incident_report_pdf(case.number, lang=lang))
            assert "Beacon 밖" not in text and "outside Beacon" not in text
        return
    assert load_incident_report(case.number).outside == []  # everything so far went through Beacon
    change_outside_beacon(bank, "UPDATE incident SET title = 'psql에서 바꾼 제목', cause = '세션 풀' "
                                "WHERE case_id = %s", (case.id,))
    as_suite()
    login = login_prefix() + "handler"

    [outside] = load_incident_report(case.number).outside
    assert (outside.login, outside.table, outside.operation, outside.application) == \
        (login, "incident", "UPDATE", "psql")
    assert sorted(outside.fields) == [("incident.cause", "", "세션 풀"),
                                      ("incident.title", "인터넷뱅킹 로그인 지연", "psql에서 바꾼 제목")]

    korean = pdf_text(incident_report_pdf(case.number, lang="ko", time_zone="Asia/Seoul"))
    assert "8. Beacon 밖에서 이루어진 변경 (1건)" in korean
    flat = squash(korean)
    when = outside.at.replace(tzinfo=UTC).astimezone(ZoneInfo("Asia/Seoul")).strftime("%Y-%m-%d %H:%M")
    for part in (when, login, "(psql)", "incident.title", "인터넷뱅킹로그인지연", "psql에서바꾼제목",
                 "incident.cause", "DB로그인", "테이블.항목", "변경전", "변경후"):
        assert squash(part) in flat, part
    english = pdf_text(incident_report_pdf(case.number, lang="en"))
    assert "8. Changes made outside Beacon (1)" in english
    assert squash("Database login") in squash(english) and squash("Table.column") in squash(english)
    assert squash("psql에서 바꾼 제목") in squash(english)

    # the case window's history marks the same change, with the login and each field before → after
    install_language("ko")
    session = ClientSession(actor=load_actor(bank.id("lead")), database_url=bank.url, language="ko")
    view = CaseView(session, case.id)
    qtbot.addWidget(view)
    table = view.tab("history")
    view.tabs.setCurrentWidget(table)
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    marked = [row for row in rows if row[1] == "Beacon 밖에서 변경"]
    assert len(marked) == 1, rows
    assert marked[0][2] == login
    assert "incident.title: 인터넷뱅킹 로그인 지연 → psql에서 바꾼 제목" in marked[0][4]
    assert len(rows) > 1  # Beacon's own steps (register, accept, start, the action) are its events, unmarked


def test_a_problem_report_prints_a_root_cause_rewritten_outside_beacon(bank, backend):
    if backend == "sqlite":
        pytest.skip("SQLite is one person's file: no database audit")
    pm = bank.id("pm")
    problem = cs.register_problem(actor_id=pm, title="월말 세션 풀 고갈 반복", description="매월 말 로그인 지연",
                                  application_id=bank.app.id, now=seoul(2026, 11, 2, 9, 0))
    assert load_problem_report(problem.number).outside == []
    # the handler rewrites the problem's root cause from psql: no event of theirs on the problem
    change_outside_beacon(bank, "UPDATE problem SET root_cause = '조용히 바꾼 원인' WHERE case_id = %s",
                          (problem.case_id,))
    as_suite()
    [outside] = load_problem_report(problem.number).outside
    assert outside.fields == [("problem.root_cause", "", "조용히 바꾼 원인")]
    korean = squash(pdf_text(problem_report_pdf(problem.number, lang="ko")))
    assert squash("9. Beacon 밖에서 이루어진 변경 (1건)") in korean and squash("조용히 바꾼 원인") in korean
    english = squash(pdf_text(problem_report_pdf(problem.number, lang="en")))
    assert squash("9. Changes made outside Beacon (1)") in english and "problem.root_cause" in english
