"""The case view's tabs as a handler uses them: actions with their times, the time chart, the change
spawned from an incident, a problem's linked incidents and root cause; both backends (`db`).

No dialog opens here: the action form lives in its tab, and refusals show under it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from desktop.models import BusinessCalendar, OwnerMatrixEntry, database, utcnow
from desktop.views import case_view as case_view_module
from desktop.views.case_view import CaseView
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from desktop.workflow.common.actors import load_actor
from desktop.workflow.engine.process import definition
from tests.bank import make_bank

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    yield bank
    install_language("en")  # the next test starts from English source texts


def shown(qtbot, view: CaseView) -> CaseView:
    qtbot.addWidget(view)
    view.show()  # buttons take clicks only when shown
    return view


def session_of(bank, persona: str, language: str) -> ClientSession:
    assert install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def seoul_text(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")


def working_incident(bank, *, hours_ago: float = 3, urgency: str = "high"):
    """An incident registered a while ago and accepted by its handler, as naive UTC times."""
    registered = utcnow() - timedelta(hours=hours_ago)
    r = cs.register_incident(actor_id=bank.id("customer"), title="인터넷뱅킹 이체 지연", description="이체 30초 이상",
                             application_id=bank.app.id, urgency=urgency, incident_type="application", now=registered)
    a = cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version,
                           now=registered + timedelta(minutes=5))
    cs.transition(actor_id=bank.id("handler"), case_id=r.case_id, name="start", version=a.version,
                  now=registered + timedelta(minutes=6))
    return r, registered


def table_of(view: CaseView, tab: str) -> QTableWidget:
    page = view.tab(tab)
    assert page is not None, [view.tabs.widget(i).objectName() for i in range(view.tabs.count())]
    view.tabs.setCurrentWidget(page)
    return page if isinstance(page, QTableWidget) else page.findChild(QTableWidget)


def rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def set_local_time(view: CaseView, local: datetime) -> None:
    """Type a date and time into the action form, in the user's zone, as a person would."""
    view.action_when.setDateTime(QDateTime(local.replace(tzinfo=None)))


def test_a_back_dated_action_is_listed_with_both_times_and_marked_on_the_time_chart(qtbot, bank):
    r, registered = working_incident(bank)
    view = shown(qtbot, CaseView(session_of(bank, "handler", "ko"), r.case_id))
    view.resize(1000, 700)
    table = table_of(view, "actions")
    assert view.tabs.tabText(view.tabs.indexOf(view.tab("actions"))) == "조치 내역"
    acted = (registered + timedelta(minutes=30)).replace(second=0, microsecond=0)
    view.action_body.setPlainText("WAS 2호기 스레드 덤프 분석")
    set_local_time(view, acted.replace(tzinfo=UTC).astimezone(SEOUL))
    view.action_minutes.setValue(25)
    view.action_kind.setCurrentIndex(view.action_kind.findData("investigation"))
    qtbot.mouseClick(view.action_add, Qt.MouseButton.LeftButton)

    assert not view.action_error.isVisibleTo(view) and view.action_body.toPlainText() == ""
    [row] = rows(table)
    done_at, written_at, who, kind, minutes, body = row
    assert done_at == seoul_text(acted) and who == "handler님" and kind == "조사" and minutes == "25분"
    assert body == "WAS 2호기 스레드 덤프 분석"
    saved = view.detail.actions[0]
    assert written_at == seoul_text(saved.recorded_at) and written_at != done_at  # logged afterwards, shown so

    # a second action "now" lists above the back-dated one
    view.action_body.setPlainText("고객 재시도 성공 확인")
    qtbot.mouseClick(view.action_add, Qt.MouseButton.LeftButton)
    assert [row[5] for row in rows(table)] == ["고객 재시도 성공 확인", "WAS 2호기 스레드 덤프 분석"]
    assert rows(table)[0][1] == ""  # written when done: no second time

    # the time chart has a marker at the back-dated moment, found where it is drawn
    view.tabs.setCurrentWidget(view.tab("time_chart"))
    chart = view.chart
    chart.resize(900, chart.height())
    [(point, marker)] = [(p, m) for p, m in chart.marker_positions() if m.kind == "action" and m.at == acted]
    assert chart.markers_at(point.toPoint())[0] is marker
    tip = chart.tooltip_at(point)
    assert seoul_text(acted) in tip and "조치 · 조사" in tip and "WAS 2호기 스레드 덤프 분석" in tip
    assert marker not in chart.markers_at(QPoint(int(point.x()), int(point.y()) - 40))  # a row above: not it
    # it scales with the width: the same moment sits proportionally further right on a wider chart
    left = chart._layout().plot.left()
    narrow = (point.x() - left) / chart._layout().plot.width()
    chart.resize(1400, chart.height())
    [wide] = [p for p, m in chart.marker_positions() if m is marker]
    assert abs((wide.x() - chart._layout().plot.left()) / chart._layout().plot.width() - narrow) < 0.002
    assert wide.x() > point.x()


