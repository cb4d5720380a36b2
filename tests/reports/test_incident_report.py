"""The incident report (장애 보고서): what it says, in both languages, read back from the PDF.

Grade 1 runs on the 24×7 calendar (response 10 min, resolution 240 min), so
handling minutes are wall-clock minutes and 1880 of them print as 1일 7시간 20분.
24 Nov 2026 is a Tuesday.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.errors import BeaconError
from desktop.models import Notification, User
from desktop.reports.data import load_incident_report
from desktop.reports.report_service import incident_report_pdf
from tests.bank import make_bank, seoul
from tests.reports.helpers import Incident, body_text, page_total, pdf_pages, pdf_text, squash

# a cause of exactly 2,000 characters, with spaces where a writer would put them
LONG_CAUSE = ("월말 배치와 온라인 거래가 겹치는 시간대에 WAS 세션 풀이 고갈되어 로그인 요청이 대기열에 쌓였고, "
              "커넥션 누수로 반환되지 않은 세션이 누적되었다. ") * 40
LONG_CAUSE = LONG_CAUSE[:1999] + "끝"
assert len(LONG_CAUSE) == 2000


def handled_for_1880_minutes(bank) -> Incident:
    """A grade-1 incident closed 1880 wall minutes (1 day 7 h 20 min) after it was registered."""
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    case.handle(seoul(2026, 11, 24, 10, 0), accept_after=5)
    case.close(seoul(2026, 11, 25, 17, 20))
    return case


def test_handling_time_prints_as_days_hours_minutes_in_both_languages(db):
    bank = make_bank(impact="high")
    case = handled_for_1880_minutes(bank)
    data = load_incident_report(case.number)
    resolution = next(c for c in data.clocks if c.kind == "resolution")
    assert (resolution.elapsed, resolution.business, resolution.state) == (1880, False, "missed")

    korean = pdf_text(incident_report_pdf(case.number, lang="ko"))
    assert "1일 7시간 20분" in korean
    assert "경과 시간 (1일 = 24시간)" in korean  # wall clock, and the label says so
    assert "초과 (위반)" in korean and "4시간" in korean  # missed the 240-minute target

    english = pdf_text(incident_report_pdf(case.number, lang="en"))
    assert "1d 7h 20m" in english
    assert "Elapsed (1d = 24h)" in english and "Missed" in english


def test_every_section_of_a_full_case(db):
    bank = make_bank(impact="high")
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    started = case.handle(seoul(2026, 11, 24, 10, 0))
    case.action(seoul(2026, 11, 24, 10, 20), "WAS 로그에서 세션 풀 고갈 확인", minutes=15)
    case.fire("regrade", seoul(2026, 11, 24, 10, 40), grade=2, grade_reason="영향 범위가 일부 영업점으로 축소됨")
    wo = case.work_order(seoul(2026, 11, 24, 11, 0), seoul(2026, 11, 24, 12, 0))
    case.fire("wait", seoul(2026, 11, 24, 12, 30), note="고객 재현 확인 요청")
    case.fire("resume", seoul(2026, 11, 24, 13, 30), by="customer")
    change = case.change(seoul(2026, 11, 24, 14, 0))
    problem = case.problem(seoul(2026, 11, 24, 14, 10))
    case.action(seoul(2026, 11, 24, 14, 30), "WAS 재기동 후 정상 확인", kind="fix")
    case.close(seoul(2026, 11, 24, 15, 0), follow_ups=[
        {"kind": "service_request", "title": "대외기관 회선 점검 요청", "system": "대외계"}])
    assert started

    data = load_incident_report(case.number)
    # from the event log: the grade change with its reason, the waiting span, the handlers
    assert [(c.before.level, c.after.level, c.reason) for c in data.grade_changes] == \
        [(1, 2, "영향 범위가 일부 영업점으로 축소됨")]
    assert [s.state for s in data.timeline.segments] == ["registered", "accepted", "in_progress", "waiting",
                                                         "in_progress", "closed"]
    assert [s.waiting for s in data.timeline.segments].count(True) == 1
    assert data.handlers[0].handler.name["ko"] == "handler님"
    kinds = {m.kind for m in data.timeline.markers}
    assert {"action", "work_order", "change", "event"} <= kinds
    # every change Beacon made wrote its event with it: nothing of this case is marked as made outside Beacon
    assert data.outside == []

    pdf = incident_report_pdf(case.number, lang="ko")
    text = pdf_text(pdf)
    assert "결재" in squash(text)  # written one syllable a line down the side of the approval box
    for label in ("장애 보고서", "작성", "검토", "승인", "1. 기본 정보", "등급 변경 이력", "담당자 이력",
                  "전파 내역", "2. 처리 시간 및 SLA", "3. 타임 차트", "단계별 소요 시간", "4. 조치 내역",
                  "5. 작업 지시 및 결과", "6. 연관 변경 · 문제 · 서비스 요청", "7. 원인 및 결과", "장애 원인",
                  "재발 방지 대책", "고객 응답 대기", "출력 일시"):
        assert label in text, label
    assert "Beacon 밖" not in text  # no section for out-of-band changes: there are none
    assert case.number in text and "인터넷뱅킹" in text
    assert "영향 범위가 일부 영업점으로 축소됨" in text  # regrade reason
    assert "1등급 (긴급)" in text and "2등급 (높음)" in text
    assert wo in text and "힙 덤프 분석 완료, 누수 지점 확인" in text  # work order and its result
    assert change in text and problem in text and "대외기관 회선 점검 요청" in text
    assert "세션 풀 상한 확대와 누수 점검" in text
    # propagation: who was told, from the notification rows of the case
    told = {n.recipient.name for n in Notification.select().join(User).where(Notification.case == case.id)}
    assert {"lead님", "head님"} <= told
    assert "lead님" in text and "head님" in text and "팀장" in text
    # footer: page x / n on every page
    pages = pdf_pages(pdf)
    for number, page in enumerate(pages, start=1):
        assert f"{number} / {len(pages)}" in page

    english = pdf_text(incident_report_pdf(case.number, lang="en"))
    for label in ("Incident report", "Approval", "Prepared", "Reviewed", "Approved", "1. Basic information",
                  "Grade changes", "Propagation", "3. Time chart", "Waiting for customer", "4. Actions",
                  "Work orders and results", "Cause and result", "Recurrence prevention", "Grade 1 (critical)"):
        assert label in english, label


def test_long_texts_are_never_cut(db):
    bank = make_bank()
    case = Incident(bank, seoul(2026, 11, 24, 10, 0), title="긴 제목 " * 40)
    case.handle(seoul(2026, 11, 24, 10, 0))
    # one 'word' wider than any column: broken between syllables, not lost; at ~280 mm the row is taller
    # than a page, so it crosses a page break wherever the table starts
    unbroken = "가" * 1800
    case.action(seoul(2026, 11, 24, 10, 30), unbroken)
    case.close(seoul(2026, 11, 24, 11, 0), cause=LONG_CAUSE, result=LONG_CAUSE.replace("끝", "끗"))
    for lang in ("ko", "en"):
        flat = squash(body_text(incident_report_pdf(case.number, lang=lang)))
        assert squash(LONG_CAUSE) in flat
        assert squash(LONG_CAUSE.replace("끝", "끗")) in flat
        # a row split over a page break goes on under the repeated header row of the table, marked as
        # continued (and after the row's last cell, '-' minutes spent, on the first page)
        header = "No일시처리자구분내용소요" if lang == "ko" else "NoTimeByKindDetailsSpent"
        continued = "(계속)" if lang == "ko" else "(continued)"
        assert flat.count(continued) in (1, 2)
        assert unbroken in flat.replace(header, "").replace(continued, "").replace("-", "")
        assert squash("긴 제목 " * 40) in flat


def test_three_hundred_long_actions_split_cleanly_over_many_pages(db):
    bank = make_bank()
    case = Incident(bank, seoul(2026, 11, 24, 9, 0))
    start = case.handle(seoul(2026, 11, 24, 9, 0))
    body = ("로그와 지표를 확인하고 관련 부서와 통화하여 원인 후보를 좁혔다. " * 60)[:1990]
    for i in range(1, 301):
        case.action(start + timedelta(minutes=i), f"{body} #{i:03d}")
    case.close(start + timedelta(minutes=400))
    pdf = incident_report_pdf(case.number, lang="ko")
    pages = page_total(pdf)
    assert pages > 100
    tail = squash("".join(pdf_pages(pdf, slice(pages - 12, pages))))
    assert "#300" in tail and "재발방지대책" in tail
    assert f"{pages}/{pages}" in tail
    # the header row is repeated on the pages the table continues on
    middle = pdf_pages(pdf, slice(pages // 2, pages // 2 + 1))[0]
    assert "처리자" in middle and "내용" in middle


def test_a_ten_minute_case_and_a_ten_day_case_get_readable_time_axes(db):
    bank = make_bank()
    quick = Incident(bank, seoul(2026, 11, 24, 10, 0))
    quick.handle(seoul(2026, 11, 24, 10, 0), accept_after=2)
    quick.close(seoul(2026, 11, 24, 10, 10))
    text = pdf_text(incident_report_pdf(quick.number, lang="ko"))
    # ticks every 2 minutes on the chart
    assert {"10:00", "10:02", "10:04", "10:06", "10:08"} <= set(text.split())
    assert "눈금 2분" in text

    slow = Incident(bank, seoul(2026, 11, 20, 10, 0))
    slow.handle(seoul(2026, 11, 20, 10, 0), accept_after=30)
    slow.close(seoul(2026, 11, 30, 10, 0))
    text = pdf_text(incident_report_pdf(slow.number, lang="en"))
    assert "ticks every 1d" in text or "ticks every 2d" in text
    assert "11-25" in text.split() or "11-26" in text.split()


def test_times_are_shown_in_the_readers_time_zone(db):
    bank = make_bank()
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    seoul_text = pdf_text(incident_report_pdf(case.number, lang="ko"))
    assert "2026-11-24 10:00" in seoul_text and "(KST)" in seoul_text
    utc_text = pdf_text(incident_report_pdf(case.number, lang="ko", time_zone="UTC"))
    assert "2026-11-24 01:00" in utc_text and "2026-11-24 10:00" not in utc_text


def test_unknown_or_wrong_numbers_are_refused_in_words(db):
    bank = make_bank()
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    with pytest.raises(BeaconError) as missing:
        incident_report_pdf("INC-2026-999999")
    assert missing.value.code == "report.not_found"
    assert "INC-2026-999999" in missing.value.message("ko") and "찾을 수 없습니다" in missing.value.message("ko")
    from desktop.workflow.cases import case_service as cs

    made = cs.register_problem(actor_id=bank.id("pm"), title="세션 풀 고갈", description="반복")
    with pytest.raises(BeaconError) as wrong:
        incident_report_pdf(made.number)
    assert wrong.value.code == "report.wrong_kind"
    # lower case works too
    assert incident_report_pdf(case.number.lower()).startswith(b"%PDF")


def test_a_customer_prints_only_what_they_registered(db):
    bank = make_bank()
    case = Incident(bank, seoul(2026, 11, 24, 10, 0))
    assert incident_report_pdf(case.number, actor_id=bank.id("customer")).startswith(b"%PDF")
    from desktop.models import Role, UserRole
    from tests import factories

    stranger = factories.user(login="stranger", name="다른고객")
    UserRole.create(user=stranger, role=Role.get(Role.code == "customer"))
    with pytest.raises(BeaconError) as refused:
        incident_report_pdf(case.number, actor_id=stranger.id)
    assert refused.value.code == "report.not_found"
