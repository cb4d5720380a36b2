"""The problem report (문제 보고서): five stages, root cause, workaround, known error, linked incidents."""

from __future__ import annotations

import pytest

from desktop.errors import BeaconError
from desktop.reports.data import load_problem_report
from desktop.reports.report_service import problem_report_pdf
from desktop.workflow.cases import case_service as cs
from tests.bank import make_bank, seoul
from tests.reports.helpers import Incident, body_text, pdf_pages, pdf_text, squash

ROOT_CAUSE = "커넥션 풀 반환 누락: 예외 경로에서 close()가 호출되지 않아 세션이 누수됨. " * 30


def worked_problem(bank):
    """A problem that found its cause, failed one verification and was closed, with two linked incidents."""
    pm = bank.id("pm")
    problem = cs.register_problem(actor_id=pm, title="월말 세션 풀 고갈 반복", description="매월 말 로그인 지연 재발",
                                  application_id=bank.app.id, now=seoul(2026, 11, 2, 9, 0))
    pid = problem.case_id
    incidents = []
    for day in (3, 4):
        inc = Incident(bank, seoul(2026, 11, day, 10, 0))
        inc.handle(seoul(2026, 11, day, 10, 0))
        cs.link_problem(actor_id=bank.id("handler"), incident_id=inc.id, problem_id=pid,
                        now=seoul(2026, 11, day, 11, 0))
        incidents.append(inc.number)

    def fire(name, at, **fields):
        cs.transition(actor_id=pm, case_id=pid, name=name, version=None, fields=fields or None, now=at)

    fire("start_derivation", seoul(2026, 11, 5, 9, 0))
    cs.add_action(actor_id=pm, case_id=pid, body="힙 덤프 분석 회의", kind="investigation", now=seoul(2026, 11, 5, 10))
    fire("record_known_error", seoul(2026, 11, 5, 15, 0), workaround="야간 WAS 재기동", root_cause=ROOT_CAUSE)
    wo = cs.issue_work_order(actor_id=pm, parent_id=pid, title="누수 지점 코드 검토",
                             instructions="예외 경로 전수 점검", now=seoul(2026, 11, 6, 9, 0)).number
    change = cs.request_change(actor_id=pm, parent_id=pid, title="커넥션 반환 로직 수정 배포",
                               description="finally 블록", now=seoul(2026, 11, 6, 10, 0)).number
    fire("plan", seoul(2026, 11, 6, 11, 0), root_cause=ROOT_CAUSE, solution="finally 블록에서 반환하도록 수정 배포")
    fire("submit_result", seoul(2026, 11, 9, 9, 0))
    fire("verify_failed", seoul(2026, 11, 10, 9, 0), verification_result="1개 경로 누락 발견")
    fire("plan", seoul(2026, 11, 11, 9, 0), root_cause=ROOT_CAUSE, solution="누락 경로까지 수정 배포")
    fire("submit_result", seoul(2026, 11, 13, 9, 0))
    fire("close", seoul(2026, 11, 20, 9, 0), verification_result="월말 2회 동안 재발 없음")
    return problem.number, incidents, wo, change


def test_problem_report_in_both_languages(db):
    bank = make_bank()
    number, incidents, wo, change = worked_problem(bank)
    data = load_problem_report(number)
    assert [s.stage for s in data.timeline.segments] == [1, 2, 3, 4, 2, 3, 4, 5]
    assert [s.number for s in data.timeline.stages] == [1, 2, 3, 4, 5]
    assert data.is_known_error and data.verification_count == 2
    assert sorted(r.number for r in data.incidents) == sorted(incidents)
    assert {r.state for r in data.incidents} == {"closed"}  # closing the problem closed them

    pdf = problem_report_pdf(number, lang="ko")
    text = pdf_text(pdf)
    for label in ("문제 보고서", "작성", "검토", "승인", "1. 기본 정보", "타임 차트", "문제 등록",
                  "해결 방안 도출", "해결 방안 실행", "결과 확인", "문제 종료", "근본 원인", "임시 해결 방안",
                  "알려진 오류", "해결 방안", "결과 확인 내용", "연관 장애 (2건)", "조치 내역", "작업 지시 및 결과",
                  "연관 변경 · 서비스 요청", "2회"):
        assert label in text, label
    for value in (number, *incidents, wo, change, "야간 WAS 재기동", "누락 경로까지 수정 배포",
                  "월말 2회 동안 재발 없음", "등록됨 (2026-11-05 15:00)"):  # known error, in Seoul time
        assert value in text, value
    assert squash(ROOT_CAUSE) in squash(body_text(pdf))
    pages = pdf_pages(pdf)
    assert f"1 / {len(pages)}" in pages[0]

    english = pdf_text(problem_report_pdf(number, lang="en"))
    for label in ("Problem report", "Root cause", "Workaround", "Known error", "Linked incidents (2)",
                  "Solution derivation", "Result verification", "Verification result"):
        assert label in english, label


def test_problem_number_is_checked(db):
    bank = make_bank()
    inc = Incident(bank, seoul(2026, 11, 3, 10, 0))
    with pytest.raises(BeaconError) as wrong:
        problem_report_pdf(inc.number)
    assert wrong.value.code == "report.wrong_kind"
    assert "Incident" in wrong.value.message("en") and "Problem" in wrong.value.message("en")
    with pytest.raises(BeaconError) as missing:
        problem_report_pdf("PRB-2026-000404")
    assert missing.value.code == "report.not_found" and "PRB-2026-000404" in missing.value.message("en")