def test_a_future_time_is_refused_in_korean_and_nothing_is_saved(qtbot, bank):
    r, _ = working_incident(bank)
    view = shown(qtbot, CaseView(session_of(bank, "handler", "ko"), r.case_id))
    table_of(view, "actions")
    view.action_body.setPlainText("내일 할 조치")
    set_local_time(view, datetime.now(SEOUL) + timedelta(hours=2))
    qtbot.mouseClick(view.action_add, Qt.MouseButton.LeftButton)
    assert view.action_error.isVisibleTo(view)
    assert "현재 시각보다 뒤입니다" in view.action_error.text()
    assert view.action_body.toPlainText() == "내일 할 조치"  # what was typed is kept
    assert case_detail(actor_id=bank.id("handler"), case_id=r.case_id).actions == []
    assert view.tab("actions").findChild(QTableWidget).rowCount() == 0


def test_before_registration_is_refused_with_the_registration_time(qtbot, bank):
    r, registered = working_incident(bank)
    view = shown(qtbot, CaseView(session_of(bank, "handler", "en"), r.case_id))
    table_of(view, "actions")
    view.action_body.setPlainText("Checked the night batch")
    set_local_time(view, (registered - timedelta(hours=1)).replace(tzinfo=UTC).astimezone(SEOUL))
    qtbot.mouseClick(view.action_add, Qt.MouseButton.LeftButton)
    assert "cannot be before" in view.action_error.text() and seoul_text(registered) in view.action_error.text()
    assert case_detail(actor_id=bank.id("handler"), case_id=r.case_id).actions == []


def test_the_change_tab_lists_the_change_spawned_from_the_incident_and_opens_it(qtbot, bank):
    r, _ = working_incident(bank)
    spawned = cs.request_change(actor_id=bank.id("handler"), parent_id=r.case_id, title="이체 타임아웃 설정 변경",
                                description="30s → 10s", change_type="data")
    window = MainWindow(session_of(bank, "handler", "ko"), background=False)
    qtbot.addWidget(window)
    view = window.open_case(r.case_id)
    table = table_of(view, "changes")
    [row] = rows(table)
    number, title, kind, state = row[:4]
    assert (number, title, kind, state) == (spawned.number, "이체 타임아웃 설정 변경", "데이터", "요청")
    assert view.tabs.tabText(view.tabs.indexOf(view.tab("changes"))) == "변경"
    table.itemDoubleClicked.emit(table.item(0, 0))
    assert spawned.case_id in window.case_windows  # the window's open-case path opened the change
    assert window.case_windows[spawned.case_id].detail.number == spawned.number


