"""Prevention as people meet it: three incidents on one application within minutes put one early warning in
the team lead's inbox and a banner over the incident list, which makes one the parent of the others; a
problem manager finds recurring incidents on the "Problem candidates" page and turns a group into a problem
with its incidents linked, or dismisses it with a reason."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.models import CaseLink, EarlyWarning, Incident, Notification, Problem, utcnow
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.pages import IncidentListPage
from desktop.views.prevention import CandidatesPage, DismissDialog
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from desktop.workflow.prevention import early_warning
from tests.bank import make_bank


@pytest.fixture
def bank(db):
    bank = make_bank()
    yield bank
    install_language("en")


def _session(bank, persona: str, language: str = "en") -> ClientSession:
    install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url="", language=language)


def _register(bank, title: str, minutes_ago: float) -> int:
    return cs.register_incident(actor_id=bank.id("customer"), title=title, description="화면이 열리지 않음",
                                application_id=bank.app.id, urgency="high", incident_type="application",
                                now=utcnow() - timedelta(minutes=minutes_ago)).case_id


def test_a_burst_of_three_incidents_warns_the_lead_once_and_the_banner_makes_a_parent(bank, qtbot):
    page = IncidentListPage(_session(bank, "lead"))
    qtbot.addWidget(page)
    page.show()
    banner = page.warning_banner
    with qtbot.waitSignal(banner.sig_loaded, timeout=10_000):
        banner.refresh()
    assert banner.isHidden()  # nothing has happened yet

    ids = [_register(bank, title, ago) for title, ago in (("인터넷뱅킹 접속 불가", 9), ("IB login page down", 6),
                                                          ("인터넷뱅킹 전면 장애", 2))]
    _register(bank, "인터넷뱅킹 접속 안됨", 1)  # the same burst: nobody is told again

    told = [n for n in Notification.select().where((Notification.recipient == bank.id("lead"))
                                                   & (Notification.kind == early_warning.NOTICE_KIND))]
    assert len(told) == 1 and told[0].case_id == ids[2]
    assert EarlyWarning.select().count() == 1

    with qtbot.waitSignal(banner.sig_loaded, timeout=10_000):
        page.changes_arrived(set(ids))
    assert banner.isVisible()
    text = banner.text.text()
    assert "Major incident early warning" in text and "within 15 minutes" in text
    assert all(Incident.get_by_id(i).case.number in text for i in ids)
    assert banner.parent_choice.count() == 4
    banner.parent_choice.setCurrentIndex(banner.parent_choice.findData(ids[0]))
    with qtbot.waitSignal(banner.sig_loaded, timeout=10_000):
        banner.make_parent_button.click()
    assert banner.isHidden()
    children = [i.case_id for i in Incident.select().where(Incident.parent == ids[0])]
    assert len(children) == 3

    customer_page = IncidentListPage(_session(bank, "customer"))
    qtbot.addWidget(customer_page)
    customer_page.warning_banner.refresh()
    assert customer_page.warning_banner.isHidden()  # a customer is never shown the banner


def test_a_candidate_group_becomes_a_problem_with_its_incidents_linked(bank, qtbot, monkeypatch):
    ids = []
    for days, title in ((20, "카드 승인 타임아웃"), (11, "Card approval timeout"), (4, "카드 승인 시간초과 발생")):
        case_id = _register(bank, title, days * 24 * 60)
        cs.accept_incident(actor_id=bank.id("handler"), case_id=case_id, version=None,
                           now=utcnow() - timedelta(days=days) + timedelta(minutes=5))
        ids.append(case_id)
    _register(bank, "공지 팝업 오타", 3 * 24 * 60)  # noise

    window = MainWindow(_session(bank, "pm", "ko"), background=False)
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "문제 후보" in labels
    handler_window = MainWindow(_session(bank, "handler", "ko"), background=False)
    qtbot.addWidget(handler_window)
    assert "문제 후보" not in [handler_window.nav.item(i).text() for i in range(handler_window.nav.count())]

    install_language("en")
    page = CandidatesPage(_session(bank, "pm", "en"))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.show()
    assert page.groups.rowCount() == 1
    assert "3 incidents on " in page.why.text() and "timeout" in page.why.text()  # every suggestion says why
    assert [page.incidents.item(r, 2).text() for r in range(3)] == ["카드 승인 타임아웃", "Card approval timeout",
                                                                    "카드 승인 시간초과 발생"]
    opened = []
    page.sig_open_case.connect(opened.append)
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.create_button.click()
    problem = Problem.get()
    assert opened == [problem.case_id] and problem.assignee_id == bank.id("pm")
    linked = {c.source_id for c in CaseLink.select().where((CaseLink.target == problem.case_id)
                                                           & (CaseLink.kind == "problem"))}
    assert linked == set(ids)
    assert problem.case.number in page.result.text() and "3 incidents linked" in page.result.text()
    assert page.groups.rowCount() == 0  # linked incidents are no candidate any more


def test_a_dismissed_group_leaves_the_page_with_its_reason(bank, qtbot, monkeypatch):
    for days, title in ((9, "야간 배치 작업 실패"), (6, "Nightly batch job failed"), (2, "배치 작업이 실패함")):
        _register(bank, title, days * 24 * 60)
    page = CandidatesPage(_session(bank, "lead", "ko"))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.show()
    assert page.groups.rowCount() == 1
    from desktop.views import prevention

    refused = []
    monkeypatch.setattr(prevention.QMessageBox, "warning", lambda parent, title, text: refused.append(text))
    monkeypatch.setattr(DismissDialog, "ask", classmethod(lambda cls, text, parent=None: "   "))
    page.dismiss_button.click()  # an empty reason is refused: nothing dismissed
    assert len(refused) == 1 and "제외 사유" in refused[0] and page.groups.rowCount() == 1
    monkeypatch.setattr(DismissDialog, "ask", classmethod(lambda cls, text, parent=None: "배치 서버 교체 예정"))
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.dismiss_button.click()
    assert page.groups.rowCount() == 0 and "1" in page.summary.text()
