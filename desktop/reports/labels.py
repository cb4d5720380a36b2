"""Every word a printed report shows, in Korean and English.

Labels are small ko/en dicts read through `tr(key, lang)`; codes that come from
data (action kinds, notice kinds, clock states, link kinds) have their own
catalogs with a readable fallback, so a new code prints as itself rather than
failing the report.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.i18n import pick

Text = Mapping[str, str]

LABELS: dict[str, dict[str, str]] = {
    # report titles
    "incident_report": {"ko": "장애 보고서", "en": "Incident report"},
    "problem_report": {"ko": "문제 보고서", "en": "Problem report"},
    "sla_report": {"ko": "월간 SLA 보고서", "en": "Monthly SLA report"},
    "incident_report_sub": {"ko": "INCIDENT REPORT", "en": ""},
    "problem_report_sub": {"ko": "PROBLEM REPORT", "en": ""},
    "sla_report_sub": {"ko": "MONTHLY SLA REPORT", "en": ""},
    # sections
    "basic": {"ko": "기본 정보", "en": "Basic information"},
    "description": {"ko": "장애 내용", "en": "Description"},
    "problem_description": {"ko": "문제 내용", "en": "Description"},
    "grade_history": {"ko": "등급 변경 이력", "en": "Grade changes"},
    "handlers": {"ko": "담당자 이력", "en": "Handlers"},
    "propagation": {"ko": "전파 내역", "en": "Propagation"},
    "sla": {"ko": "처리 시간 및 SLA", "en": "Handling time and SLA"},
    "elapsed_section": {"ko": "처리 기간 및 SLA", "en": "Duration and SLA"},
    "time_chart": {"ko": "타임 차트", "en": "Time chart"},
    "stage_times": {"ko": "단계별 소요 시간", "en": "Time per stage"},
    "actions": {"ko": "조치 내역", "en": "Actions"},
    "work_orders": {"ko": "작업 지시 및 결과", "en": "Work orders and results"},
    "linked": {"ko": "연관 변경 · 문제 · 서비스 요청", "en": "Linked changes, problems and service requests"},
    "linked_problem": {"ko": "연관 변경 · 서비스 요청", "en": "Linked changes and service requests"},
    "closure": {"ko": "원인 및 결과", "en": "Cause and result"},
    "analysis": {"ko": "원인 분석 및 해결", "en": "Analysis and solution"},
    "linked_incidents": {"ko": "연관 장애", "en": "Linked incidents"},
    "approval": {"ko": "결재", "en": "Approval"},
    "prepared": {"ko": "작성", "en": "Prepared"},
    "reviewed": {"ko": "검토", "en": "Reviewed"},
    "approved": {"ko": "승인", "en": "Approved"},
    # fields
    "number": {"ko": "번호", "en": "Number"},
    "incident_number": {"ko": "장애 번호", "en": "Incident no."},
    "problem_number": {"ko": "문제 번호", "en": "Problem no."},
    "title": {"ko": "제목", "en": "Title"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "incident_type": {"ko": "장애 유형", "en": "Incident type"},
    "urgency": {"ko": "긴급도", "en": "Urgency"},
    "impact": {"ko": "영향도", "en": "Impact"},
    "grade": {"ko": "장애 등급", "en": "Grade"},
    "problem_grade": {"ko": "등급", "en": "Grade"},
    "state": {"ko": "상태", "en": "State"},
    "registered_by": {"ko": "등록자", "en": "Registered by"},
    "registered_at": {"ko": "등록 일시", "en": "Registered"},
    "occurred_at": {"ko": "발생 일시", "en": "Occurred"},
    "accepted_at": {"ko": "접수 일시", "en": "Accepted"},
    "resolved_at": {"ko": "해결 일시", "en": "Resolved"},
    "closed_at": {"ko": "종결 일시", "en": "Closed"},
    "problem_closed_at": {"ko": "종료 일시", "en": "Closed"},
    "cancelled_at": {"ko": "취소 일시", "en": "Cancelled"},
    "assignee": {"ko": "담당자", "en": "Assignee"},
    "team": {"ko": "담당 팀", "en": "Team"},
    "parent": {"ko": "상위 장애", "en": "Parent incident"},
    "children": {"ko": "하위 장애", "en": "Child incidents"},
    "reopen_count": {"ko": "재처리 횟수", "en": "Reopened"},
    "resolution": {"ko": "조치 결과 요약", "en": "Resolution"},
    "cause": {"ko": "장애 원인", "en": "Cause"},
    "result": {"ko": "처리 결과", "en": "Result"},
    "follow_up_plan": {"ko": "향후 조치 계획", "en": "Follow-up plan"},
    "recurrence_prevention": {"ko": "재발 방지 대책", "en": "Recurrence prevention"},
    "cancel_reason": {"ko": "취소 사유", "en": "Cancel reason"},
    "root_cause": {"ko": "근본 원인", "en": "Root cause"},
    "workaround": {"ko": "임시 해결 방안", "en": "Workaround"},
    "solution": {"ko": "해결 방안", "en": "Solution"},
    "verification_result": {"ko": "결과 확인 내용", "en": "Verification result"},
    "known_error": {"ko": "알려진 오류", "en": "Known error"},
    "known_error_yes": {"ko": "등록됨 ({at})", "en": "Recorded ({at})"},
    "verification_count": {"ko": "결과 확인 횟수", "en": "Verifications"},
    "propagation_group": {"ko": "전파 그룹 (현재 구성)", "en": "Propagation group (current)"},
    "initial_grade": {"ko": "최초 등급", "en": "Initial grade"},
    "no_grade_change": {"ko": "등급 변경 없음 — 등록 시 등급 {grade} 유지",
                        "en": "No grade change — kept {grade} from registration"},
    "elapsed_total": {"ko": "총 경과 시간", "en": "Total elapsed"},
    "elapsed_total_detail": {"ko": "등록 → {end}", "en": "Registered → {end}"},
    "until_now": {"ko": "현재(출력 시점)", "en": "now (time of printing)"},
    "count_suffix": {"ko": "{n}건", "en": "{n}"},
    "times_suffix": {"ko": "{n}회", "en": "{n}"},
    "none": {"ko": "없음", "en": "None"},
    "dash": {"ko": "-", "en": "-"},
    "yes": {"ko": "예", "en": "Yes"},
    "no": {"ko": "아니오", "en": "No"},
    "continued": {"ko": "(계속)", "en": "(continued)"},
    # table columns
    "col_no": {"ko": "No", "en": "No"},
    "col_at": {"ko": "일시", "en": "Time"},
    "col_actor": {"ko": "처리자", "en": "By"},
    "col_kind": {"ko": "구분", "en": "Kind"},
    "col_body": {"ko": "내용", "en": "Details"},
    "col_minutes": {"ko": "소요", "en": "Spent"},
    "col_before": {"ko": "변경 전", "en": "Before"},
    "col_after": {"ko": "변경 후", "en": "After"},
    "col_reason": {"ko": "사유", "en": "Reason"},
    "col_changed_by": {"ko": "변경자", "en": "Changed by"},
    "col_handler": {"ko": "담당자", "en": "Handler"},
    "col_team": {"ko": "팀", "en": "Team"},
    "col_via": {"ko": "계기", "en": "Through"},
    "col_recipient": {"ko": "수신자", "en": "Recipient"},
    "col_role": {"ko": "전파 사유", "en": "Why"},
    "col_notice": {"ko": "통보 구분", "en": "Notice"},
    "col_told": {"ko": "통보 일시", "en": "Queued"},
    "col_sent": {"ko": "발송 일시 / 상태", "en": "Sent / status"},
    "col_clock": {"ko": "구분", "en": "Clock"},
    "col_basis": {"ko": "기준", "en": "Basis"},
    "col_target": {"ko": "목표", "en": "Target"},
    "col_actual": {"ko": "실적", "en": "Actual"},
    "col_paused": {"ko": "일시정지", "en": "Paused"},
    "col_margin": {"ko": "잔여 / 초과", "en": "Left / over"},
    "col_verdict": {"ko": "결과", "en": "Result"},
    "col_stage": {"ko": "단계", "en": "Stage"},
    "col_start": {"ko": "시작", "en": "Start"},
    "col_end": {"ko": "종료", "en": "End"},
    "col_duration": {"ko": "소요 시간", "en": "Duration"},
    "col_number": {"ko": "번호", "en": "Number"},
    "col_title": {"ko": "제목", "en": "Title"},
    "col_state": {"ko": "상태", "en": "State"},
    "col_issued": {"ko": "지시 일시", "en": "Issued"},
    "col_finished": {"ko": "완료 일시", "en": "Finished"},
    "col_result": {"ko": "지시 내용 / 결과", "en": "Instructions / result"},
    "col_relation": {"ko": "구분", "en": "Relation"},
    "col_opened": {"ko": "등록 일시", "en": "Opened"},
    "col_grade": {"ko": "등급", "en": "Grade"},
    "col_application": {"ko": "업무시스템", "en": "Application"},
    "instructions": {"ko": "지시", "en": "Instructions"},
    "wo_result": {"ko": "결과", "en": "Result"},
    "wo_returned": {"ko": "반송 사유", "en": "Returned because"},
    "due": {"ko": "기한", "en": "Due"},
    "minutes_short": {"ko": "{n}분", "en": "{n} min"},
    "pending_send": {"ko": "미발송", "en": "not sent"},
    "sent_ok": {"ko": "{at} 발송", "en": "sent {at}"},
    # SLA
    "clock_response": {"ko": "응답 (접수)", "en": "Response (accept)"},
    "clock_resolution": {"ko": "해결", "en": "Resolution"},
    "clock_response_short": {"ko": "응답", "en": "Response"},
    "clock_resolution_short": {"ko": "해결", "en": "Resolution"},
    "no_clocks": {"ko": "이 건에는 SLA 시계가 없습니다.", "en": "This case has no SLA clocks."},
    "paused_note": {"ko": "일시정지(고객 응답 대기·재처리 전 종결 기간)는 실적에서 뺍니다.",
                    "en": "Paused time (waiting for the customer, closed before a reopen) is not counted."},
    # time chart
    "legend_waiting": {"ko": "고객 응답 대기", "en": "Waiting for customer"},
    "marker_action": {"ko": "조치", "en": "Actions"},
    "marker_work_order": {"ko": "작업 지시", "en": "Work orders"},
    "marker_change": {"ko": "변경", "en": "Changes"},
    "marker_event": {"ko": "주요 이벤트", "en": "Key events"},
    "marker_incident": {"ko": "연관 장애", "en": "Incidents"},
    "due_response": {"ko": "응답 목표", "en": "Response due"},
    "due_resolution": {"ko": "해결 목표", "en": "Resolution due"},
    "due_outside": {"ko": "{what} {at} (차트 범위 밖)", "en": "{what} {at} (outside the chart)"},
    "chart_range": {"ko": "표시 범위 {start} ~ {end} · 눈금 {step}",
                    "en": "Shown {start} – {end} · ticks every {step}"},
    "stage_total": {"ko": "합계", "en": "Total"},
    "of_which_waiting": {"ko": "(고객 대기 {d} 포함)", "en": "(incl. {d} waiting)"},
    "milestone": {"ko": "시점", "en": "point in time"},
    # footer
    "printed": {"ko": "출력 일시 {at}", "en": "Printed {at}"},
    # monthly
    "summary": {"ko": "요약", "en": "Summary"},
    "period": {"ko": "대상 기간", "en": "Period"},
    "scope": {"ko": "범위", "en": "Scope"},
    "time_zone": {"ko": "기준 시간대", "en": "Time zone"},
    "all": {"ko": "전체", "en": "All"},
    "total": {"ko": "합계", "en": "Total"},
    "registered_count": {"ko": "등록 건수", "en": "Registered"},
    "response_rate": {"ko": "적기 응답률", "en": "On-time response"},
    "resolution_rate": {"ko": "적기 해결률", "en": "On-time resolution"},
    "backlog": {"ko": "월말 미결", "en": "Open at month end"},
    "reopen_rate": {"ko": "재처리율", "en": "Reopen rate"},
    "cancelled_excluded": {"ko": "취소 {n}건 제외", "en": "{n} cancelled not counted"},
    "judged_of": {"ko": "{met}/{judged}건", "en": "{met} of {judged}"},
    "counts_by_grade_state": {"ko": "등급 · 상태별 건수", "en": "Incidents by grade and state"},
    "rates_by_grade": {"ko": "등급별 적기 처리율과 처리 시간", "en": "On-time rates and times by grade"},
    "rates_by_application": {"ko": "업무시스템별 적기 처리율", "en": "On-time rates by application"},
    "rates_by_team": {"ko": "팀별 적기 처리율", "en": "On-time rates by team"},
    "worst_breaches": {"ko": "SLA 초과가 큰 건 (상위 {n})", "en": "Largest SLA overruns (top {n})"},
    "trend": {"ko": "12개월 추이", "en": "12-month trend"},
    "col_count": {"ko": "건수", "en": "Count"},
    "col_response_rate": {"ko": "적기 응답률", "en": "Resp. on time"},
    "col_resolution_rate": {"ko": "적기 해결률", "en": "Resol. on time"},
    "col_mean_accept": {"ko": "접수 평균", "en": "Accept mean"},
    "col_median_accept": {"ko": "접수 중앙값", "en": "Accept median"},
    "col_mean_resolve": {"ko": "해결 평균", "en": "Resolve mean"},
    "col_median_resolve": {"ko": "해결 중앙값", "en": "Resolve median"},
    "col_backlog": {"ko": "미결", "en": "Open"},
    "col_month": {"ko": "월", "en": "Month"},
    "col_overrun": {"ko": "초과", "en": "Over by"},
    "col_unit": {"ko": "시간 기준", "en": "Time basis"},
    "unit_wall": {"ko": "경과(24시간)", "en": "Wall clock"},
    "unit_business": {"ko": "업무시간 ({h}시간/일)", "en": "Business ({h} h/day)"},
    "no_data": {"ko": "해당 기간에 등록된 장애가 없습니다.", "en": "No incidents were registered in this period."},
    "no_breaches": {"ko": "SLA를 초과한 건이 없습니다.", "en": "No SLA clock was missed."},
    "chart_counts_by_grade": {"ko": "등급별 등록 건수", "en": "Incidents by grade"},
    "chart_rates_by_grade": {"ko": "등급별 적기 처리율 (%)", "en": "On-time rate by grade (%)"},
    "chart_rates_by_application": {"ko": "업무시스템별 적기 해결률 (%)", "en": "On-time resolution by application (%)"},
    "chart_trend_counts": {"ko": "월별 등록 건수", "en": "Incidents per month"},
    "chart_trend_rates": {"ko": "월별 적기 처리율 (%)", "en": "On-time rates per month (%)"},
    "rates_note": {"ko": "적기 처리율 = 목표 내 처리 건 ÷ 판정된 건 (진행 중인 건은 판정 전). "
                         "처리 시간은 등급의 SLA 달력 기준(24×7은 경과 시간, 업무 달력은 업무시간)입니다.",
                   "en": "On-time rate = clocks met ÷ clocks judged (running clocks are not judged yet). "
                         "Times are in each grade's SLA calendar: wall clock on 24×7, business time otherwise."},
    "breach_note": {"ko": "초과 = 판정 기준 실적 - 목표. 업무 달력 건은 업무시간 기준입니다.",
                    "en": "Over by = judged figure - target; business-calendar clocks count business time."},
    "other_team": {"ko": "(팀 미지정)", "en": "(no team)"},
}

ACTION_KINDS: dict[str, dict[str, str]] = {
    "note": {"ko": "메모", "en": "Note"},
    "investigation": {"ko": "조사", "en": "Investigation"},
    "fix": {"ko": "조치", "en": "Fix"},
    "contact": {"ko": "연락", "en": "Contact"},
    "workaround": {"ko": "임시 조치", "en": "Workaround"},
    "comment": {"ko": "의견", "en": "Comment"},
}

NOTICE_KINDS: dict[str, dict[str, str]] = {
    "registered": {"ko": "등록", "en": "Registered"},
    "assigned": {"ko": "배정", "en": "Assigned"},
    "accepted": {"ko": "접수", "en": "Accepted"},
    "regraded": {"ko": "등급 변경", "en": "Grade changed"},
    "closed": {"ko": "종결", "en": "Closed"},
    "cancelled": {"ko": "취소", "en": "Cancelled"},
    "reopened": {"ko": "재처리", "en": "Reopened"},
    "sla_warning": {"ko": "SLA 경고", "en": "SLA warning"},
    "sla_breach": {"ko": "SLA 초과", "en": "SLA breach"},
    "work_order_issued": {"ko": "작업 지시", "en": "Work order issued"},
    "work_order_start": {"ko": "작업 시작", "en": "Work started"},
    "work_order_complete": {"ko": "작업 완료", "en": "Work done"},
    "work_order_return": {"ko": "작업 반송", "en": "Work returned"},
}

NOTICE_REASONS: dict[str, dict[str, str]] = {
    "manual_add": {"ko": "수동 추가", "en": "Added by hand"},
    "reporter": {"ko": "등록자", "en": "Reporter"},
    "assignee": {"ko": "담당자", "en": "Assignee"},
    "issuer": {"ko": "지시자", "en": "Issuer"},
    "parent_assignee": {"ko": "상위 건 담당자", "en": "Parent's assignee"},
}

NOTICE_STATUS: dict[str, dict[str, str]] = {
    "pending": {"ko": "발송 대기", "en": "Pending"},
    "sent": {"ko": "발송", "en": "Sent"},
    "failed": {"ko": "실패 (재시도 중)", "en": "Failed (retrying)"},
    "dead": {"ko": "발송 불가", "en": "Undeliverable"},
}

CLOCK_STATES: dict[str, dict[str, str]] = {
    "met": {"ko": "준수", "en": "Met"},
    "missed": {"ko": "초과 (위반)", "en": "Missed"},
    "stopped": {"ko": "판정 없음", "en": "Not judged"},
    "paused": {"ko": "일시정지 중", "en": "Paused"},
    "on_track": {"ko": "진행 중", "en": "On track"},
    "warning": {"ko": "진행 중 (경고)", "en": "On track (warning)"},
    "breached": {"ko": "진행 중 (초과)", "en": "Running, breached"},
}

LINK_KINDS: dict[str, dict[str, str]] = {
    "problem": {"ko": "문제", "en": "Problem"},
    "change": {"ko": "변경", "en": "Change"},
    "incident": {"ko": "장애", "en": "Incident"},
    "related": {"ko": "관련 건", "en": "Related"},
    "duplicate": {"ko": "중복 건", "en": "Duplicate"},
    "duplicated_by": {"ko": "중복 등록된 건", "en": "Duplicated by"},
    "parent": {"ko": "상위 장애", "en": "Parent incident"},
    "child": {"ko": "하위 장애", "en": "Child incident"},
    "service_request": {"ko": "서비스 요청", "en": "Service request"},
    "work_order": {"ko": "작업 지시", "en": "Work order"},
}

SR_STATES: dict[str, dict[str, str]] = {
    "requested": {"ko": "요청", "en": "Requested"},
    "registered": {"ko": "등록됨", "en": "Registered"},
    "in_progress": {"ko": "진행", "en": "In progress"},
    "done": {"ko": "완료", "en": "Done"},
    "rejected": {"ko": "반려", "en": "Rejected"},
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def tr(key: str, lang: str, **params: object) -> str:
    """The label `key` in `lang`, with `{placeholders}` filled in."""
    text = pick(LABELS[key], lang)
    return text.format(**params) if params else text


def from_catalog(catalog: Mapping[str, Mapping[str, str]], code: str, lang: str) -> str:
    """A code's label from one of the catalogs above; unknown codes print as themselves."""
    texts = catalog.get(code)
    return pick(texts, lang) if texts else code


def month_label(year: int, month: int, lang: str) -> str:
    """'2026년 10월' or 'October 2026'."""
    return f"{year}년 {month}월" if lang == "ko" else f"{MONTHS_EN[month - 1]} {year}"


def short_month_label(year: int, month: int, lang: str) -> str:
    """'26.10' style tick labels: '10월' / 'Oct', with the year where it changes."""
    return f"{month}월" if lang == "ko" else MONTHS_EN[month - 1][:3]