def test_a_problem_shows_its_linked_incidents_and_root_cause(qtbot, bank):
    p = cs.register_problem(actor_id=bank.id("pm"), title="월말 세션 풀 고갈", description="매월 말일 반복",
                            application_id=bank.app.id)
    incidents = [working_incident(bank, hours_ago=h)[0] for h in (5, 3)]
    for i in incidents:
        cs.link_problem(actor_id=bank.id("handler"), incident_id=i.case_id, problem_id=p.case_id)
    s = cs.transition(actor_id=bank.id("pm"), case_id=p.case_id, name="start_derivation", version=p.version)
    k = cs.transition(actor_id=bank.id("pm"), case_id=p.case_id, name="record_known_error", version=s.version,
                      fields={"workaround": "오후 4시 WAS 재기동"})
    cs.transition(actor_id=bank.id("pm"), case_id=p.case_id, name="plan", version=k.version,
                  fields={"root_cause": "커넥션 누수", "solution": "누수 패치 배포"})
    view = shown(qtbot, CaseView(session_of(bank, "pm", "en"), p.case_id))
    overview = view.tab("overview")
    assert overview.findChild(QLabel, "problem_root_cause").text() == "커넥션 누수"
    assert overview.findChild(QLabel, "problem_workaround").text() == "오후 4시 WAS 재기동"
    assert overview.findChild(QLabel, "known_error").text().startswith("Known error since ")
    table = table_of(view, "incidents")
    assert view.tabs.tabText(view.tabs.indexOf(view.tab("incidents"))) == "Linked incidents"
    listed = rows(table)
    assert [row[0] for row in listed] == [i.number for i in reversed(incidents)]  # newest first
    assert {row[1] for row in listed} == {"Grade 1 (critical)"} and {row[3] for row in listed} == {"Handling"}
    opened = []
    view.sig_open_case.connect(opened.append)
    table.itemDoubleClicked.emit(table.item(1, 2))
    assert opened == [incidents[0].case_id]

    # and the incident shows the problem, with its root cause, in its linked-problem tab
    incident_view = shown(qtbot, CaseView(session_of(bank, "handler", "ko"), incidents[0].case_id))
    [row] = rows(table_of(incident_view, "problems"))
    assert row[0] == p.number and row[2] == "해결 방안 실행" and row[3] == "예" and row[4] == "커넥션 누수"
    assert incident_view.tab("links") is None  # nothing left that the problem and change tabs do not show


