"""The incident report prints "what changed" in section 6 with the suspected cause marked; the monthly report's
section 8 ranks reliability by application and CI with its footnote defining each measure."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.models import Case, Change, database
from desktop.models.numbering import create_case
from desktop.reports.report_service import incident_report_pdf, sla_report_pdf
from desktop.workflow.prevention.changes import mark_suspected_cause
from tests import factories
from tests.bank import make_bank
from tests.reports.helpers import body_text


def test_section_6_lists_what_changed_and_the_suspected_cause(db):
    bank = make_bank()
    occurred = factories.incident(reporter=bank.users["customer"], app=bank.app, state="closed",
                                  at=datetime(2026, 5, 4, 2, 0),
                                  closed_at=datetime(2026, 5, 4, 5, 0),
                                  assignee=bank.users["handler"])
    at = occurred.registered_at - timedelta(days=2, hours=5)
    with database.atomic():
        case = create_case("change", year=2026, created_at=at - timedelta(days=1))
        Change.create(case=case, title="Connection pool 200 to 400", application=bank.app, state="closed",
                      requested_by=bank.users["handler"], requested_at=at - timedelta(days=1), implemented_at=at)
    mark_suspected_cause(actor_id=bank.id("handler"), incident_id=occurred.case_id, cause_id=case.id)
    number = Case.get_by_id(case.id).number
    ko = body_text(incident_report_pdf(occurred.case_id, lang="ko"))
    assert "무엇이 바뀌었나: 등록 전 7일 안에 완료된 변경·작업 지시 (발생 시각 미기재)" in ko
    assert "의심원인·같은업무시스템·등록2일5시간전" in ko.replace(" ", "")  # a table cell wraps where it may
    en = body_text(incident_report_pdf(occurred.case_id, lang="en"))
    section_6 = en[en.index("6. Linked changes"):en.index("7. ")]
    assert number in section_6 and "Suspected cause" in section_6
    assert "sameapplication·2d5hbeforeitwasregistered" in "".join(section_6.split())


def test_monthly_report_ranks_reliability_and_defines_the_measures(db):
    bank = make_bank()
    for day in (3, 10):
        factories.incident(reporter=bank.users["customer"], app=bank.app, state="closed", at=datetime(2026, 4, day),
                           closed_at=datetime(2026, 4, day, 2))
    text = " ".join(body_text(sla_report_pdf("2026-04", lang="en", time_zone="UTC")).split())
    assert "8. Reliability by application and CI (2025-05-01 to 2026-04-30, 12 months)" in text
    assert "MTBF (mean time between failures): (window - downtime) ÷ incidents" in text
    assert "2h" in text[text.index("8. Reliability"):]  # MTTR of the two incidents
