"""What a reader must not misread on a printed report: an unfinished case or month, and who was told.

An open case's report is an interim report: every page says so and the approval box is closed off,
so nobody signs it as the final one. 전파 내역 prints the outbox rows as they were written (who,
when, on which channel, with what result), so a later change to the propagation group does not
rewrite history.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from desktop.models import ImpactLevel, Notification, NotificationPreference, User
from desktop.reports.report_service import incident_report_pdf, problem_report_pdf, sla_report_pdf
from desktop.workflow.admin import propagation as ap
from tests import factories
from tests.bank import make_bank, seoul
from tests.reports.helpers import CLOSE, Incident, pdf_pages, pdf_text, squash

INTERIM = {"ko": "중간보고·미종결", "en": "Interimreport·notclosed"}
NO_SIGN = {"ko": "미종결·결재불가", "en": "Notclosed·nosign-off"}


def _long_open_case(bank) -> Incident:
    """An incident in handling with enough actions to run over several pages."""
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    started = case.handle(seoul(2026, 11, 24, 10, 0))
    for i in range(40):
        case.action(started + timedelta(minutes=i + 1), f"조치 {i:02d}: WAS 로그와 세션 풀 지표를 다시 확인함 " * 3)
    return case


def test_an_open_incidents_report_is_marked_unfinished_on_every_page_and_cannot_be_signed(db):
    bank = make_bank()
    case = _long_open_case(bank)
    for lang in ("ko", "en"):
        pages = [squash(p) for p in pdf_pages(incident_report_pdf(case.number, lang=lang))]
        assert len(pages) >= 3
        assert all(INTERIM[lang] in page for page in pages), lang
        assert NO_SIGN[lang] in pages[0]  # the approval box is closed off
        # page 1's summary says the closing texts are not there yet
        assert ("아직입력되지않음" if lang == "ko" else "notenteredyet") in pages[0]

    case.close(seoul(2026, 11, 24, 15, 0))
    for lang in ("ko", "en"):
        pages = [squash(p) for p in pdf_pages(incident_report_pdf(case.number, lang=lang))]
        assert not any(INTERIM[lang] in page or NO_SIGN[lang] in page for page in pages), lang
        # the final report's summary box on page 1: grade, the stage times, cause and result
        first = pages[0]
        for text in (CLOSE["cause"], CLOSE["result"], "2026-11-2410:05", "2026-11-2415:00"):
            assert squash(text) in first, text


def test_an_open_problems_report_is_marked_too(db):
    bank = make_bank()
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    case.handle(seoul(2026, 11, 24, 10, 0))
    number = case.problem(seoul(2026, 11, 24, 11, 0))
    pages = [squash(p) for p in pdf_pages(problem_report_pdf(number, lang="ko"))]
    assert pages and all(INTERIM["ko"] in page for page in pages)


def test_a_running_months_sla_report_says_its_figures_are_interim(db):
    bank = make_bank()
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    case.handle(seoul(2026, 11, 24, 10, 0))
    running = sla_report_pdf("2026-11", lang="ko", now=seoul(2026, 11, 25, 9, 0))
    pages = [squash(p) for p in pdf_pages(running)]
    assert all("중간집계·2026년11월은아직끝나지않았습니다" in page for page in pages)
    assert "현재미결" in pages[0] and "월말미결" not in pages[0]
    ended = [squash(p) for p in pdf_pages(sla_report_pdf("2026-11", lang="en", now=seoul(2026, 12, 2, 9, 0)))]
    assert not any("Interimfigures" in page for page in ended)
    assert "Openatmonthend" in ended[0] and "asof11-3024:00" in ended[0]
    assert "countedbytheirstateatprinting" in ended[0]  # the state table says it is as of now


def test_propagation_prints_who_was_told_as_recorded_even_after_the_group_changes(db):
    bank = make_bank()
    lead = User.get_by_id(bank.id("lead"))
    lead.email = "lead@bank.example"
    lead.save()
    NotificationPreference.create(user=lead, channel="email", kind="*", target="lead@bank.example")
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    told = {login for (login,) in Notification.select(User.login).join(User, on=(Notification.recipient == User.id))
            .where(Notification.case == case.id).tuples()}
    assert {"handler", "lead", "head"} <= told and "outsider" not in told

    # afterwards the group changes: the department head leaves it, an outsider joins
    admin = bank.id("admin")
    ap.remove_member(actor_id=admin, application_id=bank.app.id, user_id=bank.id("head"), reason="휴직")
    ap.add_member(actor_id=admin, application_id=bank.app.id, user_id=bank.id("outsider"), reason="대외 창구")
    for recipient in User.select().where(User.login.in_(["head", "outsider"])):
        recipient.name_en = f"{recipient.login.title()} Person"
        recipient.save()

    english = squash(pdf_text(incident_report_pdf(case.number, lang="en")))
    assert "HeadPerson" in english and "OutsiderPerson" not in english  # the one told, not the one added later
    assert "Departmenthead" in english and "E-mail" in english and "lead@bank.example" in english
    assert "In-app" in english and "sent2026-11-2410:00" in english
    assert "Pending" in english  # the e-mail is still in the outbox, not sent
    korean = squash(pdf_text(incident_report_pdf(case.number, lang="ko")))
    assert "앱알림" in korean and "이메일" in korean and "발송대기" in korean
    assert "현재구성" not in korean and "발송된알림이없습니다" not in korean


def test_no_notice_prints_none_only_when_nothing_was_sent(db):
    bank = make_bank()
    # an application nobody owns yet: no handler to assign, nobody in its propagation group
    orphan = factories.application(name="신규 업무", impact=ImpactLevel.get(ImpactLevel.code == "high"))
    case = Incident(replace(bank, app=orphan), seoul(2026, 11, 24, 10, 0))
    assert not Notification.select().where(Notification.case == case.id).exists()
    korean = squash(pdf_text(incident_report_pdf(case.number, lang="ko")))
    assert "이장애에대해발송된알림이없습니다" in korean
    english = squash(pdf_text(incident_report_pdf(case.number, lang="en")))
    assert "Nonoticewassentforthisincident" in english