def test_the_sla_tab_counts_business_days_of_the_clock_calendar(qtbot, bank):
    import json

    ten_hours = {day: [["08:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
    BusinessCalendar.update(working_hours=json.dumps(ten_hours)).where(BusinessCalendar.is_24x7 == False).execute()  # noqa: E712
    r, _ = working_incident(bank, urgency="low")  # grade 3: 24 business hours to resolve
    view = shown(qtbot, CaseView(session_of(bank, "handler", "ko"), r.case_id))
    table = table_of(view, "sla")
    resolution = [row for row in rows(table) if row[0] == "해결"]
    assert resolution and resolution[0][2] == "2일 4시간"  # not 2일 6시간 on a 9-hour day
    assert resolution[0][1] == "업무시간 기준 (1일 = 업무 10시간)"  # the Basis column says which day


def test_the_sla_tab_says_over_never_a_negative_figure_and_names_its_basis(qtbot, bank):
    r, _ = working_incident(bank, hours_ago=50)  # grade 1: resolve within 4 wall-clock hours, long past
    for language, over, basis in (("ko", " 초과", "경과 시간 (1일 = 24시간)"), ("en", " over", "Elapsed (1d = 24h)")):
        view = shown(qtbot, CaseView(session_of(bank, "handler", language), r.case_id))
        table = table_of(view, "sla")
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        remaining = headers.index("남은 시간" if language == "ko" else "Remaining")
        resolution = rows(table)[1]
        assert resolution[1] == basis
        assert resolution[remaining].endswith(over) and "-" not in resolution[remaining], resolution
        assert resolution[remaining].startswith("1일 22시간" if language == "ko" else "1d 22h")
        assert table.item(1, remaining).foreground().color().name() == "#d32f2f"


def test_the_owner_matrix_is_asked_once_however_many_transitions_name_it(qtbot, bank, monkeypatch):
    r, _ = working_incident(bank)
    actor = load_actor(bank.id("second"))  # in the matrix as second line; @owner is what lets them act
    process = definition("incident")
    asking = [t.name for t in process.transitions.values() if "in_progress" in t.sources and "@owner" in t.roles
              and not actor.roles & set(t.roles)]
    asking += [op.name for op in process.operations.values() if "in_progress" in op.states
               and "@owner" in op.roles and not actor.roles & set(op.roles)]
    assert len(asking) >= 5  # one EXISTS query each, before

    table = OwnerMatrixEntry._meta.table_name
    real = database.obj.execute_sql
    seen: list[str] = []

    def counting(sql, params=None, *args, **kwargs):
        if f'"{table}"' in sql:
            seen.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database.obj, "execute_sql", counting)
    detail = case_detail(actor_id=actor.id, case_id=r.case_id)
    assert len(seen) == 1
    assert {"add_action", "issue_work_order"} <= {op.name for op in detail.operations}  # the answer was used
    seen.clear()
    case_detail(actor_id=bank.id("admin"), case_id=r.case_id)  # global roles answer it: not asked at all
    assert seen == []


def test_a_ten_minute_case_and_a_ten_day_case_get_readable_ticks(qtbot, bank):
    from desktop.workflow.cases.time_chart import choose_step

    short, _ = working_incident(bank, hours_ago=10 / 60)
    long_case, _ = working_incident(bank, hours_ago=240)
    for case_id, step_range in ((short.case_id, (1, 5)), (long_case.case_id, (720, 2880))):
        view = shown(qtbot, CaseView(session_of(bank, "handler", "en"), case_id))
        view.resize(1000, 700)
        view.tabs.setCurrentWidget(view.tab("time_chart"))
        QApplication.processEvents()
        chart = view.chart
        assert chart.width() > 800  # it takes the window's width
        layout = chart._layout()
        step = choose_step((layout.t1 - layout.t0).total_seconds() / 60, max(3, int(layout.plot.width() // 90)))
        assert step_range[0] <= step <= step_range[1]
        assert layout.t0 <= chart.timeline.start and chart.timeline.end <= layout.t1


def test_the_add_action_operation_button_takes_the_same_fields(qtbot, bank, monkeypatch):
    r, registered = working_incident(bank)
    acted = (registered + timedelta(minutes=40)).replace(second=0, microsecond=0)

    def ask(session, action, parent=None, initial=None):
        assert [f.name for f in action.fields] == ["body", "acted_at", "minutes_spent"]
        return {"body": "배치 재실행", "acted_at": acted, "minutes_spent": "15"}

    monkeypatch.setattr(case_view_module.TransitionDialog, "ask", staticmethod(ask))
    view = shown(qtbot, CaseView(session_of(bank, "handler", "en"), r.case_id))
    [op] = [o for o in view.detail.operations if o.name == "add_action"]
    view.operate(case_view_module.ActionInfo(op.name, op.ko, op.en, case_view_module.OPERATION_FIELDS[op.name]))
    [saved] = view.detail.actions
    assert (saved.body, saved.acted_at, saved.minutes_spent) == ("배치 재실행", acted, 15)


@pytest.mark.parametrize("language, mark", [("ko", "Beacon 밖에서 변경"), ("en", "Changed outside Beacon")])
def test_the_history_marks_a_change_made_outside_beacon_with_the_login_and_fields(qtbot, bank, language, mark):
    import psycopg2

    from desktop.models import db as dbmod
    from tests.conftest import PG_URL, RUNTIME_LOGIN, RUNTIME_PASSWORD

    if dbmod.backend() != "postgresql":
        pytest.skip("SQLite is one person's file: no database audit")
    r, _ = working_incident(bank)
    target = dbmod.parse_url(PG_URL)
    conn = psycopg2.connect(host=target.host, port=target.port, dbname=target.name, user=RUNTIME_LOGIN,
                            password=RUNTIME_PASSWORD, application_name="psql")
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SET beacon.via = 'app'")  # schema v11's mark took a client's word; v12 asks the event log
            cur.execute("UPDATE incident SET title = 'psql에서 고침' WHERE case_id = %s", (r.case_id,))
    finally:
        conn.close()
    view = shown(qtbot, CaseView(session_of(bank, "handler", language), r.case_id))
    history = rows(table_of(view, "history"))
    outside = [row for row in history if row[1] == mark]
    assert len(outside) == 1, history
    assert outside[0][2] == RUNTIME_LOGIN
    assert outside[0][4] == "incident.title: 인터넷뱅킹 이체 지연 → psql에서 고침"
    # Beacon's own changes (register, accept, start) are its events, never marked
    assert len(history) > 1
