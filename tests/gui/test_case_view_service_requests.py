"""The case view's service request tab: system, external ID, status and delivery, in Korean and English."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QTableWidget

from desktop.models import ServiceRequestLink
from desktop.views.case_view import CaseView
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.settings import put_setting
from tests.bank import bring_to, make_bank
from tests.db.test_sr_delivery import T0, ItsmServer, configure, sr_rounds
from tests.servers import free_port


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    yield bank
    install_language("en")


def incident_with_srs(bank) -> int:
    """One incident with an SR delivered, one retrying and one to a system nobody configured."""
    port = free_port()
    configure(port)
    put_setting("sr_systems", {**_systems(), "groupware": {"url": f"http://127.0.0.1:{free_port()}/x"}})
    case_id = bring_to(bank, "incident", "in_progress", now=T0)
    cs.close_incident(actor_id=bank.id("handler"), case_id=case_id, version=None, resolution="WAS 재기동",
                      cause="세션 풀 고갈", result="정상화", follow_up_plan="후속 요청",
                      recurrence_prevention="풀 확대",
                      follow_ups=[{"kind": "service_request", "system": "servicenow", "title": "방화벽 포트 개방 요청"},
                                  {"kind": "service_request", "system": "groupware", "title": "장애 공지 게시"}],
                      now=T0)
    server = ItsmServer(port)
    try:
        sr_rounds(T0)  # both fail: nothing listens yet
        server.start()
        sr_rounds(T0 + timedelta(minutes=1))  # servicenow answers; groupware still does not
    finally:
        server.stop()
    return case_id


def _systems() -> dict:
    import json

    from desktop.models import Setting

    return json.loads(Setting.get(Setting.key == "sr_systems").value)


def sr_table(view: CaseView) -> list[list[str]]:
    page = view.tab("service_requests")
    assert page is not None
    table = page.findChild(QTableWidget)
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_case_shows_each_sr_with_its_external_id_and_delivery(qtbot, bank, language):
    case_id = incident_with_srs(bank)
    assert install_language(language)
    session = ClientSession(actor=load_actor(bank.id("handler")), database_url=bank.url, language=language)
    view = CaseView(session, case_id)
    qtbot.addWidget(view)

    rows = {row[0]: row for row in sr_table(view)}

    delivered, retrying = rows["servicenow"], rows["groupware"]
    assert delivered[1] == "방화벽 포트 개방 요청" and delivered[2] == "REQ1000" and delivered[3] == "New"
    assert retrying[2] == "—" and "refused" in retrying[7].lower()
    if language == "ko":
        assert delivered[4] == "전달됨" and delivered[3] == "New"
        assert "재시도 중 (2회 실패)" in retrying[4]
        assert view.tabs.tabText(view.tabs.indexOf(view.tab("service_requests"))) == "서비스 요청"
    else:
        assert delivered[4] == "Delivered"
        assert retrying[4].startswith("Retrying (2 failed), next ")


def test_an_incident_without_srs_has_no_sr_tab(qtbot, bank):
    case_id = bring_to(bank, "incident", "in_progress", now=T0)
    session = ClientSession(actor=load_actor(bank.id("handler")), database_url=bank.url, language="en")
    view = CaseView(session, case_id)
    qtbot.addWidget(view)
    assert view.tab("service_requests") is None
    assert ServiceRequestLink.select().count() == 0
